package org.civic311.catalog;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A category's texts in another language, from the city file; every text left out falls back to the
 * city's own words.
 *
 * @param name the category name, e.g. "Bache"
 * @param description what belongs in the category
 * @param group the group name
 * @param keywords comma separated search words in that language
 * @param serviceNotice what the reporter is told after reporting
 * @param questions the questions' texts by question code
 */
public record CategoryTranslation(
    @Nullable String name,
    @Nullable String description,
    @Nullable String group,
    @Nullable String keywords,
    @Nullable String serviceNotice,
    Map<String, QuestionTranslation> questions) {

  public CategoryTranslation {
    questions = Map.copyOf(questions);
  }

  /** A question's text and answer hint in another language, and the names of its values by value key. */
  public record QuestionTranslation(
      @Nullable String description, @Nullable String datatypeDescription, Map<String, String> values) {
    public QuestionTranslation {
      values = Map.copyOf(values);
    }
  }
}
