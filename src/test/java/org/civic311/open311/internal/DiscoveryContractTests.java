package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.open311.internal.Open311Bodies.childNames;
import static org.civic311.open311.internal.Open311Bodies.children;
import static org.civic311.open311.internal.Open311Bodies.fieldNames;
import static org.civic311.open311.internal.Open311Bodies.json;
import static org.civic311.open311.internal.Open311Bodies.resource;
import static org.civic311.open311.internal.Open311Bodies.text;
import static org.civic311.open311.internal.Open311Bodies.xml;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiscoveryContractTests extends Open311SliceTest {

  @Test
  void xml_discovery_is_served_as_exactly_text_xml_with_dcs_element_names() throws Exception {
    var response = perform(get("/open311/discovery.xml"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/xml");
    var root = xml(response.body()).getDocumentElement();
    var dc = xml(resource("dc_discovery.xml")).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("discovery");
    assertThat(childNames(root)).containsExactlyElementsOf(childNames(dc));
    assertThat(text(root, "contact")).isEqualTo(Open311Fixtures.SPRINGFIELD.contact());
    assertThat(text(root, "key_service")).isEqualTo(Open311Fixtures.SPRINGFIELD.keyService());
    assertThat(Instant.parse(text(root, "changeset"))).isBefore(Open311Fixtures.NOW);
    var endpoints = children(children(root, "endpoints").getFirst());
    assertThat(endpoints).hasSizeGreaterThanOrEqualTo(2);
    var dcEndpoint = children(children(dc, "endpoints").getFirst()).getFirst();
    for (var endpoint : endpoints) {
      assertThat(childNames(endpoint)).containsExactlyElementsOf(childNames(dcEndpoint));
      assertThat(text(endpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
      assertThat(text(endpoint, "url")).isEqualTo("https://311.springfield.example.gov/open311/v2");
      assertThat(Instant.parse(text(endpoint, "changeset"))).isBefore(Open311Fixtures.NOW);
      var formats = children(children(endpoint, "formats").getFirst(), "format");
      assertThat(formats).extracting(e -> e.getTextContent()).containsExactly("text/xml", "application/json");
    }
    assertThat(endpoints).extracting(e -> text(e, "type")).containsExactly("production", "test");
  }

  @Test
  void json_discovery_is_served_as_exactly_application_json_with_bostons_field_names() throws Exception {
    var response = perform(get("/open311/discovery.json"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    var discovery = json(response.body());
    var boston = json(resource("boston_discovery.json"));
    assertThat(fieldNames(discovery)).containsExactlyInAnyOrderElementsOf(fieldNames(boston));
    assertThat(discovery.get("endpoints").size()).isGreaterThanOrEqualTo(2);
    for (var endpoint : discovery.get("endpoints")) {
      assertThat(fieldNames(endpoint)).containsExactlyInAnyOrderElementsOf(fieldNames(boston.get("endpoints").get(0)));
      assertThat(endpoint.get("formats").isArray()).isTrue();
      assertThat(endpoint.get("formats").size()).isGreaterThanOrEqualTo(2);
    }
  }
}
