package org.civic311.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The addresses facade on the embedded PostgreSQL, with its own small address list (no start-up file). */
@SpringBootTest(properties = "civic311.address-file=")
class AddressesIntegrationTests {

  static final String HEADER = "label,house_number,street,zip,latitude,longitude\n";
  static final String STREETS = HEADER + """
      200 N Spring St,200,N Spring St,90012,34.053691,-118.242766
      2000 E 1st St,2000,E 1st St,90033,34.046100,-118.214000
      20012 Ventura Blvd,20012,Ventura Blvd,91364,34.168000,-118.580000
      403 S Spring St,403,S Spring St,90013,34.048746,-118.248611
      633 N North Spring St,633,N North Spring St,90012,34.058405,-118.238791
      1200 Avenida Peña,1200,Avenida Peña,90031,34.070000,-118.220000
      512 Springdale Dr,512,Springdale Dr,90042,34.110000,-118.190000
      210 N Spring St,210,N Spring St,90012,34.054100,-118.242400
      """;

  @Autowired Addresses addresses;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void streets() {
    addresses.importCsv(new StringReader(STREETS), Addresses.Mode.REPLACE);
  }

  private List<String> labels(String typed, int limit) {
    return addresses.suggest(typed, limit).stream().map(Address::label).toList();
  }

  @Test
  void typing_the_start_of_an_address_finds_it_whatever_the_case_and_spaces() {
    assertThat(labels("200 n spring", 5)).first().isEqualTo("200 N Spring St");
    assertThat(labels("  200   N   SPRING st ", 5)).first().isEqualTo("200 N Spring St");
    assertThat(labels("200 North Spring Street", 5)).first().isEqualTo("200 N Spring St");
  }

  @Test
  void a_house_number_finds_that_number_before_longer_ones() {
    assertThat(labels("200", 10)).startsWith("200 N Spring St", "2000 E 1st St", "20012 Ventura Blvd");
    assertThat(labels("2", 10)).containsExactlyInAnyOrder("200 N Spring St", "210 N Spring St", "2000 E 1st St", "20012 Ventura Blvd");
  }

  @Test
  void a_street_name_finds_the_addresses_on_it_before_near_misses() {
    List<String> found = labels("spring st", 10);

    assertThat(found.subList(0, 4))
        .containsExactlyInAnyOrder("200 N Spring St", "210 N Spring St", "403 S Spring St", "633 N North Spring St");
    assertThat(found).doesNotContain("2000 E 1st St");
    if (found.contains("512 Springdale Dr")) assertThat(found.indexOf("512 Springdale Dr")).isGreaterThanOrEqualTo(4);
  }

  @Test
  void a_typo_still_finds_the_address() {
    assertThat(labels("200 n sprng st", 5)).first().isEqualTo("200 N Spring St");
  }

  @Test
  void accents_do_not_matter_either_way() {
    assertThat(labels("1200 avenida pena", 5)).first().isEqualTo("1200 Avenida Peña");
    assertThat(labels("AVENIDA PEÑA", 5)).first().isEqualTo("1200 Avenida Peña");
    assertThat(labels("avenida pen\u0303a", 5)).first().isEqualTo("1200 Avenida Peña");
  }

  @Test
  void a_suggestion_carries_what_a_form_needs() {
    Address address = addresses.suggest("200 n spring", 1).getFirst();

    assertThat(address.houseNumber()).isEqualTo("200");
    assertThat(address.street()).isEqualTo("N Spring St");
    assertThat(address.zip()).isEqualTo("90012");
    assertThat(address.latitude()).isEqualTo(34.053691);
    assertThat(address.longitude()).isEqualTo(-118.242766);
    assertThat(addresses.find(address.id())).contains(address);
    assertThat(addresses.find(-1)).isEmpty();
  }

  @Test
  void the_limit_is_kept_and_capped() {
    assertThat(labels("2", 2)).hasSize(2);
    assertThat(labels("spring", 1)).hasSize(1);
    assertThat(labels("spring", 0)).isEmpty();
    assertThat(labels("spring", -5)).isEmpty();
    assertThat(labels("st", Integer.MAX_VALUE)).hasSizeLessThanOrEqualTo(Addresses.MAX_SUGGESTIONS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "%", "_", "%%", "'", "\"", "\\", "%_\\'\"", "\u0000", "--", "🙂", "\t\n"})
  void input_without_letters_or_digits_gives_nothing_and_no_error(String typed) {
    assertThat(addresses.suggest(typed, 10)).isEmpty();
  }

  @Test
  void like_and_quote_characters_around_words_are_ignored_not_interpreted() {
    assertThat(labels("2%0", 10)).isEqualTo(labels("2 0", 10)).doesNotContain("210 N Spring St");
    assertThat(labels("_00", 10)).isEmpty();
    assertThat(labels("200' OR '1'='1", 10)).doesNotContain("403 S Spring St", "1200 Avenida Peña");
    assertThat(labels("\"200 n spring\"", 5)).first().isEqualTo("200 N Spring St");
  }

  @Test
  void very_long_input_gives_nothing_and_no_error() {
    assertThat(addresses.suggest("200 n spring ".repeat(800), 10)).isEmpty(); // about 10 KB
    assertThat(addresses.suggest("a".repeat(Addresses.MAX_TYPED_LENGTH + 1), 10)).isEmpty();
    assertThat(addresses.suggest("s".repeat(Addresses.MAX_TYPED_LENGTH), 10)).isEmpty();
  }

  @Test
  void random_input_never_fails() {
    Random random = new Random(311);
    for (int i = 0; i < 300; i++) {
      String typed = random.ints(random.nextInt(60), 0, 0x3000).mapToObj(Character::toString).collect(Collectors.joining());
      assertThat(addresses.suggest(typed, 1 + random.nextInt(20))).hasSizeLessThanOrEqualTo(20);
    }
  }

  @Test
  void the_nearest_address_to_a_phone_is_found_within_the_distance() {
    // About 15 m north-east of City Hall's entrance, 55 m from 210 N Spring St.
    assertThat(addresses.nearest(34.0538, -118.2426, 50)).map(Address::label).contains("200 N Spring St");
    // 210 N Spring St is closer to this point than 200.
    assertThat(addresses.nearest(34.0541, -118.2424, 50)).map(Address::label).contains("210 N Spring St");
  }

  @Test
  void nothing_is_nearest_when_every_address_is_farther_than_asked() {
    // 0.001 degrees of latitude is about 111 m.
    assertThat(addresses.nearest(34.053691 - 0.001, -118.242766, 100)).isEmpty();
    assertThat(addresses.nearest(34.053691 - 0.001, -118.242766, 120)).map(Address::label).contains("200 N Spring St");
  }

  @Test
  void a_point_outside_the_world_or_no_distance_gives_nothing() {
    assertThat(addresses.nearest(91, 0, 100)).isEmpty();
    assertThat(addresses.nearest(0, -181, 100)).isEmpty();
    assertThat(addresses.nearest(Double.NaN, -118.24, 100)).isEmpty();
    assertThat(addresses.nearest(34.053691, -118.242766, 0)).isEmpty();
    assertThat(addresses.nearest(90, 180, 5000)).isEmpty();
  }

  @Test
  void merging_adds_and_updates_and_keeps_the_rest_with_their_ids() {
    long cityHall = addresses.suggest("200 n spring st", 1).getFirst().id();

    ImportSummary summary = addresses.importCsv(new StringReader(HEADER
        + "200 N Spring St,200,N Spring St,90012,34.053700,-118.242700\n"
        + "403 S Spring St,403,S Spring St,90013,34.048746,-118.248611\n"
        + "1 World Way,1,World Way,90045,33.942500,-118.408000\n"
        + "1 world way,1,World Way,90045,33.942500,-118.408000\n"), Addresses.Mode.MERGE);

    assertThat(summary).isEqualTo(new ImportSummary(1, 1, 1, 0, 1));
    assertThat(addresses.find(cityHall)).hasValueSatisfying(a -> assertThat(a.longitude()).isEqualTo(-118.2427));
    assertThat(labels("1 world", 5)).containsExactly("1 World Way");
    assertThat(labels("633 n north", 5)).containsExactly("633 N North Spring St");
  }

  @Test
  void replacing_removes_the_addresses_missing_from_the_file() {
    long cityHall = addresses.suggest("200 n spring st", 1).getFirst().id();

    ImportSummary summary = addresses.importCsv(new StringReader(HEADER
        + "200 N Spring St,200,N Spring St,90012,34.053691,-118.242766\n"
        + "1 World Way,1,World Way,90045,33.942500,-118.408000\n"), Addresses.Mode.REPLACE);

    assertThat(summary).isEqualTo(new ImportSummary(1, 0, 1, 7, 0));
    assertThat(labels("s", 50)).isEmpty();
    assertThat(labels("1", 50)).containsExactly("1 World Way");
    assertThat(addresses.find(cityHall)).map(Address::label).contains("200 N Spring St");
  }

  @Test
  void a_file_with_a_bad_row_stores_nothing_and_names_the_line() {
    String file = HEADER
        + "1 World Way,1,World Way,90045,33.942500,-118.408000\n"
        + "2 World Way,2,World Way,90045,33.942500,west\n";

    assertThatThrownBy(() -> addresses.importCsv(new StringReader(file), Addresses.Mode.REPLACE))
        .isInstanceOfSatisfying(AddressFileException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("line 3: longitude 'west'");
    assertThat(labels("1 world", 5)).isEmpty();
    assertThat(labels("200 n spring", 5)).first().isEqualTo("200 N Spring St");
  }

  @Test
  void suggestions_and_the_nearest_address_use_indexes_on_a_large_city() {
    Random random = new Random(42);
    String[] streets = {"Spring St", "Main St", "Broadway", "Figueroa St", "Olive St", "Hill St", "Grand Ave", "Hope St",
        "Vermont Ave", "Western Ave", "Sunset Blvd", "Wilshire Blvd", "Pico Blvd", "Olympic Blvd", "Venice Blvd"};
    String[] directions = {"N", "S", "E", "W", ""};
    String large = IntStream.range(0, 40_000)
        .mapToObj(i -> {
          String street = (directions[i % 5] + " " + streets[random.nextInt(streets.length)] + " " + (i / 5)).strip();
          int number = 1 + random.nextInt(20_000);
          return String.format(Locale.ROOT, "%d %s,%d,%s,9%04d,%.6f,%.6f",
              number, street, number, street, random.nextInt(10_000), 33.7 + random.nextDouble() * 0.6, -118.6 + random.nextDouble() * 0.4);
        })
        .collect(Collectors.joining("\n", HEADER, "\n"));
    ImportSummary summary = addresses.importCsv(new StringReader(large), Addresses.Mode.MERGE);
    assertThat(summary.total()).isGreaterThan(39_000);
    jdbc.sql("ANALYZE geo.address").update();

    assertThat(plan("SELECT id FROM geo.address WHERE search_key LIKE '12%' ORDER BY length(search_key) LIMIT 10")).doesNotContain("Seq Scan");
    assertThat(plan("SELECT id FROM geo.address WHERE search_key LIKE '%figueroa st 1234%' ORDER BY length(search_key) LIMIT 10"))
        .doesNotContain("Seq Scan");
    assertThat(plan("SELECT id FROM geo.address WHERE latitude BETWEEN 34.05 AND 34.06 AND longitude BETWEEN -118.25 AND -118.24"))
        .doesNotContain("Seq Scan");
    assertThat(labels("200 n spring", 3)).first().isEqualTo("200 N Spring St");
    assertThat(labels("200 n sprng st", 3)).first().isEqualTo("200 N Spring St");
    assertThat(addresses.suggest("wilshire blvd 7", 10)).hasSize(10);
  }

  private String plan(String sql) {
    return String.join("\n", jdbc.sql("EXPLAIN " + sql).query(String.class).list());
  }
}
