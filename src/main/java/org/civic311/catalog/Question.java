package org.civic311.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A question asked when reporting in a category (an Open311 attribute).
 *
 * @param code the attribute code, sent by clients as {@code attribute[code]}
 * @param variable false for informational text that needs no answer
 * @param datatype the kind of answer
 * @param required whether a report must answer it
 * @param datatypeDescription a hint for the answer's format; may be null
 * @param order display position, 1 first
 * @param description the question text
 * @param values the allowed answers of a value list, in display order; empty otherwise
 */
public record Question(
    String code,
    boolean variable,
    QuestionDatatype datatype,
    boolean required,
    @Nullable String datatypeDescription,
    int order,
    String description,
    List<AllowedValue> values) {

  public Question {
    values = List.copyOf(values);
  }

  /** This question with a translation's text and value names; untranslated parts stay as written. */
  public Question localized(CategoryTranslation.@Nullable QuestionTranslation translation) {
    if (translation == null) return this;
    List<AllowedValue> localizedValues =
        values.stream()
            .map(value -> new AllowedValue(value.key(), translation.values().getOrDefault(value.key(), value.name())))
            .toList();
    String text = translation.description() != null ? translation.description() : description;
    String hint = translation.datatypeDescription() != null ? translation.datatypeDescription() : datatypeDescription;
    return new Question(code, variable, datatype, required, hint, order, text, localizedValues);
  }

  /** One answer of a value list: {@code key} is sent, {@code name} is shown. */
  public record AllowedValue(String key, String name) {}
}
