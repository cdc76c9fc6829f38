package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.civic311.notifications.InvalidTemplate;
import org.junit.jupiter.api.Test;

class MiniTemplateTests {

  private static final Set<String> VARS = Set.of("number", "message", "link");

  @Test
  void values_are_inserted_and_sections_kept_only_when_their_value_is_there() {
    MiniTemplate t = MiniTemplate.parse("Request {{number}}.{{#message}} Note: {{message}}{{/message}}{{^message}} No note.{{/message}}", VARS);
    assertThat(t.render(Map.of("number", "2026-000001", "message", "Fixed"))).isEqualTo("Request 2026-000001. Note: Fixed");
    assertThat(t.render(Map.of("number", "2026-000001"))).isEqualTo("Request 2026-000001. No note.");
  }

  @Test
  void html_rendering_escapes_values_but_not_the_template() {
    MiniTemplate t = MiniTemplate.parse("<p>{{message}}</p>{{&link}}", VARS);
    assertThat(t.render(Map.of("message", "<script>alert('x')</script> & co", "link", "<a>ok</a>"), MiniTemplate::escapeHtml))
        .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</p><a>ok</a>");
  }

  @Test
  void a_broken_template_is_refused_naming_every_problem() {
    assertThatThrownBy(() -> MiniTemplate.parse("{{numbr}} {{#message}} open {{/link}} {{ }} {{oops", VARS))
        .isInstanceOf(InvalidTemplate.class)
        .satisfies(e -> assertThat(((InvalidTemplate) e).problems()).containsExactlyInAnyOrder(
            "unknown variable 'numbr'",
            "'{{/link}}' closes nothing that is open",
            "'{{ }}' names no variable",
            "'{{#message}}' is never closed",
            "'{{' at character 45 is not a variable"));
  }

  @Test
  void plain_text_becomes_escaped_paragraphs_with_links() {
    assertThat(MessageRenderer.toHtml("Hello <b>\nsee https://x.example/requests/1.\n\nBye"))
        .isEqualTo("<p style=\"margin:0 0 16px 0;\">Hello &lt;b&gt;<br>\nsee <a href=\"https://x.example/requests/1\" "
            + "style=\"color:#1a4480;\">https://x.example/requests/1</a>.</p>\n<p style=\"margin:0 0 16px 0;\">Bye</p>\n");
  }
}
