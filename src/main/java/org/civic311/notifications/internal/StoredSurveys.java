package org.civic311.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civic311.notifications.SurveyAnswer;
import org.civic311.notifications.SurveyResults;
import org.civic311.notifications.Surveys;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Survey answers in {@code notifications.survey_answer}, one row per request. A second answer within
 * {@link SurveyAnswer#CHANGE_WINDOW_DAYS} days of the first replaces it (a reporter who clicked the
 * wrong star can fix it); later ones are refused, so a result already reported stays put.
 */
@Component
class StoredSurveys implements Surveys {

  /** What became of an answer. */
  enum Saved { FIRST, REPLACED, TOO_LATE }

  private final JdbcClient jdbc;
  private final Clock clock;

  StoredSurveys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Saved answer(RequestNumber number, String categoryCode, int rating, @Nullable String comment, String language) {
    if (rating < 1 || rating > 5) throw new IllegalArgumentException("rating must be 1 to 5");
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    if (text != null && text.length() > SurveyAnswer.MAX_COMMENT) throw new IllegalArgumentException("comment too long");
    Instant now = clock.instant();
    return jdbc.sql(
            """
            INSERT INTO notifications.survey_answer
              (request_number, category_code, rating, comment, language, first_answered_at, answered_at)
            VALUES (:number, :category, :rating, :comment, :language, :now, :now)
            ON CONFLICT (request_number) DO UPDATE SET
              rating = EXCLUDED.rating, comment = EXCLUDED.comment, language = EXCLUDED.language,
              answered_at = EXCLUDED.answered_at
            WHERE survey_answer.first_answered_at > :windowStart
            RETURNING (xmax = 0) AS inserted
            """)
        .param("number", number.value())
        .param("category", categoryCode)
        .param("rating", rating)
        .param("comment", text)
        .param("language", language)
        .param("now", Timestamp.from(now))
        .param("windowStart", Timestamp.from(now.minus(Duration.ofDays(SurveyAnswer.CHANGE_WINDOW_DAYS))))
        .query(Boolean.class)
        .optional()
        .map(inserted -> inserted ? Saved.FIRST : Saved.REPLACED)
        .orElse(Saved.TOO_LATE);
  }

  /** Whether the answer of a request can still be given or changed. */
  boolean open(RequestNumber number) {
    return answerOf(number)
        .map(a -> a.firstAnsweredAt().isAfter(clock.instant().minus(Duration.ofDays(SurveyAnswer.CHANGE_WINDOW_DAYS))))
        .orElse(true);
  }

  @Override
  public SurveyResults results(Instant from, Instant to) {
    if (to.isBefore(from)) throw new IllegalArgumentException("'to' is before 'from'");
    List<SurveyResults.CategoryResult> categories = jdbc.sql(
            """
            SELECT category_code, count(*), avg(rating)::float8 FROM notifications.survey_answer
            WHERE answered_at >= ? AND answered_at < ?
            GROUP BY category_code ORDER BY count(*) DESC, category_code
            """)
        .params(Timestamp.from(from), Timestamp.from(to))
        .query((rs, i) -> new SurveyResults.CategoryResult(rs.getString(1), rs.getLong(2), rs.getDouble(3)))
        .list();
    long count = categories.stream().mapToLong(SurveyResults.CategoryResult::count).sum();
    double sum = categories.stream().mapToDouble(c -> c.average() * c.count()).sum();
    return new SurveyResults(from, to, count, count == 0 ? 0 : sum / count, categories);
  }

  @Override
  public Optional<SurveyAnswer> answerOf(RequestNumber number) {
    return jdbc.sql(
            """
            SELECT category_code, rating, comment, language, first_answered_at, answered_at
            FROM notifications.survey_answer WHERE request_number = ?
            """)
        .param(number.value())
        .query((rs, i) -> new SurveyAnswer(
            number, rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
        .optional();
  }
}
