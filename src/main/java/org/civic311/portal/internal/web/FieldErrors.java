package org.civic311.portal.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.requests.InvalidServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The problems of one form, in the page's language, each tied to the field it is about: shown next to
 * the field and, in order, in the error summary whose links lead to the fields.
 */
final class FieldErrors {

  /** One problem: the id of the field it is about and a sentence for the resident. */
  public record FieldError(String field, String message) {}

  private final MessageSource messages;
  private final Locale locale;
  private final Map<String, String> byField = new LinkedHashMap<>();

  FieldErrors(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  /** Adds a problem unless the field already has one: the first is the one to fix. */
  void add(String field, String key, Object... arguments) {
    byField.putIfAbsent(field, messages.getMessage(key, arguments, locale));
  }

  void addText(String field, String message) {
    byField.putIfAbsent(field, message);
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  boolean has(String field) {
    return byField.containsKey(field);
  }

  @Nullable String get(String field) {
    return byField.get(field);
  }

  List<FieldError> all() {
    var list = new ArrayList<FieldError>();
    byField.forEach((field, message) -> list.add(new FieldError(field, message)));
    return list;
  }

  Map<String, String> asMap() {
    return byField;
  }

  /** The form field id of a question: its first choice for lists, so the link lands on something to answer. */
  static String anchor(Question question) {
    return question.datatype().hasValueList() ? "q-" + question.code() + "-0" : "q-" + question.code();
  }

  /**
   * Translates the requests module's problems (named in Open311 terms) into the form's fields and the
   * page's language. {@code category} is already in that language, so questions are quoted as shown.
   */
  void addAll(InvalidServiceRequest invalid, ServiceCategory category, Jurisdiction jurisdiction,
      @Nullable Double latitude, @Nullable Double longitude) {
    for (InvalidServiceRequest.Violation violation : invalid.violations()) {
      String field = violation.field();
      InvalidServiceRequest.Kind kind = violation.kind();
      if (field.startsWith("attribute[") && field.endsWith("]")) {
        String code = field.substring("attribute[".length(), field.length() - 1);
        Question question = category.question(code).orElse(null);
        if (question == null) {
          add("main", "portal.violation.attribute.unknown");
        } else if (kind == InvalidServiceRequest.Kind.MISSING) {
          add(anchor(question), "portal.violation.attribute.missing", question.description());
        } else {
          add(anchor(question), "portal.violation.attribute.invalid." + datatypeKey(question.datatype()),
              question.description());
        }
        continue;
      }
      switch (field) {
        case "location" -> add("address", "portal.violation.location.missing");
        case "lat", "long" -> {
          if (kind == InvalidServiceRequest.Kind.MISSING) {
            add("lat", "portal.violation.point.incomplete");
          } else if (latitude != null && longitude != null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
            add("lat", "portal.violation.point.outside", jurisdiction.name());
          } else {
            add(field, "portal.violation.point.range." + field);
          }
        }
        case "address_string", "address_id", "zipcode" -> add("address", "portal.violation.address.invalid");
        case "description" -> add("description", kind == InvalidServiceRequest.Kind.TOO_LONG
            ? "portal.violation.description.too-long" : "portal.violation.text.invalid");
        case "email" -> add("email", "portal.violation.email.invalid");
        case "phone" -> add("phone", "portal.violation.phone.invalid");
        case "first_name" -> add("firstName", "portal.violation.name.invalid");
        case "last_name" -> add("lastName", "portal.violation.name.invalid");
        case "media_url" -> add("photo", "portal.violation.photo.invalid");
        case "service_code" -> add("main", "portal.violation.category.unknown");
        default -> add("main", "portal.violation.other");
      }
    }
  }

  private static String datatypeKey(QuestionDatatype datatype) {
    return switch (datatype) {
      case NUMBER -> "number";
      case DATETIME -> "datetime";
      case SINGLEVALUELIST, MULTIVALUELIST -> "choice";
      case TEXT -> "text";
      case STRING -> "string";
    };
  }
}
