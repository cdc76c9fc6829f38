package org.civic311.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.civic311.requests.BusinessCalendar;
import org.civic311.workflow.CalendarSettings;
import org.civic311.workflow.Holiday;

/**
 * Working-time arithmetic on one version of the city's calendar. Each working day is one interval from
 * opening to closing in the city's time zone, read on the local clock, so a 08:00 opening stays 08:00
 * across daylight saving changes; a holiday has no interval.
 */
final class WorkingTimeCalendar implements BusinessCalendar {

  /** Ten years: no due date is further away, and a calendar without working days cannot loop forever. */
  private static final int MAX_DAYS = 3660;

  private final CalendarSettings settings;
  private final Set<LocalDate> holidays;
  private final Duration businessDay;

  WorkingTimeCalendar(CalendarSettings settings) {
    if (settings.workingDays().isEmpty()) throw new IllegalArgumentException("A calendar needs a working day");
    this.settings = settings;
    this.holidays = settings.holidays().stream().map(Holiday::date).collect(Collectors.toUnmodifiableSet());
    this.businessDay = settings.businessDay();
  }

  CalendarSettings settings() {
    return settings;
  }

  @Override
  public Duration businessDay() {
    return businessDay;
  }

  @Override
  public Instant addWorkingTime(Instant start, Duration workingTime) {
    if (workingTime.isNegative()) throw new IllegalArgumentException("Working time cannot be negative: " + workingTime);
    if (workingTime.isZero()) return start;
    Duration left = workingTime;
    LocalDate day = start.atZone(settings.timeZone()).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      if (!isWorkingDay(day)) continue;
      Instant from = later(start, opening(day));
      Instant to = closing(day);
      if (!to.isAfter(from)) continue;
      Duration available = Duration.between(from, to);
      if (left.compareTo(available) <= 0) return from.plus(left);
      left = left.minus(available);
    }
    throw new IllegalStateException("No working time within ten years of " + start);
  }

  @Override
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) return Duration.ZERO;
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(settings.timeZone()).toLocalDate();
    for (LocalDate day = from.atZone(settings.timeZone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) continue;
      Instant start = later(from, opening(day));
      Instant end = earlier(to, closing(day));
      if (end.isAfter(start)) total = total.plus(Duration.between(start, end));
    }
    return total;
  }

  boolean isWorkingDay(LocalDate day) {
    return settings.workingDays().contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  private Instant opening(LocalDate day) {
    return ZonedDateTime.of(day, settings.opens(), settings.timeZone()).toInstant();
  }

  private Instant closing(LocalDate day) {
    return settings.closes().equals(LocalTime.MIDNIGHT)
        ? day.plusDays(1).atStartOfDay(settings.timeZone()).toInstant()
        : ZonedDateTime.of(day, settings.closes(), settings.timeZone()).toInstant();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
