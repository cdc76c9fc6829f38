package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.open311.internal.Open311Bodies.children;
import static org.civic311.open311.internal.Open311Bodies.resource;
import static org.civic311.open311.internal.Open311Bodies.xml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.catalog.CatalogImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/** DC's real services list, imported through the catalog, comes back out of GET services.xml unchanged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DcServicesEndToEndTests {

  private static final List<String> FIELDS =
      List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group");

  @LocalServerPort int port;
  @Autowired CatalogImport catalogImport;

  @Test
  void dcs_86_services_imported_through_the_catalog_come_back_equal_in_every_field() throws Exception {
    // Merge keeps the sample city's categories, so the other tests sharing this context still find them.
    Path services = Files.createTempFile("dc_services", ".xml");
    Files.writeString(services, resource("dc_services.xml"));
    catalogImport.importOpen311(
        new CatalogImport.Source(services, null, null, Map.of(), Map.of(), CatalogImport.Mode.MERGE));

    var response = new Open311Http(port).get("/open311/v2/services.xml");

    assertThat(response.statusCode()).isEqualTo(200);
    var dc = byCode(children(xml(resource("dc_services.xml")).getDocumentElement()));
    var ours = byCode(children(xml(response.body()).getDocumentElement()));
    assertThat(dc).hasSize(86);
    assertThat(ours.keySet()).containsAll(dc.keySet());
    for (var expected : dc.entrySet()) {
      var actual = ours.get(expected.getKey());
      for (String field : FIELDS) {
        // The catalog strips white space around imported text (15 DC descriptions end in a space).
        assertThat(value(actual, field))
            .as("%s of %s", field, expected.getKey())
            .isEqualTo(value(expected.getValue(), field).strip());
      }
    }
    assertThat(List.copyOf(ours.keySet()).subList(ours.size() - 86, ours.size()))
        .as("in DC's order, after the city's own categories")
        .containsExactlyElementsOf(dc.keySet());
  }

  private static Map<String, Element> byCode(List<Element> services) {
    var map = new LinkedHashMap<String, Element>();
    services.forEach(s -> map.put(value(s, "service_code"), s));
    return map;
  }

  private static String value(Element service, String field) {
    var found = children(service, field);
    return found.isEmpty() ? "" : found.getFirst().getTextContent();
  }
}
