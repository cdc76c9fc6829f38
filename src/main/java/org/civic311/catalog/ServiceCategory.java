package org.civic311.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something a resident can report, e.g. "Pothole" (an Open311 service), with every Open311 field.
 *
 * @param code the Open311 service_code, unique in the jurisdiction
 * @param name short name shown to residents
 * @param description what belongs in this category
 * @param group the Open311 group, e.g. "Streets"
 * @param keywords comma separated search words, kept as the city wrote them
 * @param type realtime, batch or blackbox
 * @param metadata whether clients must fetch the questions (the Open311 metadata flag)
 * @param questions the questions, by order
 * @param departmentCode the department that handles it
 * @param sla the target time to fix; null when the city set none
 * @param serviceNotice the notice returned to a client after a POST; may be null
 * @param translations the texts in other languages, by language code ({@code es}); Open311 output
 *     uses the city's own words, the resident portal the page's language
 */
public record ServiceCategory(
    String code,
    String name,
    String description,
    @Nullable String group,
    @Nullable String keywords,
    ServiceType type,
    boolean metadata,
    List<Question> questions,
    @Nullable String departmentCode,
    @Nullable SlaTarget sla,
    @Nullable String serviceNotice,
    Map<String, CategoryTranslation> translations) {

  public ServiceCategory {
    questions = questions.stream().sorted(java.util.Comparator.comparingInt(Question::order)).toList();
    translations = Map.copyOf(translations);
  }

  /** A category in the city's own words only. */
  public ServiceCategory(
      String code,
      String name,
      String description,
      @Nullable String group,
      @Nullable String keywords,
      ServiceType type,
      boolean metadata,
      List<Question> questions,
      @Nullable String departmentCode,
      @Nullable SlaTarget sla,
      @Nullable String serviceNotice) {
    this(code, name, description, group, keywords, type, metadata, questions, departmentCode, sla, serviceNotice,
        Map.of());
  }

  /** The texts in a language, when the city translated any; by language only ({@code es-MX} finds {@code es}). */
  public Optional<CategoryTranslation> translation(Locale locale) {
    return Optional.ofNullable(translations.get(locale.getLanguage()));
  }

  /** The name in a language, or the city's own name when it has no translation. */
  public String name(Locale locale) {
    return translation(locale).map(CategoryTranslation::name).orElse(name);
  }

  /**
   * This category with its texts (name, description, group, keywords, question texts and value names)
   * in a language; each text the city did not translate stays as written. Codes and keys never change.
   */
  public ServiceCategory localized(Locale locale) {
    CategoryTranslation translation = translation(locale).orElse(null);
    if (translation == null) return this;
    List<Question> localizedQuestions =
        questions.stream()
            .map(question -> question.localized(translation.questions().get(question.code())))
            .toList();
    return new ServiceCategory(code, or(translation.name(), name), or(translation.description(), description),
        or(translation.group(), group), or(translation.keywords(), keywords), type, metadata, localizedQuestions,
        departmentCode, sla, or(translation.serviceNotice(), serviceNotice), translations);
  }

  private static <T> @Nullable T or(@Nullable T translated, @Nullable T original) {
    return translated != null ? translated : original;
  }

  public Optional<Question> question(String questionCode) {
    return questions.stream().filter(q -> q.code().equals(questionCode)).findFirst();
  }
}
