package org.civic311.requests.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.civic311.requests.BusinessCalendar;

/**
 * The calendar used when no module provides the city's: Monday to Friday, midnight to midnight in the
 * city's time zone, no holidays. A business day is 24 hours of weekday time.
 */
final class WeekdaysAroundTheClock implements BusinessCalendar {

  private final Supplier<ZoneId> zone;

  WeekdaysAroundTheClock(Supplier<ZoneId> zone) {
    this.zone = zone;
  }

  @Override
  public Duration businessDay() {
    return Duration.ofHours(24);
  }

  @Override
  public Instant addWorkingTime(Instant start, Duration workingTime) {
    if (workingTime.isNegative()) throw new IllegalArgumentException("Working time cannot be negative: " + workingTime);
    if (workingTime.isZero()) return start;
    ZoneId z = zone.get();
    Duration left = workingTime;
    Instant at = start;
    LocalDate day = start.atZone(z).toLocalDate();
    while (true) {
      Instant dayEnd = day.plusDays(1).atStartOfDay(z).toInstant();
      if (isWeekday(day)) {
        Instant from = later(at, day.atStartOfDay(z).toInstant());
        Duration available = Duration.between(from, dayEnd);
        if (left.compareTo(available) <= 0) return from.plus(left);
        left = left.minus(available);
      }
      at = dayEnd;
      day = day.plusDays(1);
    }
  }

  @Override
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) return Duration.ZERO;
    ZoneId z = zone.get();
    Duration total = Duration.ZERO;
    for (LocalDate day = from.atZone(z).toLocalDate(); !day.atStartOfDay(z).toInstant().isAfter(to); day = day.plusDays(1)) {
      if (!isWeekday(day)) continue;
      Instant start = later(from, day.atStartOfDay(z).toInstant());
      Instant end = earlier(to, day.plusDays(1).atStartOfDay(z).toInstant());
      if (end.isAfter(start)) total = total.plus(Duration.between(start, end));
    }
    return total;
  }

  private static boolean isWeekday(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
