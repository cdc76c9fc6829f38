package org.civic311.notifications.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The words around the templates (status names, email footer, page texts) in each language, from
 * {@code notifications/messages_<language>.properties}: adding a language is adding a file.
 */
@Component
class Texts {

  static final List<String> SUPPORTED = List.of("en", "es");

  private final Map<String, Properties> byLanguage = new HashMap<>();
  private final String defaultLanguage;

  Texts(NotificationProperties properties) {
    for (String language : SUPPORTED) {
      Properties p = new Properties();
      try (Reader r = new InputStreamReader(
          new ClassPathResource("notifications/messages_" + language + ".properties").getInputStream(),
          StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new IllegalStateException("Missing notification texts for " + language, e);
      }
      byLanguage.put(language, p);
    }
    String wanted = properties.defaultLanguage().trim().toLowerCase(Locale.ROOT);
    this.defaultLanguage = SUPPORTED.contains(wanted) ? wanted : "en";
  }

  String defaultLanguage() {
    return defaultLanguage;
  }

  /** A supported language for what a resident asked for; the city's default otherwise. */
  String language(@Nullable String wanted) {
    if (wanted == null || wanted.isBlank()) return defaultLanguage;
    String code = Locale.forLanguageTag(wanted.trim().replace('_', '-')).getLanguage();
    return SUPPORTED.contains(code) ? code : defaultLanguage;
  }

  boolean supports(String language) {
    return SUPPORTED.contains(language);
  }

  /** The text for {@code key} with {@code {0}} replaced by the argument. */
  String get(String language, String key, String... args) {
    String text = byLanguage.get(language(language)).getProperty(key);
    if (text == null) text = byLanguage.get("en").getProperty(key, key);
    for (int i = 0; i < args.length; i++) text = text.replace("{" + i + "}", args[i]);
    return text;
  }
}
