package org.civic311.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.civic311.geo.Address;
import org.civic311.geo.AddressFileException;
import org.civic311.geo.Addresses;
import org.civic311.geo.internal.AddressFileStartup.Outcome;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Its own application (and database): these tests replace the addresses the start-up loaded. */
@SpringBootTest(properties = "spring.application.name=civic311-address-file-tests")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AddressFileStartupTests {

  private static final String HEADER = "label,house_number,street,zip,latitude,longitude\n";
  private static final String SAMPLE = "classpath:city/springfield-addresses.csv";

  @Autowired AddressFileStartup startup;
  @Autowired AddressStore store;
  @Autowired Addresses addresses;
  @Autowired JdbcClient jdbc;

  @TempDir Path folder;

  private Path file(String name, String rows) throws Exception {
    return Files.writeString(folder.resolve(name), HEADER + rows);
  }

  /** For the tests after the first two: no addresses, no record of a load. */
  private void emptyTables() {
    jdbc.sql("DELETE FROM geo.address").update();
    jdbc.sql("DELETE FROM geo.address_source").update();
  }

  private Instant loadedAt() {
    return jdbc.sql("SELECT loaded_at FROM geo.address_source").query(java.sql.Timestamp.class).single().toInstant();
  }

  @Test
  @Order(1)
  void the_sample_city_addresses_are_loaded_at_start_with_their_checksum() throws Exception {
    String sha256;
    try (InputStream in = getClass().getResourceAsStream("/city/springfield-addresses.csv")) {
      sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }

    assertThat(store.count()).isEqualTo(5_000);
    assertThat(store.source()).contains(new AddressStore.Source("ADDRESS_FILE", SAMPLE, sha256));
    assertThat(addresses.suggest("200 n spring", 1)).extracting(Address::label).containsExactly("200 N Spring St");
  }

  @Test
  @Order(2)
  void a_restart_with_the_same_file_only_compares_the_checksum() {
    Instant before = loadedAt();
    long cityHall = addresses.suggest("200 n spring st", 1).getFirst().id();

    assertThat(startup.load(SAMPLE)).isEqualTo(Outcome.UNCHANGED);

    assertThat(loadedAt()).isEqualTo(before);
    assertThat(addresses.find(cityHall)).isPresent();
  }

  @Test
  void a_changed_file_replaces_the_addresses_and_keeps_the_ids_of_the_same_ones() throws Exception {
    emptyTables();
    Path file = file("city.csv", "1 World Way,1,World Way,90045,33.9425,-118.408\n2 World Way,2,World Way,90045,33.9426,-118.408\n");
    assertThat(startup.load(file.toString())).isEqualTo(Outcome.LOADED);
    long first = addresses.suggest("1 world way", 1).getFirst().id();

    Files.writeString(file, HEADER + "1 World Way,1,World Way,90045,33.9425,-118.408\n3 World Way,3,World Way,90045,33.9427,-118.408\n");
    assertThat(startup.load(file.toString())).isEqualTo(Outcome.LOADED);

    assertThat(store.count()).isEqualTo(2);
    assertThat(addresses.suggest("world way", 10)).extracting(Address::label).containsExactly("1 World Way", "3 World Way");
    assertThat(addresses.suggest("1 world way", 1).getFirst().id()).isEqualTo(first);
    assertThat(startup.load(file.toString())).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void an_emptied_table_is_loaded_again_even_from_the_same_file() throws Exception {
    emptyTables();
    Path file = file("same.csv", "1 World Way,1,World Way,90045,33.9425,-118.408\n");
    startup.load(file.toString());
    jdbc.sql("DELETE FROM geo.address").update();

    assertThat(startup.load(file.toString())).isEqualTo(Outcome.LOADED);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void addresses_imported_by_hand_are_kept_at_start() throws Exception {
    emptyTables();
    Path file = file("start.csv", "1 World Way,1,World Way,90045,33.9425,-118.408\n");
    startup.load(file.toString());
    addresses.importCsv(new StringReader(HEADER + "9 Own St,9,Own St,,34,-118.3\n"), Addresses.Mode.REPLACE);

    Files.writeString(file, HEADER + "2 World Way,2,World Way,90045,33.9425,-118.408\n");
    assertThat(startup.load(file.toString())).isEqualTo(Outcome.KEPT_IMPORTED);

    assertThat(addresses.suggest("own st", 5)).extracting(Address::label).containsExactly("9 Own St");
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void a_bad_file_names_itself_and_the_line_and_changes_nothing() throws Exception {
    emptyTables();
    Path good = file("good.csv", "1 World Way,1,World Way,90045,33.9425,-118.408\n");
    startup.load(good.toString());
    Path bad = file("bad.csv", "1 World Way,1,World Way,90045,33.9425,-118.408\n2 World Way,2,World Way,90045,far,-118.408\n");

    assertThatThrownBy(() -> startup.load(bad.toString()))
        .isInstanceOf(AddressFileException.class)
        .hasMessageStartingWith("The address file " + bad + " cannot be imported:")
        .hasMessageContaining("line 3: latitude 'far'");
    assertThat(store.source()).map(AddressStore.Source::location).contains(good.toString());
  }

  @Test
  void a_missing_file_says_which_setting_to_fix() {
    assertThatThrownBy(() -> startup.load(folder.resolve("nope.csv").toString()))
        .hasMessageContaining("nope.csv does not exist")
        .hasMessageContaining("CIVIC311_ADDRESS_FILE");
  }
}
