package org.civic311.console.internal.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every admin and audit text exists in English and Spanish. */
class ConsoleAdminMessagesTests {

  static Properties load(String name) throws Exception {
    Properties properties = new Properties();
    try (var reader = new InputStreamReader(ConsoleAdminMessagesTests.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  @Test
  void the_spanish_bundle_has_every_english_key_and_no_other() throws Exception {
    Properties english = load("console-admin.properties");
    Properties spanish = load("console-admin_es.properties");
    assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    assertThat(spanish.getProperty("admin.index.title")).isEqualTo("Administración");
  }
}
