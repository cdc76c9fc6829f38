package org.civic311.requests.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.civic311.catalog.SlaTarget;
import org.jspecify.annotations.Nullable;

/**
 * When a request should be fixed, from its category's SLA target: hours count around the clock,
 * business days skip Saturdays and Sundays in the city's time zone. Holidays and working hours come
 * with the business calendar of the workflow module.
 */
final class DueDatePolicy {

  private DueDatePolicy() {}

  static @Nullable Instant expected(@Nullable SlaTarget target, Instant submittedAt, ZoneId zone) {
    if (target == null) return null;
    return switch (target.unit()) {
      case HOURS -> submittedAt.plus(Duration.ofHours(target.amount()));
      case BUSINESS_DAYS -> {
        ZonedDateTime due = submittedAt.atZone(zone);
        int left = target.amount();
        while (left > 0) {
          due = due.plusDays(1);
          if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) left--;
        }
        yield due.toInstant();
      }
    };
  }
}
