package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.open311.internal.Open311Bodies.assertJsonErrors;
import static org.civic311.open311.internal.Open311Bodies.assertXmlErrors;
import static org.civic311.open311.internal.Open311Bodies.childNames;
import static org.civic311.open311.internal.Open311Bodies.children;
import static org.civic311.open311.internal.Open311Bodies.fieldNames;
import static org.civic311.open311.internal.Open311Bodies.json;
import static org.civic311.open311.internal.Open311Bodies.resource;
import static org.civic311.open311.internal.Open311Bodies.text;
import static org.civic311.open311.internal.Open311Bodies.xml;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServicesContractTests extends Open311SliceTest {

  @Test
  void the_xml_service_list_has_the_element_names_of_dcs_real_list() throws Exception {
    var response = perform(get("/open311/v2/services.xml"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/xml;charset=utf-8");
    assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    var root = xml(response.body()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("services");
    var services = children(root);
    assertThat(services).hasSize(3).allSatisfy(s -> assertThat(s.getTagName()).isEqualTo("service"));

    var dcService = children(xml(resource("dc_services.xml")).getDocumentElement()).getFirst();
    assertThat(childNames(services.getFirst())).containsExactlyInAnyOrderElementsOf(childNames(dcService));
    var pothole = services.getFirst();
    assertThat(text(pothole, "service_code")).isEqualTo("POTHOLE");
    assertThat(text(pothole, "metadata")).isEqualTo("true");
    assertThat(text(pothole, "type")).isEqualTo("realtime");
    assertThat(text(pothole, "keywords")).isEqualTo("road, hole");
    assertThat(text(pothole, "group")).isEqualTo("Streets");
    assertThat(text(services.get(1), "type")).isEqualTo("batch");
    assertThat(text(services.get(2), "group")).isEmpty();
  }

  @Test
  void the_json_service_list_is_an_array_with_string_codes_and_boolean_metadata() throws Exception {
    var response = perform(get("/open311/v2/services.json"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json;charset=utf-8");
    var services = json(response.body());
    assertThat(services.isArray()).isTrue();
    assertThat(services.size()).isEqualTo(3);
    var pothole = services.get(0);
    assertThat(fieldNames(pothole))
        .containsExactly("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
    assertThat(pothole.get("service_code").isString()).isTrue();
    assertThat(pothole.get("metadata").isBoolean()).isTrue();
    assertThat(services.get(2).get("group").isNull()).isTrue();
  }

  @Test
  void the_xml_service_definition_has_the_shape_of_dcs_real_definition() throws Exception {
    var response = perform(get("/open311/v2/services/POTHOLE.xml"));

    assertThat(response.status()).isEqualTo(200);
    var root = xml(response.body()).getDocumentElement();
    var dc = xml(resource("dc_service_definition_S0301.xml")).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo(dc.getTagName());
    assertThat(childNames(root)).containsExactlyElementsOf(childNames(dc));
    var attributes = children(children(root, "attributes").getFirst());
    assertThat(attributes).hasSize(3).allSatisfy(a -> assertThat(a.getTagName()).isEqualTo("attribute"));
    var dcList = children(children(dc, "attributes").getFirst()).get(1);
    var size = attributes.get(1);
    assertThat(childNames(size)).containsExactlyInAnyOrderElementsOf(childNames(dcList));
    assertThat(text(size, "datatype")).isEqualTo("singlevaluelist");
    assertThat(text(size, "datatype_description")).isEmpty();
    var values = children(children(size, "values").getFirst());
    assertThat(values).hasSize(2);
    assertThat(childNames(values.getFirst())).containsExactly("key", "name");
    assertThat(text(attributes.get(2), "variable")).isEqualTo("false");
  }

  @Test
  void the_json_service_definition_is_an_object_with_an_attribute_array() throws Exception {
    var response = perform(get("/open311/v2/services/POTHOLE.json"));

    assertThat(response.status()).isEqualTo(200);
    var definition = json(response.body());
    assertThat(definition.isObject()).isTrue();
    assertThat(fieldNames(definition)).containsExactly("service_code", "attributes");
    var first = definition.get("attributes").get(0);
    assertThat(fieldNames(first))
        .containsExactly("variable", "code", "datatype", "required", "datatype_description", "order", "description");
    assertThat(first.get("order").isInt()).isTrue();
    assertThat(first.get("required").isBoolean()).isTrue();
    var size = definition.get("attributes").get(1);
    assertThat(size.get("datatype_description").isNull()).isTrue();
    assertThat(size.get("values").get(0).get("key").asString()).isEqualTo("S");
  }

  @Test
  void an_unknown_service_code_is_a_404_error_list_in_both_formats() throws Exception {
    var xmlResponse = perform(get("/open311/v2/services/NOPE.xml"));
    var jsonResponse = perform(get("/open311/v2/services/NOPE.json"));

    assertThat(xmlResponse.status()).isEqualTo(404);
    assertThat(assertXmlErrors(xmlResponse.body(), 404)).singleElement().asString().contains("service_code");
    assertThat(jsonResponse.status()).isEqualTo(404);
    assertThat(jsonResponse.contentType()).isEqualTo("application/json;charset=utf-8");
    assertJsonErrors(jsonResponse.body(), 404);
  }

  @Test
  void an_unknown_jurisdiction_is_a_404_and_an_empty_or_matching_one_is_ours() throws Exception {
    var unknown = perform(get("/open311/v2/services.json").param("jurisdiction_id", "shelbyville.example.gov"));
    var empty = perform(get("/open311/v2/services.json").param("jurisdiction_id", ""));
    var ours = perform(get("/open311/v2/services.xml").param("jurisdiction_id", "SPRINGFIELD.example.gov"));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(assertJsonErrors(unknown.body(), 404)).singleElement().asString().contains("jurisdiction_id");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(ours.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/open311/v2/services.csv",
        "/open311/v2/services",
        "/open311/v2/services/POTHOLE",
        "/open311/v2/services/POTHOLE.html",
        "/open311/v2/requests.txt",
        "/open311/v2/requests/2026-000001",
        "/open311/v2/tokens/abc.yaml",
        "/open311/v2/servicerequestupdates",
        "/open311/discovery.html"
      })
  void an_unknown_extension_is_a_404_saying_which_extensions_exist(String path) throws Exception {
    var response = perform(get(path));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo("text/xml;charset=utf-8");
    assertThat(assertXmlErrors(response.body(), 404)).containsExactly("Bad extension. We support .xml and .json");
  }

  @Test
  void an_unknown_resource_is_a_404_error_list() throws Exception {
    var response = perform(get("/open311/v2/nothing/here.json"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(assertJsonErrors(response.body(), 404)).containsExactly("Resource not found");
  }

  @Test
  void a_wrong_method_is_a_405_with_allow_and_an_error_list() throws Exception {
    var response = perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/open311/v2/services.json"));

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.allow()).isEqualTo("GET");
    assertJsonErrors(response.body(), 405);
  }

  @Test
  void a_service_code_with_a_dot_keeps_everything_before_the_last_dot() throws Exception {
    var response = perform(get("/open311/v2/services/POTHOLE.v2.json"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(assertJsonErrors(response.body(), 404)).singleElement().asString().contains("service_code");
  }
}
