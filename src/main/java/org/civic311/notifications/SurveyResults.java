package org.civic311.notifications;

import java.time.Instant;
import java.util.List;

/**
 * Survey answers of a period, for reports.
 *
 * @param average the mean rating, 0 when there is no answer
 */
public record SurveyResults(Instant from, Instant to, long count, double average, List<CategoryResult> categories) {

  /** The answers about requests of one category. */
  public record CategoryResult(String categoryCode, long count, double average) {}
}
