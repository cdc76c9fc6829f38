package org.civic311.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.civic311.catalog.CatalogEditRejected;
import org.civic311.catalog.CatalogEditRejected.Reason;
import org.civic311.catalog.CategoryDetails;
import org.civic311.catalog.Department;
import org.civic311.catalog.Question;
import org.jspecify.annotations.Nullable;

/**
 * The rules an admin's catalog edit must meet, so that what an admin saves is as valid for Open311
 * clients and the portal as what the city file says. Each method returns the value as it will be
 * stored (trimmed, renumbered) or refuses it with the field and the reason.
 */
final class CatalogEditPolicy {

  static final Pattern CATEGORY_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$");
  static final Pattern DEPARTMENT_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$");
  static final Pattern QUESTION_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$");

  private CatalogEditPolicy() {}

  /** The details trimmed; empty optional texts become null. */
  static CategoryDetails category(CategoryDetails details, Set<String> activeDepartments) {
    String code = code("code", details.code(), CATEGORY_CODE);
    String name = required("name", details.name(), 100);
    String description = limit("description", details.description() == null ? "" : details.description().strip(), 2000);
    String group = optional("group", details.group(), 100);
    String keywords = optional("keywords", details.keywords(), 500);
    String department = optional("departmentCode", details.departmentCode(), 40);
    if (department != null && !activeDepartments.contains(department)) {
      throw new CatalogEditRejected("departmentCode", Reason.UNKNOWN_DEPARTMENT, "Unknown department " + department);
    }
    return new CategoryDetails(code, name, description, group, keywords, department, details.sla(), details.active());
  }

  static Department department(Department department) {
    return new Department(
        code("code", department.code(), DEPARTMENT_CODE),
        required("name", department.name(), 100),
        optional("email", department.email(), 254));
  }

  /** The questions in the given order, numbered from 1, with their texts and values checked. */
  static List<Question> questions(List<Question> questions) {
    List<Question> checked = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < questions.size(); i++) {
      Question question = questions.get(i);
      String field = "questions[" + i + "]";
      String code = code(field + ".code", question.code(), QUESTION_CODE);
      if (!codes.add(code)) {
        throw new CatalogEditRejected(field + ".code", Reason.DUPLICATE_CODE, "Two questions have the code " + code);
      }
      String text = required(field + ".description", question.description(), 500);
      String hint = optional(field + ".datatypeDescription", question.datatypeDescription(), 200);
      List<Question.AllowedValue> values = values(field + ".values", question);
      checked.add(new Question(code, question.variable(), question.datatype(), question.variable() && question.required(),
          hint, i + 1, text, values));
    }
    return List.copyOf(checked);
  }

  private static List<Question.AllowedValue> values(String field, Question question) {
    if (!question.datatype().hasValueList()) {
      if (!question.values().isEmpty()) {
        throw new CatalogEditRejected(field, Reason.VALUES_NOT_ALLOWED, "Only value lists have values");
      }
      return List.of();
    }
    if (question.values().isEmpty()) {
      throw new CatalogEditRejected(field, Reason.NO_VALUES, "A value list needs at least one value");
    }
    Set<String> keys = new HashSet<>();
    List<Question.AllowedValue> values = new ArrayList<>();
    for (Question.AllowedValue value : question.values()) {
      String key = value.key() == null ? "" : value.key().strip();
      String name = value.name() == null ? "" : value.name().strip();
      if (key.isEmpty() || name.isEmpty() || key.length() > 100 || name.length() > 200 || !keys.add(key)) {
        throw new CatalogEditRejected(field, Reason.BAD_VALUE, "Bad or repeated value '" + key + "'");
      }
      values.add(new Question.AllowedValue(key, name));
    }
    return values;
  }

  private static String code(String field, @Nullable String value, Pattern pattern) {
    String code = value == null ? "" : value.strip();
    if (code.isEmpty()) throw new CatalogEditRejected(field, Reason.REQUIRED, field + " is required");
    if (!pattern.matcher(code).matches()) {
      throw new CatalogEditRejected(field, Reason.BAD_CODE, "Not a code: " + code);
    }
    return code;
  }

  private static String required(String field, @Nullable String value, int max) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) throw new CatalogEditRejected(field, Reason.REQUIRED, field + " is required");
    return limit(field, text, max);
  }

  private static @Nullable String optional(String field, @Nullable String value, int max) {
    if (value == null || value.isBlank()) return null;
    return limit(field, value.strip(), max);
  }

  private static String limit(String field, String text, int max) {
    if (text.length() > max) {
      throw new CatalogEditRejected(field, Reason.TOO_LONG, field + " is longer than " + max + " characters");
    }
    return text;
  }
}
