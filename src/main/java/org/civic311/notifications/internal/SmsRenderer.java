package org.civic311.notifications.internal;

import java.util.Map;
import org.civic311.notifications.MessageTemplate;

/**
 * Turns an SMS template and its values into the text of one message: on one line, and fitted into
 * one segment where possible ({@link SmsText#fit}), cutting the long values and never the links.
 */
final class SmsRenderer {

  /** Twilio refuses longer bodies. */
  static final int MAX_BODY = 1600;

  private SmsRenderer() {}

  /**
   * Renders an SMS template.
   *
   * @throws org.civic311.notifications.InvalidTemplate when the template is broken
   */
  static String render(MessageTemplate template, Map<String, String> values) {
    MiniTemplate parsed = MiniTemplate.parse(template.body(), MessageRenderer.variables(template.event()));
    String text = SmsText.fit(v -> oneLine(parsed.render(v)), values);
    return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
