package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long a text message is for the network, and how messages are made to fit one segment. */
class SmsTextTests {

  private static final String LINK = "https://311.springfield.example.gov/requests/2026-000123";
  private static final MiniTemplate UPDATE = MiniTemplate.parse(
      "News about request {{number}}{{#category}} ({{category}}){{/category}}:{{#message}} {{message}}{{/message}} {{link}}",
      Set.of("number", "category", "message", "link"));
  private static final Function<Map<String, String>, String> RENDER = v -> UPDATE.render(v).replaceAll("\\s+", " ").strip();

  @Test
  void plain_text_and_the_accents_gsm7_has_are_160_characters_to_a_segment() {
    assertThat(SmsText.isGsm7("Su solicitud fue revisada. ¿Qué tal? ¡Gracias! Año, pingüino, è à ù")).isTrue();
    assertThat(SmsText.segmentLimit("Hello")).isEqualTo(160);
    assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
    assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
    assertThat(SmsText.length("Price: 5€ [x]")).as("€ [ ] count twice").isEqualTo(16);
  }

  @Test
  void one_accent_outside_gsm7_makes_the_whole_message_70_characters_to_a_segment() {
    assertThat(SmsText.isGsm7("La solicitud está cerrada")).isFalse();
    assertThat(SmsText.segmentLimit("está")).isEqualTo(70);
    assertThat(SmsText.segments("á" + "a".repeat(69))).isEqualTo(1);
    assertThat(SmsText.segments("á" + "a".repeat(70))).isEqualTo(2);
  }

  @Test
  void a_message_typed_with_accents_is_spelled_in_gsm7_to_keep_160_characters() {
    String text = SmsText.fit(RENDER, Map.of("number", "2026-000123", "category", "Bache",
        "message", "El equipo rellenó el bache y limpió la calle — ¡listo!", "link", LINK));
    assertThat(text).isEqualTo("News about request 2026-000123 (Bache): El equipo relleno el bache y limpio la calle - ¡listo! " + LINK);
    assertThat(SmsText.isGsm7(text)).isTrue();
  }

  @Test
  void a_long_message_is_cut_and_the_link_stays_whole() {
    String text = SmsText.fit(RENDER, Map.of("number", "2026-000123", "category", "Pothole",
        "message", "word ".repeat(60), "link", LINK));
    assertThat(SmsText.length(text)).isLessThanOrEqualTo(160);
    assertThat(text).startsWith("News about request 2026-000123 (Pothole): word word").endsWith("... " + LINK);
  }

  @Test
  void a_value_that_would_say_nothing_useful_is_left_out() {
    String category = "Abandoned vehicle on a public street for more than seventy-two hours";
    String text = SmsText.fit(RENDER, Map.of("number", "2026-000123", "category", category, "message", "x".repeat(60), "link", LINK));
    assertThat(SmsText.segments(text)).isEqualTo(1);
    assertThat(text).endsWith(LINK).doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  }

  @RepeatedTest(50)
  void any_message_and_category_fit_one_segment_with_the_link_whole(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    String alphabet = "abcdefghij klmnop qrstuvwxyz áéíóúñ¡¿ ABC €[]{}—“”…😀";
    String message = randomText(random, alphabet, random.nextInt(400));
    String category = randomText(random, alphabet, 1 + random.nextInt(80));
    String text = SmsText.fit(RENDER, Map.of("number", "2026-000123", "category", category, "message", message, "link", LINK));
    assertThat(SmsText.fitsOneSegment(text)).as(text).isTrue();
    assertThat(text).startsWith("News about request 2026-000123").endsWith(" " + LINK);
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      int at = random.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isLowSurrogate(c)) continue;
      b.append(c);
      if (Character.isHighSurrogate(c)) b.append(alphabet.charAt(at + 1));
    }
    return b.toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "(213) 555-0142|+12135550142",
    "213.555.0142 x12|+12135550142",
    "1-213-555-0142|+12135550142",
    "+1 213 555 0142|+12135550142",
    "+34 612 345 678|+34612345678",
    "0034 612 345 678|+34612345678",
  })
  void phone_numbers_are_written_in_e164_with_the_citys_country_by_default(String typed, String e164) {
    assertThat(PhoneNumbers.toE164(typed, "1")).contains(e164);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"555-0142", "call me", "+1 213 555 01", "12345678901234567", "911"})
  void numbers_that_cannot_be_texted_are_refused(String typed) {
    assertThat(PhoneNumbers.toE164(typed, "1")).isEmpty();
  }

  @Test
  void a_city_elsewhere_adds_its_own_country_and_drops_the_trunk_zero() {
    assertThat(PhoneNumbers.toE164("0612 345 678", "34")).contains("+34612345678");
    assertThat(PhoneNumbers.mask("+12135550142")).isEqualTo("+1********42");
  }
}
