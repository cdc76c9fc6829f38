package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses responses the way clients do (a DOM parser, Jackson) and reads the real servers' samples. */
final class Open311Bodies {

  private static final JsonMapper JSON = JsonMapper.shared();

  private Open311Bodies() {}

  static Document xml(String body) {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + abbreviate(body), e);
    }
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      throw new AssertionError("Not JSON: " + e.getMessage() + "\n" + abbreviate(body), e);
    }
  }

  static String resource(String name) {
    try (InputStream in = Open311Bodies.class.getResourceAsStream("/open311/" + name)) {
      if (in == null) throw new IllegalArgumentException("No test resource open311/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Element> children(Node parent) {
    var list = new ArrayList<Element>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) list.add(e);
    }
    return list;
  }

  static List<Element> children(Node parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).toList();
  }

  static Set<String> childNames(Node parent) {
    var names = new LinkedHashSet<String>();
    children(parent).forEach(e -> names.add(e.getTagName()));
    return names;
  }

  static String text(Element parent, String child) {
    var found = children(parent, child);
    assertThat(found).as("<%s> in <%s>", child, parent.getTagName()).hasSize(1);
    return found.getFirst().getTextContent();
  }

  static Set<String> fieldNames(JsonNode object) {
    return new LinkedHashSet<>(object.propertyNames());
  }

  /** An Open311 error list in XML: {@code <errors><error><code/><description/>} with the status as code. */
  static List<String> assertXmlErrors(String body, int status) {
    Document document = xml(body);
    Element root = document.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("errors");
    var errors = children(root);
    assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.getTagName()).isEqualTo("error"));
    var descriptions = new ArrayList<String>();
    for (Element error : errors) {
      assertThat(childNames(error)).containsExactly("code", "description");
      assertThat(text(error, "code")).isEqualTo(Integer.toString(status));
      assertThat(text(error, "description")).isNotBlank();
      descriptions.add(text(error, "description"));
    }
    return descriptions;
  }

  /** An Open311 error list in JSON: {@code [{"code":400,"description":"..."}]} with a numeric code. */
  static List<String> assertJsonErrors(String body, int status) {
    JsonNode array = json(body);
    assertThat(array.isArray()).as("an array: %s", body).isTrue();
    assertThat(array.size()).isPositive();
    var descriptions = new ArrayList<String>();
    for (JsonNode error : array) {
      assertThat(fieldNames(error)).containsExactly("code", "description");
      assertThat(error.get("code").isNumber()).as("code is a JSON number").isTrue();
      assertThat(error.get("code").asInt()).isEqualTo(status);
      assertThat(error.get("description").isString()).isTrue();
      descriptions.add(error.get("description").asString());
    }
    return descriptions;
  }

  private static String abbreviate(String body) {
    return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
  }
}
