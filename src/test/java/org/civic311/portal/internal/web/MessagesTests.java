package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every text exists in both languages: a missing Spanish key would show English on a Spanish page. */
class MessagesTests {

  private static Properties load(String name) throws Exception {
    var properties = new Properties();
    try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  @Test
  void english_and_spanish_have_the_same_keys_and_no_empty_text() throws Exception {
    Properties english = load("messages.properties");
    Properties spanish = load("messages_es.properties");
    assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    assertThat(english.stringPropertyNames()).hasSizeGreaterThan(150)
        .allSatisfy(key -> {
          assertThat(english.getProperty(key)).as(key).isNotBlank();
          assertThat(spanish.getProperty(key)).as(key).isNotBlank();
        });
  }
}
