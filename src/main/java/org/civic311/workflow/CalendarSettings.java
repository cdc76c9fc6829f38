package org.civic311.workflow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A business calendar: when the city works, in its time zone.
 *
 * @param timeZone the jurisdiction's time zone, in which days and hours are read
 * @param workingDays the days of the week the city works
 * @param opens when a working day starts
 * @param closes when a working day ends; {@code 00:00} means midnight at the end of the day
 * @param holidays days off on working days, in date order
 */
public record CalendarSettings(
    ZoneId timeZone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes, List<Holiday> holidays) {

  public CalendarSettings {
    workingDays = Set.copyOf(workingDays);
    holidays = List.copyOf(holidays);
  }

  /** The working time of one business day, e.g. 9 hours from 08:00 to 17:00. */
  public Duration businessDay() {
    Duration open = Duration.ofSeconds(opens.toSecondOfDay());
    return closes.equals(LocalTime.MIDNIGHT) ? Duration.ofDays(1).minus(open) : Duration.between(opens, closes);
  }
}
