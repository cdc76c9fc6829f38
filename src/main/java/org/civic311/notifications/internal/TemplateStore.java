package org.civic311.notifications.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civic311.notifications.InvalidTemplate;
import org.civic311.notifications.MessageTemplate;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.RenderedMessage;
import org.civic311.notifications.Templates;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shipped default templates ({@code notifications/templates/<channel>/<language>/<event>.txt}: a
 * {@code Subject:} line, a blank line, the body) and admins' overrides in {@code
 * notifications.template_override}, read at every use so an edit counts from the next message on.
 */
@Component
class TemplateStore implements Templates {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Texts texts;
  private final MessageRenderer renderer;
  private final MessageValues samples;
  private final Map<Key, MessageTemplate> defaults = new HashMap<>();

  TemplateStore(JdbcClient jdbc, Clock clock, Texts texts, MessageRenderer renderer, MessageValues samples) throws IOException {
    this.jdbc = jdbc;
    this.clock = clock;
    this.texts = texts;
    this.renderer = renderer;
    this.samples = samples;
    for (NotificationChannel channel : NotificationChannel.values()) {
      for (String language : Texts.SUPPORTED) {
        for (NotificationEvent event : NotificationEvent.values()) {
          if (!channel.carries(event)) continue;
          String path = "notifications/templates/" + channel.name().toLowerCase(Locale.ROOT) + "/" + language + "/"
              + event.name().toLowerCase(Locale.ROOT) + ".txt";
          String source = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
          MessageTemplate template;
          if (channel == NotificationChannel.SMS) {
            // A text message has no subject: the file is the message.
            template = new MessageTemplate(event, channel, language, "", source.strip(), false, null);
          } else {
            if (!source.startsWith("Subject:") || !source.contains("\n\n")) {
              throw new IllegalStateException(path + " must start with a 'Subject:' line and a blank line");
            }
            int end = source.indexOf("\n\n");
            template = new MessageTemplate(
                event, channel, language, source.substring("Subject:".length(), end).strip(), source.substring(end + 2), false, null);
          }
          check(template.event(), channel, template.subject(), template.body());
          defaults.put(new Key(event, channel, language), template);
        }
      }
    }
  }

  @Override
  public List<String> languages() {
    List<String> languages = new ArrayList<>();
    languages.add(texts.defaultLanguage());
    Texts.SUPPORTED.stream().filter(l -> !l.equals(texts.defaultLanguage())).forEach(languages::add);
    return languages;
  }

  @Override
  public List<MessageTemplate> list() {
    Map<Key, MessageTemplate> overrides = overrides();
    List<MessageTemplate> all = new ArrayList<>();
    for (NotificationEvent event : NotificationEvent.values()) {
      for (NotificationChannel channel : NotificationChannel.values()) {
        if (!channel.carries(event)) continue;
        for (String language : languages()) {
          Key key = new Key(event, channel, language);
          all.add(overrides.getOrDefault(key, defaults.get(key)));
        }
      }
    }
    return all;
  }

  @Override
  public MessageTemplate get(NotificationEvent event, NotificationChannel channel, String language) {
    requireLanguage(language);
    requireCarried(event, channel);
    Key key = new Key(event, channel, language);
    return jdbc.sql(
            "SELECT subject, body, updated_at FROM notifications.template_override WHERE event = ? AND channel = ? AND language = ?")
        .params(event.name(), channel.name(), language)
        .query((rs, i) -> new MessageTemplate(
            event, channel, language, rs.getString(1), rs.getString(2), true, rs.getTimestamp(3).toInstant()))
        .optional()
        .orElse(defaults.get(key));
  }

  @Override
  public Set<String> variables(NotificationEvent event) {
    return MessageRenderer.variables(event);
  }

  @Override
  public MessageTemplate saveOverride(
      NotificationEvent event, NotificationChannel channel, String language, String subject, String body) {
    requireLanguage(language);
    requireCarried(event, channel);
    String title = channel == NotificationChannel.SMS ? "" : subject;
    check(event, channel, title, body);
    jdbc.sql(
            """
            INSERT INTO notifications.template_override (event, channel, language, subject, body, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event, channel, language)
            DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at
            """)
        .params(event.name(), channel.name(), language, title.strip(), body, Timestamp.from(clock.instant()))
        .update();
    return get(event, channel, language);
  }

  @Override
  public MessageTemplate resetToDefault(NotificationEvent event, NotificationChannel channel, String language) {
    requireLanguage(language);
    requireCarried(event, channel);
    jdbc.sql("DELETE FROM notifications.template_override WHERE event = ? AND channel = ? AND language = ?")
        .params(event.name(), channel.name(), language)
        .update();
    return defaults.get(new Key(event, channel, language));
  }

  @Override
  public RenderedMessage preview(
      NotificationEvent event, NotificationChannel channel, String language, String subject, String body) {
    requireLanguage(language);
    requireCarried(event, channel);
    if (channel == NotificationChannel.SMS) {
      check(event, channel, "", body);
      String text = SmsRenderer.render(new MessageTemplate(event, channel, language, "", body, true, null), samples.sample(event, language));
      return new RenderedMessage("", text, "");
    }
    check(event, channel, subject, body);
    return renderer.render(
        new MessageTemplate(event, channel, language, subject, body, true, null),
        samples.sample(event, language),
        event.forStaff() ? null : samples.sampleUnsubscribeLink(language));
  }

  /** Every template in use now, read once: what the worker uses for a batch. */
  Map<Key, MessageTemplate> snapshot() {
    Map<Key, MessageTemplate> all = new HashMap<>(defaults);
    all.putAll(overrides());
    return all;
  }

  private Map<Key, MessageTemplate> overrides() {
    Map<Key, MessageTemplate> overrides = new HashMap<>();
    jdbc.sql("SELECT event, channel, language, subject, body, updated_at FROM notifications.template_override")
        .query(rs -> {
          NotificationEvent event = NotificationEvent.valueOf(rs.getString(1));
          NotificationChannel channel = NotificationChannel.valueOf(rs.getString(2));
          String language = rs.getString(3);
          overrides.put(new Key(event, channel, language), new MessageTemplate(
              event, channel, language, rs.getString(4), rs.getString(5), true, rs.getTimestamp(6).toInstant()));
        });
    return overrides;
  }

  private void requireLanguage(String language) {
    if (!texts.supports(language)) {
      throw new InvalidTemplate(List.of("language '" + language + "' is not one of " + Texts.SUPPORTED));
    }
  }

  private void requireCarried(NotificationEvent event, NotificationChannel channel) {
    if (!channel.carries(event)) {
      throw new InvalidTemplate(List.of(channel.name() + " carries no " + event.name().toLowerCase(Locale.ROOT) + " messages"));
    }
  }

  private static void check(NotificationEvent event, NotificationChannel channel, String subject, String body) {
    List<String> problems = new ArrayList<>();
    Set<String> allowed = MessageRenderer.variables(event);
    if (channel == NotificationChannel.SMS) {
      if (body.length() > SmsRenderer.MAX_BODY) problems.add("body: is longer than " + SmsRenderer.MAX_BODY + " characters");
    } else if (subject.isBlank()) problems.add("subject: is empty");
    else if (subject.length() > 200) problems.add("subject: is longer than 200 characters");
    if (body.isBlank()) problems.add("body: is empty");
    else if (body.length() > 20_000) problems.add("body: is longer than 20,000 characters");
    try {
      MiniTemplate.parse(subject, allowed);
    } catch (InvalidTemplate e) {
      e.problems().forEach(p -> problems.add("subject: " + p));
    }
    try {
      MiniTemplate.parse(body, allowed);
    } catch (InvalidTemplate e) {
      e.problems().forEach(p -> problems.add("body: " + p));
    }
    if (!problems.isEmpty()) throw new InvalidTemplate(problems);
  }

  /** One template's place. */
  record Key(NotificationEvent event, NotificationChannel channel, String language) {}

}
