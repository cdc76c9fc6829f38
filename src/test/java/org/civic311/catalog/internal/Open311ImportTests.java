package org.civic311.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.CatalogImport;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Real Open311 services lists (Washington DC, San Francisco) imported as the catalog: whatever the city
 * published must come back unchanged through {@link Catalog}. The XML is read here with DOM, apart from
 * the importer's own StAX reading, so the two cannot share a mistake.
 */
@SpringBootTest
class Open311ImportTests {

  @Autowired Catalog catalog;
  @Autowired CatalogImport catalogImport;
  @Autowired JdbcCatalog jdbcCatalog;
  @Autowired CatalogStartup startup;
  @Autowired CatalogStore store;
  @Autowired Open311Importer importer;
  @Autowired JdbcClient jdbc;
  @TempDir Path folder;

  @AfterEach
  void putBackTheSampleCity() {
    SampleCity.restore(jdbc, startup, jdbcCatalog);
  }

  private static Path resource(String name) throws Exception {
    return Path.of(Open311ImportTests.class.getResource("/open311/" + name).toURI());
  }

  @Test
  void every_field_of_every_dc_service_reads_back_as_the_xml_says() throws Exception {
    Path services = resource("dc_services.xml");

    CatalogImport.Summary summary = catalogImport.importOpen311(services, services.getParent());

    List<Element> expected = children(document(services), "service");
    assertThat(expected).hasSize(86);
    // Added or updated depends on whether an earlier test imported them already (restoring only retires them).
    assertThat(summary.categoriesAdded() + summary.categoriesUpdated()).isEqualTo(86);
    assertThat(summary.categoriesRetired()).isEqualTo(32);
    assertThat(summary.questions()).isEqualTo(6);
    assertThat(catalog.categories()).extracting(ServiceCategory::code)
        .containsExactlyElementsOf(expected.stream().map(e -> text(e, "service_code")).toList());
    for (Element service : expected) {
      ServiceCategory category = catalog.category(text(service, "service_code")).orElseThrow();
      assertThat(category.name()).isEqualTo(text(service, "service_name"));
      assertThat(category.description()).isEqualTo(text(service, "description"));
      assertThat(category.group()).isEqualTo(text(service, "group"));
      assertThat(category.keywords()).isEqualTo(text(service, "keywords"));
      assertThat(category.type().open311()).isEqualTo(text(service, "type"));
      assertThat(String.valueOf(category.metadata())).isEqualTo(text(service, "metadata"));
      assertThat(category.departmentCode()).isNull();
      assertThat(category.sla()).isNull();
      assertThat(category.serviceNotice()).isNull();
    }
    assertThat(catalog.category("S0003").orElseThrow().description())
        .contains("private property.  Please note", "possible. <br><br>If the vehicle");
  }

  @Test
  void every_attribute_and_value_of_the_pothole_definition_reads_back_as_the_xml_says() throws Exception {
    Path services = resource("dc_services.xml");
    catalogImport.importOpen311(services, services.getParent());

    Element definition = document(resource("dc_service_definition_S0301.xml"));
    ServiceCategory pothole = catalog.category(text(definition, "service_code")).orElseThrow();
    List<Element> attributes = children(children(definition, "attributes").getFirst(), "attribute");
    assertThat(pothole.questions()).hasSameSizeAs(attributes).hasSize(6);
    for (Element attribute : attributes) {
      Question question = pothole.question(text(attribute, "code")).orElseThrow();
      assertThat(String.valueOf(question.variable())).isEqualTo(text(attribute, "variable"));
      assertThat(question.datatype().open311()).isEqualTo(text(attribute, "datatype"));
      assertThat(String.valueOf(question.required())).isEqualTo(text(attribute, "required"));
      assertThat(question.datatypeDescription()).isEqualTo(text(attribute, "datatype_description"));
      assertThat(String.valueOf(question.order())).isEqualTo(text(attribute, "order"));
      assertThat(question.description()).isEqualTo(text(attribute, "description"));
      List<Question.AllowedValue> values = new ArrayList<>();
      for (Element value : children(children(attribute, "values").getFirst(), "value")) {
        values.add(new Question.AllowedValue(text(value, "key"), text(value, "name")));
      }
      assertThat(question.values()).containsExactlyElementsOf(values);
    }
    assertThat(pothole.questions()).extracting(Question::order).containsExactly(1, 2, 3, 4, 8, 9);
  }

  @Test
  void san_francisco_empty_keywords_stay_empty_and_trailing_newlines_go() throws Exception {
    Path services = resource("sf_services.xml");

    catalogImport.importOpen311(services, null);

    ServiceCategory cans = catalog.category("001").orElseThrow();
    assertThat(cans.keywords()).isEmpty();
    assertThat(cans.metadata()).isFalse();
    assertThat(cans.name()).isEqualTo("Cans_Left_Out_24x7");
    assertThat(cans.description()).isEqualTo(
        "Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.");
    assertThat(catalog.categories()).hasSize(36);
  }

  @Test
  void a_merge_keeps_the_city_categories_and_adds_the_imported_ones_after_them() throws Exception {
    CatalogImport.Summary summary = catalogImport.importOpen311(new CatalogImport.Source(
        resource("sf_services.xml"), null, null, Map.of("002", "PW"), Map.of("Litter Receptacles", "SAN"),
        CatalogImport.Mode.MERGE));

    assertThat(summary.categoriesRetired()).isZero();
    assertThat(catalog.categories()).hasSize(32 + 36);
    assertThat(catalog.categories().getFirst().code()).isEqualTo("BULKY_ITEMS");
    assertThat(catalog.categories().get(32).code()).isEqualTo("001");
    assertThat(catalog.category("001").orElseThrow().departmentCode()).isEqualTo("SAN");
    assertThat(catalog.category("002").orElseThrow().departmentCode()).isEqualTo("PW");
  }

  @Test
  void a_merged_import_survives_the_city_file_being_applied_again() throws Exception {
    catalogImport.importOpen311(new CatalogImport.Source(
        resource("sf_services.xml"), null, null, Map.of(), Map.of(), CatalogImport.Mode.MERGE));

    startup.applyCityFile(SampleCity.LOCATION);
    jdbcCatalog.reload();

    assertThat(catalog.categories()).hasSize(32 + 36);
  }

  @Test
  void a_mapping_to_a_department_the_city_does_not_have_is_refused() throws Exception {
    var source = new CatalogImport.Source(
        resource("sf_services.xml"), null, null, Map.of("001", "LIBRARY"), Map.of(), CatalogImport.Mode.MERGE);

    assertThatThrownBy(() -> catalogImport.importOpen311(source))
        .isInstanceOf(CatalogFileException.class)
        .hasMessageContaining("LIBRARY");
    assertThat(catalog.category("001")).isEmpty();
  }

  @Test
  void a_definition_found_by_its_service_code_whatever_the_file_name_and_a_stray_one_is_reported() throws Exception {
    Files.copy(resource("dc_service_definition_S0301.xml"), folder.resolve("pothole.xml"));
    Files.writeString(folder.resolve("other.xml"), """
        <service_definition><service_code>NOT-IN-LIST</service_code><attributes/></service_definition>""");

    CatalogImport.Summary summary = catalogImport.importOpen311(resource("dc_services.xml"), folder);

    assertThat(catalog.category("S0301").orElseThrow().questions()).hasSize(6);
    assertThat(summary.warnings()).singleElement().asString().contains("NOT-IN-LIST");
  }

  @Test
  void the_start_up_import_runs_after_the_city_file_and_replaces_its_categories() throws Exception {
    Path services = resource("dc_services.xml");
    var properties = new CatalogProperties(SampleCity.LOCATION, services.toString(), services.getParent().toString());

    new CatalogStartup(store, importer, properties, new DefaultResourceLoader()).afterPropertiesSet();
    jdbcCatalog.reload();

    assertThat(catalog.categories()).hasSize(86);
    assertThat(catalog.category("S0301").orElseThrow().questions()).hasSize(6);
    assertThat(catalog.categoryIncludingInactive("POTHOLE")).isPresent();
    assertThat(catalog.jurisdiction().id()).isEqualTo("springfield.example.gov");
  }

  private static Element document(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  private static List<Element> children(Element parent, String name) {
    var children = new ArrayList<Element>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) children.add(element);
    }
    return children;
  }

  /** The child's text as Open311 means it: surrounding whitespace is layout, not data. */
  private static @Nullable String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.getFirst().getTextContent().strip();
  }
}
