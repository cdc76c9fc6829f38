package org.civic311.notifications;

import java.time.Instant;
import java.util.Optional;
import org.civic311.requests.RequestNumber;

/**
 * What reporters thought of how their requests were handled: the satisfaction survey linked from the
 * resolved and closed messages, one answer per request, for reports and for staff.
 */
public interface Surveys {

  /**
   * Answers given in {@code [from, to)} (by the time of the latest answer), with the count and
   * average rating overall and per category, categories with the most answers first.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  SurveyResults results(Instant from, Instant to);

  /** The answer about one request, for staff; empty when the reporter has not answered. */
  Optional<SurveyAnswer> answerOf(RequestNumber number);
}
