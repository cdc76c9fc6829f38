package org.civic311.workflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * The city's business calendar as admins edit it: working days, working hours and holidays. Changes
 * apply to due dates computed afterwards, at once on this node and within the calendar cache time
 * ({@code civic311.workflow.calendar.cache-ttl}) on other nodes; due dates already set do not move.
 */
public interface BusinessCalendars {

  /** The calendar in force, holidays in date order. */
  CalendarSettings calendar();

  /**
   * Sets the working days and hours; {@code closes} of {@code 00:00} means midnight at the end of the day.
   *
   * @throws InvalidCalendar when no day is a working day or the day closes before it opens
   */
  CalendarSettings saveWorkingTime(Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes);

  /**
   * Adds a holiday, or renames the holiday already on that date.
   *
   * @throws InvalidCalendar when the name is blank or longer than 100 characters
   */
  CalendarSettings addHoliday(Holiday holiday);

  /** Removes the holiday on a date; false when there was none. */
  boolean removeHoliday(LocalDate date);
}
