package org.civic311.requests;

import java.time.Duration;
import java.time.Instant;

/**
 * The city's working time, which business-day SLA targets count in. The workflow module provides the
 * city's calendar (working days, hours, holidays); without one, requests count weekdays around the
 * clock.
 */
public interface BusinessCalendar {

  /**
   * The instant at which {@code workingTime} of working time has passed after {@code start}; a start
   * outside working hours counts from the next opening. Zero working time returns {@code start}.
   */
  Instant addWorkingTime(Instant start, Duration workingTime);

  /** The working time between two instants; zero when {@code to} is not after {@code from}. */
  Duration workingTimeBetween(Instant from, Instant to);

  /** The working time of one business day: N business days are N times this. */
  Duration businessDay();

  /** When {@code days} business days of working time have passed after {@code start}. */
  default Instant addBusinessDays(Instant start, int days) {
    return addWorkingTime(start, businessDay().multipliedBy(days));
  }
}
