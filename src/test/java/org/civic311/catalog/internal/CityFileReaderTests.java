package org.civic311.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.ServiceType;
import org.civic311.catalog.SlaTarget;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The city file's shape and every mistake a city can make in it; plain unit tests, no Spring. */
class CityFileReaderTests {

  /** A small valid city; each test changes one thing in it. */
  private static final String CITY = """
      jurisdiction:
        id: smallville.example.org
        name: Town of Smallville
        time-zone: America/Chicago
        bounds: {south: 39.0, west: -96.0, north: 39.2, east: -95.8}
        contact: "311@smallville.example.org"
        key-service: "Write to 311@smallville.example.org"
      departments:
        - {code: PW, name: Public Works, email: pw@smallville.example.org}
        - {code: SAN, name: Sanitation}
      categories:
        - code: POTHOLE
          name: Pothole
          description: A hole in the road.
          group: Streets
          keywords: pothole, road,asphalt
          department: PW
          sla: 3 business days
          service-notice: Fixed within three business days.
          questions:
            - code: SIZE
              description: How big is it?
              datatype: singlevaluelist
              required: true
              datatype-description: Pick the closest size
              values:
                - {key: small, name: Smaller than a dinner plate}
                - {key: large, name: Larger}
            - code: NOTE
              description: Potholes on highways belong to the state.
              datatype: text
              variable: false
        - code: MISSED_PICKUP
          name: Missed pickup
          description: The bin was not emptied.
          department: SAN
          sla: 48 hours
      """;

  private static CityDefinition read(String yaml) {
    return CityFileReader.read("test.yml", yaml);
  }

  private static String problemsOf(String yaml) {
    try {
      read(yaml);
    } catch (CatalogFileException e) {
      return e.getMessage();
    }
    throw new AssertionError("The city file was accepted");
  }

  @Test
  void a_city_file_becomes_the_jurisdiction_departments_and_categories_it_describes() {
    CityDefinition city = read(CITY);

    assertThat(city.jurisdiction())
        .isEqualTo(new Jurisdiction("smallville.example.org", "Town of Smallville", ZoneId.of("America/Chicago"),
            new Jurisdiction.Bounds(39.0, -96.0, 39.2, -95.8), "311@smallville.example.org",
            "Write to 311@smallville.example.org"));
    assertThat(city.departments()).extracting("code", "email")
        .containsExactly(tuple("PW", "pw@smallville.example.org"),
            tuple("SAN", null));
    ServiceCategory pothole = city.categories().getFirst();
    assertThat(pothole)
        .isEqualTo(new ServiceCategory("POTHOLE", "Pothole", "A hole in the road.", "Streets", "pothole, road,asphalt",
            ServiceType.REALTIME, true,
            List.of(
                new Question("SIZE", true, QuestionDatatype.SINGLEVALUELIST, true, "Pick the closest size", 1,
                    "How big is it?",
                    List.of(new Question.AllowedValue("small", "Smaller than a dinner plate"),
                        new Question.AllowedValue("large", "Larger"))),
                new Question("NOTE", false, QuestionDatatype.TEXT, false, null, 2,
                    "Potholes on highways belong to the state.", List.of())),
            "PW", new SlaTarget(3, SlaTarget.Unit.BUSINESS_DAYS), "Fixed within three business days."));
  }

  @Test
  void a_category_without_variable_questions_defaults_to_no_metadata_and_realtime() {
    ServiceCategory missedPickup = read(CITY).categories().get(1);

    assertThat(missedPickup.metadata()).isFalse();
    assertThat(missedPickup.type()).isEqualTo(ServiceType.REALTIME);
    assertThat(missedPickup.group()).isNull();
    assertThat(missedPickup.keywords()).isNull();
    assertThat(missedPickup.sla()).isEqualTo(new SlaTarget(48, SlaTarget.Unit.HOURS));
  }

  @Test
  void surrounding_whitespace_is_trimmed_and_inner_whitespace_kept() {
    CityDefinition city = read(CITY.replace("name: Pothole", "name: \"  Pot  hole \""));

    assertThat(city.categories().getFirst().name()).isEqualTo("Pot  hole");
  }

  @Test
  void a_category_referencing_an_unknown_department_is_refused_naming_it() {
    assertThat(problemsOf(CITY.replace("department: SAN", "department: WATER")))
        .contains("test.yml", "category #2 (MISSED_PICKUP)", "department WATER is not listed", "known: PW, SAN");
  }

  @Test
  void duplicate_category_codes_are_refused() {
    assertThat(problemsOf(CITY.replace("code: MISSED_PICKUP", "code: POTHOLE")))
        .contains("category #2 (POTHOLE): code POTHOLE is used by another category too");
  }

  @Test
  void duplicate_department_codes_are_refused() {
    assertThat(problemsOf(CITY.replace("{code: SAN, name: Sanitation}", "{code: PW, name: Sanitation}")))
        .contains("department #2 (PW): code PW is used by another department too");
  }

  @Test
  void an_sla_that_is_not_hours_or_business_days_is_refused() {
    assertThat(problemsOf(CITY.replace("sla: 48 hours", "sla: two weeks")))
        .contains("category #2 (MISSED_PICKUP): sla 'two weeks' is not a target", "'48 hours' or '5 business days'");
  }

  @Test
  void a_value_list_without_values_is_refused() {
    String yaml = CITY.replace("""
                values:
                  - {key: small, name: Smaller than a dinner plate}
                  - {key: large, name: Larger}
        """, "");

    assertThat(problemsOf(yaml)).contains("category #1 (POTHOLE), question SIZE: a singlevaluelist needs values");
  }

  @Test
  void values_on_a_question_that_is_not_a_list_are_refused() {
    assertThat(problemsOf(CITY.replace("datatype: singlevaluelist", "datatype: string")))
        .contains("question SIZE: a string question cannot have values");
  }

  @Test
  void an_unknown_datatype_is_refused_listing_the_six_datatypes() {
    assertThat(problemsOf(CITY.replace("datatype: text", "datatype: boolean")))
        .contains("question NOTE: datatype 'boolean' must be one of string, number, datetime, text, singlevaluelist, multivaluelist");
  }

  @Test
  void an_unknown_type_is_refused() {
    assertThat(problemsOf(CITY.replace("group: Streets", "group: Streets\n    type: instant")))
        .contains("category #1 (POTHOLE): type 'instant' must be realtime, batch or blackbox");
  }

  @Test
  void an_informational_question_cannot_be_required() {
    assertThat(problemsOf(CITY.replace("variable: false", "variable: false\n        required: true")))
        .contains("question NOTE: an informational question (variable: false) cannot be required");
  }

  @Test
  void a_category_without_metadata_cannot_hide_a_required_question() {
    assertThat(problemsOf(CITY.replace("group: Streets", "group: Streets\n    metadata: false")))
        .contains("category #1 (POTHOLE): metadata is false, so clients never see its required question SIZE");
  }

  @Test
  void two_questions_with_the_same_order_are_refused() {
    assertThat(problemsOf(CITY.replace("variable: false", "variable: false\n        order: 1")))
        .contains("question NOTE: order 1 is also used by question SIZE");
  }

  @Test
  void a_time_zone_that_does_not_exist_is_refused() {
    assertThat(problemsOf(CITY.replace("America/Chicago", "America/Smallville")))
        .contains("jurisdiction: time-zone 'America/Smallville' is not a time zone");
  }

  @Test
  void bounds_with_south_above_north_are_refused() {
    assertThat(problemsOf(CITY.replace("south: 39.0", "south: 39.5")))
        .contains("jurisdiction: bounds need south < north");
  }

  @Test
  void missing_required_fields_are_each_named() {
    assertThat(problemsOf(CITY.replace("    description: A hole in the road.\n", "")))
        .contains("category #1 (POTHOLE): description is missing");
  }

  @Test
  void every_problem_is_reported_at_once() {
    String yaml = CITY.replace("department: SAN", "department: WATER").replace("sla: 48 hours", "sla: soon");

    assertThat(problemsOf(yaml)).contains("has 2 problems", "department WATER", "sla 'soon'");
  }

  @Test
  void an_unknown_key_is_reported_with_its_line() {
    String yaml = CITY.replace("service-notice:", "service-notise:");

    assertThat(problemsOf(yaml))
        .contains("test.yml line 19", "categories[0].service-notise", "unknown key 'service-notise'", "service-notice");
  }

  @Test
  void broken_yaml_is_reported_with_its_line() {
    String yaml = CITY.replace("  - {code: SAN, name: Sanitation}", "  - {code: SAN, name: Sanitation");

    assertThat(problemsOf(yaml)).contains("City file test.yml cannot be read: line ");
  }

  @Test
  void an_empty_file_is_refused() {
    assertThat(problemsOf("")).contains("City file test.yml is empty");
  }

  @Test
  void the_sample_city_is_valid_and_uses_every_datatype_and_type_it_should() {
    CityDefinition city = CityFileReader.read("springfield.yml", new ClassPathResource("city/springfield.yml"));

    assertThat(city.jurisdiction().name()).isEqualTo("City of Springfield");
    assertThat(city.departments()).extracting("code")
        .containsExactlyInAnyOrder("PW", "SAN", "DOT", "PARKS", "CODE", "WATER");
    assertThat(city.categories()).hasSizeGreaterThanOrEqualTo(28);
    assertThat(city.categories().stream().flatMap(c -> c.questions().stream()).map(Question::datatype)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(QuestionDatatype.class))))
        .containsExactlyInAnyOrder(QuestionDatatype.values());
    assertThat(city.categories()).filteredOn(c -> c.type() == ServiceType.BATCH).hasSizeGreaterThanOrEqualTo(2);
    assertThat(city.categories()).filteredOn(c -> c.type() != ServiceType.BATCH)
        .allMatch(c -> c.type() == ServiceType.REALTIME);
    assertThat(city.categories()).filteredOn(c -> !c.metadata()).isNotEmpty().allMatch(c -> c.questions().isEmpty());
    assertThat(city.categories().stream().flatMap(c -> c.questions().stream())).anyMatch(q -> !q.variable());
    assertThat(city.categories()).extracting(ServiceCategory::group).doesNotContainNull()
        .allMatch(group -> Arrays.asList("Streets and Sidewalks", "Trash and Recycling", "Graffiti and Vandalism",
            "Parks and Trees", "Traffic and Parking", "Water and Sewer", "Neighborhood and Housing").contains(group));
  }

  @Test
  void translations_written_next_to_each_text_give_the_category_in_that_language_and_the_rest_stays_as_written() {
    String yaml = CITY.replace("    keywords: pothole, road,asphalt\n",
        "    keywords: pothole, road,asphalt\n"
            + "    translations:\n"
            + "      es: {name: Bache, group: Calles, service-notice: Se repara en tres días hábiles.}\n")
        .replace("        description: How big is it?\n",
            "        description: How big is it?\n"
                + "        translations: {es: {description: ¿Qué tamaño tiene?, datatype-description: Elija el tamaño más parecido}}\n").replace("{key: small, name: Smaller than a dinner plate}",
        "{key: small, name: Smaller than a dinner plate, translations: {es: Más pequeño que un plato}}");
    ServiceCategory pothole = read(yaml).categories().getFirst();
    ServiceCategory spanish = pothole.localized(java.util.Locale.forLanguageTag("es-MX"));

    assertThat(spanish.name()).isEqualTo("Bache");
    assertThat(pothole.name(java.util.Locale.forLanguageTag("es"))).isEqualTo("Bache");
    assertThat(spanish.group()).isEqualTo("Calles");
    assertThat(spanish.description()).isEqualTo("A hole in the road.");
    assertThat(spanish.serviceNotice()).isEqualTo("Se repara en tres días hábiles.");
    assertThat(spanish.code()).isEqualTo("POTHOLE");
    Question size = spanish.question("SIZE").orElseThrow();
    assertThat(size.description()).isEqualTo("¿Qué tamaño tiene?");
    assertThat(size.datatypeDescription()).isEqualTo("Elija el tamaño más parecido");
    assertThat(size.values()).extracting(Question.AllowedValue::key, Question.AllowedValue::name)
        .containsExactly(tuple("small", "Más pequeño que un plato"), tuple("large", "Larger"));
    assertThat(spanish.question("NOTE").orElseThrow().description()).isEqualTo("Potholes on highways belong to the state.");
    // The city's own words where nothing is translated, and for other languages.
    assertThat(pothole.name()).isEqualTo("Pothole");
    assertThat(pothole.localized(java.util.Locale.FRENCH)).isEqualTo(pothole);
    assertThat(pothole.name(java.util.Locale.ENGLISH)).isEqualTo("Pothole");
  }

  @Test
  void a_translation_under_something_that_is_not_a_language_code_or_with_an_unknown_key_is_refused() {
    assertThat(problemsOf(CITY.replace("    keywords: pothole, road,asphalt\n",
        "    keywords: pothole, road,asphalt\n    translations:\n      Spanish: {name: Bache}\n")))
        .contains("category #1 (POTHOLE): translations key 'Spanish' is not a language code (write e.g. es)");
    assertThat(problemsOf(CITY.replace("    keywords: pothole, road,asphalt\n",
        "    keywords: pothole, road,asphalt\n    translations:\n      es: {nombre: Bache}\n")))
        .contains("line 18").contains("categories[0].translations.es.nombre").contains("unknown key 'nombre'");
  }

  @Test
  void the_sample_city_has_spanish_for_every_category_question_and_value() {
    CityDefinition city = CityFileReader.read("springfield.yml", new ClassPathResource("city/springfield.yml"));
    var spanish = java.util.Locale.forLanguageTag("es");
    assertThat(city.categories()).hasSize(32).allSatisfy(category -> {
      ServiceCategory es = category.localized(spanish);
      assertThat(es.name()).isNotEqualTo(category.name()).isNotBlank();
      assertThat(es.description()).isNotEqualTo(category.description());
      assertThat(es.group()).isNotEqualTo(category.group());
      assertThat(es.keywords()).isNotEqualTo(category.keywords());
      if (category.serviceNotice() != null) assertThat(es.serviceNotice()).isNotEqualTo(category.serviceNotice());
      for (Question question : category.questions()) {
        Question translated = es.question(question.code()).orElseThrow();
        if (!question.description().equals("Color")) {
          assertThat(translated.description()).as(question.code()).isNotEqualTo(question.description());
        }
        if (question.datatypeDescription() != null) {
          assertThat(translated.datatypeDescription()).as(question.code()).isNotEqualTo(question.datatypeDescription());
        }
        for (int i = 0; i < question.values().size(); i++) {
          // "No" and "Monitor" are the same word in both languages.
          if (!List.of("No", "Monitor").contains(question.values().get(i).name())) {
            assertThat(translated.values().get(i).name()).as(question.code() + " " + question.values().get(i).key())
                .isNotEqualTo(question.values().get(i).name());
          }
        }
      }
    });
    assertThat(city.categories().stream().mapToInt(c -> c.questions().size()).sum()).isEqualTo(66);
  }
}
