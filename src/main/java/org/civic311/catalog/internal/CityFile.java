package org.civic311.catalog.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The city file as written, before any check: every field may be missing, so {@link CityFileReader}
 * can name each problem instead of failing on the first null.
 */
record CityFile(
    @Nullable JurisdictionEntry jurisdiction,
    @Nullable List<DepartmentEntry> departments,
    @Nullable List<CategoryEntry> categories) {

  record JurisdictionEntry(
      @Nullable String id,
      @Nullable String name,
      @Nullable String timeZone,
      @Nullable BoundsEntry bounds,
      @Nullable String contact,
      @Nullable String keyService) {}

  record BoundsEntry(
      @Nullable Double south, @Nullable Double west, @Nullable Double north, @Nullable Double east) {}

  record DepartmentEntry(@Nullable String code, @Nullable String name, @Nullable String email) {}

  record CategoryEntry(
      @Nullable String code,
      @Nullable String name,
      @Nullable String description,
      @Nullable String group,
      @Nullable String keywords,
      @Nullable String type,
      @Nullable Boolean metadata,
      @Nullable String department,
      @Nullable String sla,
      @Nullable String serviceNotice,
      @Nullable Map<String, CategoryTranslationEntry> translations,
      @Nullable List<QuestionEntry> questions) {}

  /** A category's texts in one language ({@code translations: {es: {name: Bache, ...}}}). */
  record CategoryTranslationEntry(
      @Nullable String name,
      @Nullable String description,
      @Nullable String group,
      @Nullable String keywords,
      @Nullable String serviceNotice) {}

  /** A question's texts in one language. */
  record QuestionTranslationEntry(@Nullable String description, @Nullable String datatypeDescription) {}

  record QuestionEntry(
      @Nullable String code,
      @Nullable String description,
      @Nullable String datatype,
      @Nullable Boolean required,
      @Nullable Boolean variable,
      @Nullable String datatypeDescription,
      @Nullable Integer order,
      @Nullable Map<String, QuestionTranslationEntry> translations,
      @Nullable List<ValueEntry> values) {}

  /** A value; {@code translations} maps a language code to the value's name in it. */
  record ValueEntry(@Nullable String key, @Nullable String name, @Nullable Map<String, String> translations) {}
}
