package org.civic311.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every refusal a page may show has its words in English and Spanish, with the same arguments. */
class RefusalMessagesTests {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  private static Properties load(String name) throws Exception {
    Properties properties = new Properties();
    try (Reader in = new InputStreamReader(
        RefusalMessagesTests.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) found.add(m.group(1));
    return found;
  }

  @Test
  void every_refusal_code_has_an_english_and_a_spanish_sentence_with_the_same_arguments() throws Exception {
    Properties english = load("i18n/requests-refusals.properties");
    Properties spanish = load("i18n/requests-refusals_es.properties");
    for (Refusal refusal : Refusal.values()) {
      String en = english.getProperty(refusal.messageKey());
      String es = spanish.getProperty(refusal.messageKey());
      assertThat(en).as("English for %s", refusal).isNotBlank();
      assertThat(es).as("Spanish for %s", refusal).isNotBlank().isNotEqualTo(en);
      assertThat(placeholders(en)).as("arguments of %s", refusal).isEqualTo(placeholders(refusal.englishPattern()));
      assertThat(placeholders(es)).as("arguments of %s in Spanish", refusal).isEqualTo(placeholders(en));
    }
    for (Status status : Status.values()) {
      assertThat(english.getProperty(Refusal.stageKey(status))).as("English stage %s", status).isNotBlank();
      assertThat(spanish.getProperty(Refusal.stageKey(status))).as("Spanish stage %s", status).isNotBlank();
    }
    assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
  }

  @Test
  void codes_are_stable_words_and_distinct() {
    assertThat(Refusal.ASSIGN_NOT_OPEN.code()).isEqualTo("assign-not-open");
    assertThat(Refusal.ASSIGN_NOT_OPEN.messageKey()).isEqualTo("requests.refusal.assign-not-open");
    assertThat(List.of(Refusal.values()).stream().map(Refusal::code).distinct()).hasSize(Refusal.values().length);
  }

  @Test
  void a_refusal_keeps_its_english_message_and_reads_in_spanish_through_a_message_source() {
    var messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/requests-refusals");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    var refused = new TransitionNotAllowed(Status.CLOSED, Refusal.ASSIGN_NOT_OPEN, "2026-000123", Status.CLOSED);

    assertThat(refused.getMessage()).isEqualTo("Request 2026-000123 cannot assign it: it is closed.");
    assertThat(refused.describe(messages, Locale.ENGLISH)).isEqualTo("Request 2026-000123 cannot be assigned: it is closed.");
    assertThat(refused.describe(messages, Locale.forLanguageTag("es")))
        .isEqualTo("La solicitud 2026-000123 no se puede asignar: está cerrada.");

    var invalid = new InvalidServiceRequest(List.of(
        new InvalidServiceRequest.Violation("parent", InvalidServiceRequest.Kind.INVALID, Refusal.PARENT_NOT_FOUND, "2026-000999"),
        new InvalidServiceRequest.Violation("reason", InvalidServiceRequest.Kind.MISSING, Refusal.REROUTE_REASON_MISSING)));
    assertThat(invalid.getMessage())
        .isEqualTo("There is no request 2026-000999; Say why the request goes to another department.");
    assertThat(invalid.describe(messages, Locale.forLanguageTag("es")))
        .isEqualTo("No existe la solicitud 2026-000999. Explique por qué la solicitud pasa a otro departamento.");
  }
}
