package org.civic311.notifications;

import java.util.List;
import java.util.Set;

/**
 * The message templates per event, channel and language, for admin pages: shipped defaults, admins'
 * overrides (used from the next message on, without a restart) and a preview.
 */
public interface Templates {

  /** The languages messages exist in, the city's default first. */
  List<String> languages();

  /** Every template in use, overridden or default. */
  List<MessageTemplate> list();

  /**
   * The template in use.
   *
   * @throws InvalidTemplate when the language is not supported, or the channel does not carry the
   *     event (SMS has no follow confirmation)
   */
  MessageTemplate get(NotificationEvent event, NotificationChannel channel, String language);

  /** The variables a template of this event may use, e.g. {@code number}, {@code link}. */
  Set<String> variables(NotificationEvent event);

  /**
   * Replaces the shipped default with an admin's version.
   *
   * @throws InvalidTemplate naming every problem; nothing is saved then
   */
  MessageTemplate saveOverride(
      NotificationEvent event, NotificationChannel channel, String language, String subject, String body);

  /** Goes back to the shipped default. */
  MessageTemplate resetToDefault(NotificationEvent event, NotificationChannel channel, String language);

  /**
   * Renders a template, saved or not, with sample values, as a recipient would see it. For SMS the
   * text is the message as sent (fitted into one segment where possible); subject and HTML are empty.
   *
   * @throws InvalidTemplate naming every problem
   */
  RenderedMessage preview(
      NotificationEvent event, NotificationChannel channel, String language, String subject, String body);
}
