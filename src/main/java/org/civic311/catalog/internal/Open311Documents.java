package org.civic311.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * Reads Open311 GeoReport v2 {@code services} and {@code service_definition} documents, keeping every
 * value as the server wrote it apart from surrounding whitespace: an import must show residents what
 * the city showed them.
 */
final class Open311Documents {

  private Open311Documents() {}

  /**
   * One {@code <service>} of a services list.
   *
   * @param metadata null when the element is missing
   * @param keywords null when the element is missing; empty when it is empty
   */
  record Service(
      String code,
      String name,
      String description,
      @Nullable String group,
      @Nullable String keywords,
      ServiceType type,
      @Nullable Boolean metadata) {}

  /** One {@code <service_definition>}: a service's questions. */
  record Definition(String serviceCode, List<Question> questions) {}

  static List<Service> services(String source, XmlElement root) {
    if (!root.name().equals("services")) {
      throw new CatalogFileException(source + " is not an Open311 services list: its root element is <"
          + root.name() + ">, not <services>");
    }
    var problems = new ArrayList<String>();
    var services = new ArrayList<Service>();
    var codes = new HashSet<String>();
    for (XmlElement element : root.children("service")) {
      String where = "line " + element.line();
      String code = element.childText("service_code");
      if (code == null || code.isEmpty()) {
        problems.add(where + ": <service> without a service_code");
        continue;
      }
      where += " (service " + code + ")";
      if (!codes.add(code)) problems.add(where + ": service_code " + code + " appears twice");
      String name = element.childText("service_name");
      if (name == null || name.isEmpty()) problems.add(where + ": service_name is missing");
      ServiceType type = type(where, element.childText("type"), problems);
      Boolean metadata = bool(where, "metadata", element.childText("metadata"), problems);
      String description = element.childText("description");
      if (name != null && !name.isEmpty() && type != null) {
        services.add(new Service(code, name, description == null ? "" : description, element.childText("group"),
            element.childText("keywords"), type, metadata));
      }
    }
    failOn(source, problems);
    return services;
  }

  static Definition definition(String source, XmlElement root) {
    if (!root.name().equals("service_definition")) {
      throw new CatalogFileException(source + " is not an Open311 service definition: its root element is <"
          + root.name() + ">, not <service_definition>");
    }
    String serviceCode = root.childText("service_code");
    if (serviceCode == null || serviceCode.isEmpty()) {
      throw new CatalogFileException(source + ": the service definition has no service_code");
    }
    // Old servers put <attribute> straight under <service_definition>; the current form wraps them.
    var attributes = new ArrayList<>(root.children("attribute"));
    XmlElement wrapper = root.child("attributes");
    if (wrapper != null) attributes.addAll(wrapper.children("attribute"));

    var problems = new ArrayList<String>();
    var questions = new ArrayList<Question>();
    var codes = new HashSet<String>();
    for (int i = 0; i < attributes.size(); i++) {
      XmlElement attribute = attributes.get(i);
      String where = "line " + attribute.line();
      String code = attribute.childText("code");
      if (code == null || code.isEmpty()) {
        problems.add(where + ": <attribute> without a code");
        continue;
      }
      where += " (attribute " + code + ")";
      if (!codes.add(code)) problems.add(where + ": attribute code " + code + " appears twice");
      Boolean variable = bool(where, "variable", attribute.childText("variable"), problems);
      Boolean required = bool(where, "required", attribute.childText("required"), problems);
      QuestionDatatype datatype = datatype(where, attribute.childText("datatype"), problems);
      Integer order = order(where, attribute.childText("order"), i + 1, problems);
      String description = attribute.childText("description");
      List<Question.AllowedValue> values = values(where, attribute.child("values"), problems);
      if (datatype != null && order != null) {
        questions.add(new Question(code, variable == null || variable, datatype, required != null && required,
            attribute.childText("datatype_description"), order, description == null ? "" : description, values));
      }
    }
    failOn(source, problems);
    return new Definition(serviceCode, questions);
  }

  private static List<Question.AllowedValue> values(String where, @Nullable XmlElement wrapper, List<String> problems) {
    if (wrapper == null) return List.of();
    var values = new ArrayList<Question.AllowedValue>();
    var keys = new HashSet<String>();
    for (XmlElement value : wrapper.children("value")) {
      String key = value.childText("key");
      if (key == null) {
        problems.add(where + ", line " + value.line() + ": <value> without a key");
        continue;
      }
      if (!keys.add(key)) problems.add(where + ": value key '" + key + "' appears twice");
      String name = value.childText("name");
      values.add(new Question.AllowedValue(key, name == null ? "" : name));
    }
    return values;
  }

  private static @Nullable ServiceType type(String where, @Nullable String text, List<String> problems) {
    if (text == null || text.isEmpty()) return ServiceType.REALTIME;
    return switch (text) {
      case "realtime" -> ServiceType.REALTIME;
      case "batch" -> ServiceType.BATCH;
      case "blackbox" -> ServiceType.BLACKBOX;
      default -> {
        problems.add(where + ": type '" + text + "' is not realtime, batch or blackbox");
        yield null;
      }
    };
  }

  private static @Nullable Boolean bool(String where, String field, @Nullable String text, List<String> problems) {
    if (text == null || text.isEmpty()) return null;
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add(where + ": " + field + " '" + text + "' is not true or false");
        yield null;
      }
    };
  }

  private static @Nullable QuestionDatatype datatype(String where, @Nullable String text, List<String> problems) {
    if (text == null || text.isEmpty()) {
      problems.add(where + ": datatype is missing");
      return null;
    }
    try {
      return QuestionDatatype.fromOpen311(text);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": datatype '" + text
          + "' is not one of string, number, datetime, text, singlevaluelist, multivaluelist");
      return null;
    }
  }

  private static @Nullable Integer order(String where, @Nullable String text, int position, List<String> problems) {
    if (text == null || text.isEmpty()) return position;
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      problems.add(where + ": order '" + text + "' is not a whole number");
      return null;
    }
  }

  private static void failOn(String source, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new CatalogFileException(source + " has " + problems.size()
          + (problems.size() == 1 ? " problem" : " problems") + ":\n  - " + String.join("\n  - ", problems));
    }
  }
}
