package org.civic311.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchKeyTests {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      200 N Spring St             | 200 n spring st
      '  200   n   SPRING  '      | 200 n spring
      200 North Spring Street     | 200 n spring st
      1200 Avenida Peña           | 1200 avenida pena
      1200 AVENIDA PEÑA           | 1200 avenida pena
      4500 Crème-Brûlée Blvd.     | 4500 creme brulee blvd
      633 N North Spring St       | 633 n north spring st
      North Hollywood Way         | north hollywood way
      12 1/2 Main St              | 12 1 2 main st
      7 Große Straße              | 7 grosse strasse
      3 Łódź Pl                   | 3 lodz pl
      ５ Ｍａｉｎ Ｓｔ              | 5 main st
      """)
  void a_label_and_what_a_resident_types_give_the_same_key(String text, String key) {
    assertThat(SearchKey.of(text)).isEqualTo(key);
  }

  @Test
  void decomposed_accents_are_removed_like_composed_ones() {
    assertThat(SearchKey.of("Pen\u0303a")).isEqualTo(SearchKey.of("Pe\u00f1a")).isEqualTo("pena");
  }

  @Test
  void text_without_letters_or_digits_has_an_empty_key() {
    for (String text : new String[] {"", "   ", "%", "_", "'", "\"", "%_%", "\\", "\u0000", "--;", "🙂"}) {
      assertThat(SearchKey.of(text)).as(text).isEmpty();
    }
  }

  @Test
  void sql_and_like_characters_never_reach_the_key() {
    assertThat(SearchKey.of("200' OR 1=1 -- %_\\")).isEqualTo("200 or 1 1");
  }
}
