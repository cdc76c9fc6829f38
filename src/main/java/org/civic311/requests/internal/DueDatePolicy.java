package org.civic311.requests.internal;

import java.time.Duration;
import java.time.Instant;
import org.civic311.catalog.SlaTarget;
import org.civic311.requests.BusinessCalendar;
import org.jspecify.annotations.Nullable;

/**
 * When a request should be fixed, from its category's SLA target. Hours count around the clock.
 * Business days count working time on the city's business calendar: N business days are N working
 * days' worth of working time from submission, so a report on Friday evening is due N working days
 * after Monday's opening. A hold pauses the clock: on resume the due date moves by the time on hold,
 * counted the way the target counts.
 */
final class DueDatePolicy {

  private DueDatePolicy() {}

  static @Nullable Instant expected(@Nullable SlaTarget target, Instant start, BusinessCalendar calendar) {
    if (target == null) return null;
    return switch (target.unit()) {
      case HOURS -> start.plus(Duration.ofHours(target.amount()));
      case BUSINESS_DAYS -> calendar.addBusinessDays(start, target.amount());
    };
  }

  /** The due date after a hold from {@code heldSince} to {@code resumedAt}. */
  static Instant afterHold(
      @Nullable SlaTarget target, Instant due, Instant heldSince, Instant resumedAt, BusinessCalendar calendar) {
    if (target == null || !resumedAt.isAfter(heldSince)) return due;
    return switch (target.unit()) {
      case HOURS -> due.plus(Duration.between(heldSince, resumedAt));
      case BUSINESS_DAYS -> calendar.addWorkingTime(due, calendar.workingTimeBetween(heldSince, resumedAt));
    };
  }

  /** The SLA clock of one request: its category's target on the city's calendar. */
  record SlaClock(@Nullable SlaTarget target, BusinessCalendar calendar) {

    /** No target: nothing is ever due, and a hold moves nothing (the calendar is never asked). */
    static SlaClock none() {
      return new SlaClock(null, new WeekdaysAroundTheClock(() -> java.time.ZoneOffset.UTC));
    }

    @Nullable Instant dueFrom(Instant start) {
      return expected(target, start, calendar);
    }

    Instant afterHold(Instant due, Instant heldSince, Instant resumedAt) {
      return DueDatePolicy.afterHold(target, due, heldSince, resumedAt, calendar);
    }
  }
}
