package org.civic311.console.internal.web.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.jspecify.annotations.Nullable;

/** What the intake templates show: plain values, no logic in the templates. */
final class IntakeViews {

  private IntakeViews() {}

  /** A category in the chooser, in the page's language, with the words the type-ahead matches. */
  record CategoryOption(String code, String name, String group, String searchText) {}

  /** One question of the chosen category, rendered by its datatype. */
  record QuestionView(
      String code,
      boolean variable,
      String anchor,
      String name,
      String description,
      @Nullable String hint,
      boolean required,
      String input,
      List<Choice> choices,
      String value,
      @Nullable String error) {

    public boolean isChoice() {
      return input.equals("select") || input.equals("radios") || input.equals("checkboxes");
    }
  }

  record Choice(String id, String key, String name, boolean chosen) {}

  static List<CategoryOption> categories(List<ServiceCategory> categories, Locale locale) {
    return categories.stream()
        .map(c -> c.localized(locale))
        .map(
            c ->
                new CategoryOption(
                    c.code(),
                    c.name(),
                    c.group() == null ? "" : c.group(),
                    String.join(" ", c.name(), c.group() == null ? "" : c.group(), c.keywords() == null ? "" : c.keywords(), c.code())
                        .toLowerCase(locale)))
        .toList();
  }

  static List<QuestionView> questions(@Nullable ServiceCategory category, IntakeForm form, Map<String, String> errors) {
    if (category == null) return List.of();
    return category.questions().stream().map(q -> question(q, form, errors)).toList();
  }

  static String anchor(String questionCode) {
    return "answer-" + questionCode.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static QuestionView question(Question q, IntakeForm form, Map<String, String> errors) {
    String anchor = anchor(q.code());
    String input =
        switch (q.datatype()) {
          case STRING -> "text";
          case NUMBER -> "number";
          case DATETIME -> "datetime";
          case TEXT -> "textarea";
          case SINGLEVALUELIST -> q.values().size() > 6 ? "select" : "radios";
          case MULTIVALUELIST -> "checkboxes";
        };
    List<Choice> choices =
        q.datatype().hasValueList()
            ? q.values().stream()
                .map(v -> new Choice(anchor + "-" + v.key().replaceAll("[^A-Za-z0-9_-]", "_"), v.key(), v.name(), form.chosen(q.code(), v.key())))
                .toList()
            : List.of();
    return new QuestionView(
        q.code(),
        q.variable(),
        anchor,
        IntakeForm.ANSWER_PREFIX + q.code(),
        q.description(),
        q.datatypeDescription(),
        q.required(),
        input,
        choices,
        form.answer(q.code()),
        errors.get(anchor));
  }

  /** A phone number or email shown in the audit log without giving it away: the last digits, the domain. */
  static String masked(String phoneOrEmail) {
    String given = phoneOrEmail.strip().toLowerCase(java.util.Locale.ROOT);
    int at = given.indexOf('@');
    if (at >= 0) {
      return (at > 0 ? given.charAt(0) : "") + "***" + given.substring(at);
    }
    String digits = given.replaceAll("[^0-9]", "");
    return digits.length() <= 4 ? "***" : "***" + digits.substring(digits.length() - 4);
  }

  static boolean isDatatype(Question q, QuestionDatatype type) {
    return q.datatype() == type;
  }
}
