package org.civic311.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.Department;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.civic311.catalog.SlaTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sample city as the application loads it at start, and later city files applied over it. */
@SpringBootTest
class CatalogIntegrationTests {

  @Autowired Catalog catalog;
  @Autowired JdbcCatalog jdbcCatalog;
  @Autowired CatalogStartup startup;
  @Autowired JdbcClient jdbc;
  @TempDir Path folder;

  @AfterEach
  void putBackTheSampleCity() {
    SampleCity.restore(jdbc, startup, jdbcCatalog);
  }

  @Test
  void the_sample_city_is_loaded_at_start() {
    assertThat(catalog.jurisdiction())
        .isEqualTo(new Jurisdiction("springfield.example.gov", "City of Springfield", ZoneId.of("America/Los_Angeles"),
            new Jurisdiction.Bounds(33.70, -118.67, 34.34, -118.15),
            "Open311 help: open311@springfield.example.gov, 311 or +1 555 0100",
            "Ask for an API key at open311@springfield.example.gov"));
    assertThat(catalog.departments()).extracting(Department::code)
        .containsExactly("SAN", "PW", "DOT", "PARKS", "CODE", "WATER");
    assertThat(catalog.department("PW")).contains(
        new Department("PW", "Public Works", "publicworks@springfield.example.gov"));
    assertThat(catalog.categories()).hasSize(32);
    assertThat(catalog.categories().getFirst().code()).isEqualTo("BULKY_ITEMS");
    assertThat(catalog.serves("springfield.example.gov")).isTrue();
  }

  @Test
  void a_category_reads_back_with_every_field_and_its_questions_in_order() {
    ServiceCategory pothole = catalog.category("POTHOLE").orElseThrow();

    assertThat(pothole.name()).isEqualTo("Pothole");
    assertThat(pothole.group()).isEqualTo("Streets and Sidewalks");
    assertThat(pothole.keywords()).isEqualTo("pothole, road, asphalt, street, hole");
    assertThat(pothole.type()).isEqualTo(ServiceType.REALTIME);
    assertThat(pothole.metadata()).isTrue();
    assertThat(pothole.departmentCode()).isEqualTo("PW");
    assertThat(pothole.sla()).isEqualTo(new SlaTarget(3, SlaTarget.Unit.BUSINESS_DAYS));
    assertThat(pothole.serviceNotice()).isEqualTo("Crews usually repair potholes within three business days.");
    assertThat(pothole.questions()).extracting(Question::code).containsExactly("SIZE", "POSITION", "DEEP");
    assertThat(pothole.question("SIZE").orElseThrow().values()).first()
        .isEqualTo(new Question.AllowedValue("small", "Smaller than a dinner plate"));

    Question pole = catalog.category("STREETLIGHT_OUT").orElseThrow().question("POLE_NUMBER").orElseThrow();
    assertThat(pole.datatype()).isEqualTo(QuestionDatatype.STRING);
    assertThat(pole.order()).isEqualTo(2);
    assertThat(pole.datatypeDescription()).startsWith("On a metal tag");
    assertThat(catalog.category("SIDEWALK_DAMAGE").orElseThrow().type()).isEqualTo(ServiceType.BATCH);
    assertThat(catalog.category("SPEED_HUMP").orElseThrow().sla()).isNull();
  }

  @Test
  void every_category_reads_back_exactly_as_the_city_file_says() {
    CityDefinition file = CityFileReader.read("springfield.yml", new ClassPathResource("city/springfield.yml"));

    assertThat(catalog.categories()).containsExactlyElementsOf(file.categories());
  }

  @Test
  void a_category_missing_from_the_city_file_becomes_inactive() throws Exception {
    String smaller = new ClassPathResource("city/springfield.yml").getContentAsString(UTF_8)
        .replaceFirst("(?s)  - code: POTHOLE\n.*?\n(?=  - code: SIDEWALK_DAMAGE)", "");
    Path file = Files.writeString(folder.resolve("smaller.yml"), smaller);

    CatalogStore.Changes changes = startup.applyCityFile(file.toString());
    jdbcCatalog.reload();

    assertThat(changes.retired()).isEqualTo(1);
    assertThat(catalog.categories()).hasSize(31).extracting(ServiceCategory::code).doesNotContain("POTHOLE");
    assertThat(catalog.category("POTHOLE")).isEmpty();
    assertThat(catalog.categoryIncludingInactive("POTHOLE")).get().extracting(ServiceCategory::name).isEqualTo("Pothole");
  }

  @Test
  void a_category_back_in_the_city_file_is_active_again_with_its_new_fields() throws Exception {
    String sample = new ClassPathResource("city/springfield.yml").getContentAsString(UTF_8);
    startup.applyCityFile(Files.writeString(folder.resolve("without.yml"),
        sample.replaceFirst("(?s)  - code: POTHOLE\n.*?\n(?=  - code: SIDEWALK_DAMAGE)", "")).toString());

    startup.applyCityFile(Files.writeString(folder.resolve("with.yml"),
        sample.replace("sla: 3 business days\n    service-notice: Crews", "sla: 72 hours\n    service-notice: Crews"))
        .toString());
    jdbcCatalog.reload();

    assertThat(catalog.category("POTHOLE")).get().extracting(ServiceCategory::sla)
        .isEqualTo(new SlaTarget(72, SlaTarget.Unit.HOURS));
  }

  @Test
  void a_broken_city_file_changes_nothing_and_names_the_file() throws Exception {
    Path broken = Files.writeString(folder.resolve("broken.yml"), """
        jurisdiction: {id: x.example.org, name: X, time-zone: UTC, contact: c, key-service: k}
        departments: []
        categories:
          - {code: A, name: A, description: A, department: NOPE}
        """);

    assertThatThrownBy(() -> startup.applyCityFile(broken.toString()))
        .isInstanceOf(CatalogFileException.class)
        .hasMessageContaining("City file " + broken)
        .hasMessageContaining("department NOPE is not listed under departments");
    assertThat(jdbcCatalog.categories()).hasSize(32);
    assertThat(catalog.jurisdiction().id()).isEqualTo("springfield.example.gov");
  }

  @Test
  void a_city_file_that_does_not_exist_says_which_setting_to_fix() {
    assertThatThrownBy(() -> startup.applyCityFile(folder.resolve("nowhere.yml").toString()))
        .isInstanceOf(CatalogFileException.class)
        .hasMessageContaining("nowhere.yml does not exist")
        .hasMessageContaining("CIVIC311_CITY_FILE");
  }

  @Test
  void reads_are_served_from_memory_without_copying() {
    List<ServiceCategory> first = catalog.categories();

    assertThat(catalog.categories()).isSameAs(first);
  }

  @Test
  void translations_come_back_from_the_database_and_open311_names_stay_english() {
    var spanish = java.util.Locale.forLanguageTag("es");
    ServiceCategory pothole = catalog.category("POTHOLE").orElseThrow();
    assertThat(pothole.name()).isEqualTo("Pothole");
    assertThat(pothole.name(spanish)).isEqualTo("Bache");
    ServiceCategory es = pothole.localized(spanish);
    assertThat(es.group()).isEqualTo("Calles y aceras");
    assertThat(es.question("SIZE").orElseThrow().description()).isEqualTo("¿Qué tamaño tiene el bache?");
    assertThat(es.question("SIZE").orElseThrow().values()).extracting(Question.AllowedValue::name)
        .contains("Más pequeño que un plato");
    assertThat(catalog.categories()).allSatisfy(category ->
        assertThat(category.translation(spanish)).as(category.code()).isPresent());
  }
}
