package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civic311.notifications.InvalidTemplate;
import org.civic311.notifications.MessageTemplate;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.RenderedMessage;
import org.civic311.notifications.Templates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The templates admins will edit: defaults, overrides, preview. */
class TemplatesTests extends NotificationsIntegrationSupport {

  @Autowired Templates templates;

  @Test
  void every_event_has_a_default_in_english_and_spanish() {
    assertThat(templates.languages()).containsExactly("en", "es");
    assertThat(templates.list()).hasSize(NotificationEvent.values().length * 2)
        .allSatisfy(t -> assertThat(t.subject()).isNotBlank());
    assertThat(templates.get(NotificationEvent.RESOLVED, NotificationChannel.EMAIL, "es").subject())
        .isEqualTo("La solicitud {{number}} está resuelta");
  }

  @Test
  void a_preview_shows_the_message_with_sample_values_in_text_and_html() {
    MessageTemplate t = templates.get(NotificationEvent.RECEIVED, NotificationChannel.EMAIL, "es");
    RenderedMessage preview = templates.preview(t.event(), t.channel(), t.language(), t.subject(), t.body());
    assertThat(preview.subject()).isEqualTo("Recibimos su reporte 2026-000123 (Bache)");
    assertThat(preview.text()).contains("Esperamos resolverla antes del 25 de noviembre de 2026", "/requests/2026-000123");
    assertThat(preview.html()).contains("<html lang=\"es\">", "City of Springfield");
  }

  @Test
  void a_template_with_unknown_variables_is_refused_and_nothing_is_saved() {
    assertThatThrownBy(() -> templates.saveOverride(
            NotificationEvent.CLOSED, NotificationChannel.EMAIL, "en", "Closed {{number}", "Hi {{reporterName}}"))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("body: unknown variable 'reporterName'")
        .hasMessageContaining("subject: '{{' at character 8 is not a variable");
    assertThat(templates.get(NotificationEvent.CLOSED, NotificationChannel.EMAIL, "en").overridden()).isFalse();
    assertThatThrownBy(() -> templates.get(NotificationEvent.CLOSED, NotificationChannel.EMAIL, "fr"))
        .isInstanceOf(InvalidTemplate.class);
  }

  @Test
  void variables_of_a_merge_include_the_parent_request() {
    assertThat(templates.variables(NotificationEvent.MERGED)).contains("number", "parent", "parentLink");
    assertThat(templates.variables(NotificationEvent.RECEIVED)).doesNotContain("parent", "confirmLink");
  }
}
