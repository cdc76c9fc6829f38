package org.civic311.notifications;

import java.time.Instant;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;

/**
 * A reporter's answer to the satisfaction survey of one request (staff only: the comment may say
 * anything).
 *
 * @param rating 1 (very dissatisfied) to 5 (very satisfied)
 * @param comment up to 1,000 characters; null when none was given
 * @param language the language the survey was answered in
 * @param answeredAt the latest answer; a second answer within {@link #CHANGE_WINDOW_DAYS} days of
 *     the first replaces it
 */
public record SurveyAnswer(
    RequestNumber number,
    String categoryCode,
    int rating,
    @Nullable String comment,
    String language,
    Instant firstAnsweredAt,
    Instant answeredAt) {

  /** How long after the first answer a reporter may still change it. */
  public static final int CHANGE_WINDOW_DAYS = 30;

  /** The longest comment kept. */
  public static final int MAX_COMMENT = 1000;
}
