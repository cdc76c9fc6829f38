package org.civic311.notifications.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.notifications.MessageTemplate;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.RenderedMessage;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns a template and its values into a message: the subject, the plain text with a footer that
 * says why the recipient gets it and how to stop, and the same text laid out as HTML with the city's
 * email layout ({@code notifications/email-layout.html}).
 */
@Component
class MessageRenderer {

  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private final Texts texts;
  private final MiniTemplate layout;

  MessageRenderer(Texts texts) throws IOException {
    this.texts = texts;
    String source = new ClassPathResource("notifications/email-layout.html").getContentAsString(StandardCharsets.UTF_8);
    this.layout = MiniTemplate.parse(
        source, Set.of("language", "subject", "city", "content", "link", "viewLabel", "footer", "unsubscribeLink", "unsubscribeLabel"));
  }

  /** The variables a template of {@code event} may use. */
  static Set<String> variables(NotificationEvent event) {
    Set<String> names = new LinkedHashSet<>(List.of("number", "category", "status", "address", "link", "expected", "message", "city"));
    switch (event) {
      case MERGED -> names.addAll(List.of("parent", "parentLink", "yourReport"));
      case FOLLOW_CONFIRMATION -> names.add("confirmLink");
      case RESOLVED, CLOSED -> names.add("surveyLink");
      case SLA_WARNING, SLA_BREACHED -> names.addAll(List.of("department", "due", "priority"));
      case WATCHED_CHANGE -> names.addAll(List.of("department", "change", "priority"));
      default -> {}
    }
    return names;
  }

  /**
   * Renders a template; a message without an unsubscribe link (staff messages: their link is the
   * console's request page) says in its footer why the recipient gets it instead.
   *
   * @throws org.civic311.notifications.InvalidTemplate when the template is broken
   */
  RenderedMessage render(MessageTemplate template, Map<String, String> values, @org.jspecify.annotations.Nullable String unsubscribeLink) {
    Set<String> allowed = variables(template.event());
    String subject = MiniTemplate.parse(template.subject(), allowed).render(values)
        .replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {2,}", " ").strip();
    String body = BLANK_LINES.matcher(MiniTemplate.parse(template.body(), allowed).render(values).replace("\r\n", "\n"))
        .replaceAll("\n\n").strip();
    String language = template.language();
    String number = values.getOrDefault("number", "");
    boolean staff = template.event().forStaff();
    String footer = texts.get(language, staff ? "email.footer." + template.event().name() : "email.footer", number);
    String unsubscribeLabel = texts.get(language, "email.unsubscribe");
    String text = body + "\n\n-- \n" + footer + "\n"
        + (unsubscribeLink == null ? "" : unsubscribeLabel + ": " + unsubscribeLink + "\n");
    Map<String, String> page = new HashMap<>();
    page.put("language", language);
    page.put("subject", subject);
    page.put("city", values.getOrDefault("city", ""));
    page.put("content", toHtml(body));
    page.put("link", values.getOrDefault("link", ""));
    page.put("viewLabel", texts.get(language, staff ? "email.view.staff" : "email.view", number));
    page.put("footer", footer);
    page.put("unsubscribeLink", unsubscribeLink == null ? "" : unsubscribeLink);
    page.put("unsubscribeLabel", unsubscribeLabel);
    return new RenderedMessage(subject, text, layout.render(page, MiniTemplate::escapeHtml));
  }

  /** Paragraphs for blank lines, line breaks for new lines, links for web addresses; all escaped. */
  static String toHtml(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      if (paragraph.isBlank()) continue;
      html.append("<p style=\"margin:0 0 16px 0;\">");
      String[] lines = paragraph.strip().split("\\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) html.append("<br>\n");
        html.append(linkify(lines[i]));
      }
      html.append("</p>\n");
    }
    return html.toString();
  }

  private static String linkify(String line) {
    StringBuilder out = new StringBuilder();
    Matcher m = URL.matcher(line);
    int last = 0;
    while (m.find()) {
      out.append(MiniTemplate.escapeHtml(line.substring(last, m.start())));
      String url = MiniTemplate.escapeHtml(m.group());
      out.append("<a href=\"").append(url).append("\" style=\"color:#1a4480;\">").append(url).append("</a>");
      last = m.end();
    }
    out.append(MiniTemplate.escapeHtml(line.substring(last)));
    return out.toString();
  }
}
