package org.civic311.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.civic311.workflow.CalendarSettings;
import org.civic311.workflow.Holiday;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Springfield's calendar: Monday to Friday 08:00 to 17:00 in Los Angeles, with Thanksgiving off. */
class WorkingTimeCalendarTests {

  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private final WorkingTimeCalendar springfield =
      new WorkingTimeCalendar(
          new CalendarSettings(
              LOS_ANGELES,
              WEEKDAYS,
              LocalTime.of(8, 0),
              LocalTime.of(17, 0),
              List.of(new Holiday(LocalDate.parse("2026-11-26"), "Thanksgiving Day"))));

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(LOS_ANGELES).toInstant();
  }

  @Test
  void a_business_day_is_one_working_day_of_nine_hours() {
    assertThat(springfield.businessDay()).isEqualTo(Duration.ofHours(9));
  }

  @Test
  void a_report_during_working_hours_is_due_at_the_same_hour_n_working_days_later() {
    assertThat(springfield.addBusinessDays(local("2026-11-16T10:00"), 3)).isEqualTo(local("2026-11-19T10:00"));
  }

  @Test
  void a_report_on_friday_evening_is_due_n_working_days_after_monday_opening() {
    assertThat(springfield.addBusinessDays(local("2026-11-20T19:30"), 1)).isEqualTo(local("2026-11-23T17:00"));
    assertThat(springfield.addBusinessDays(local("2026-11-20T19:30"), 3)).isEqualTo(local("2026-11-25T17:00"));
  }

  @Test
  void business_days_skip_the_weekend() {
    // Friday 15:00 + 1 business day: 2 hours on Friday, 7 on Monday.
    assertThat(springfield.addBusinessDays(local("2026-11-20T15:00"), 1)).isEqualTo(local("2026-11-23T15:00"));
  }

  @Test
  void a_report_on_a_saturday_counts_from_monday_opening() {
    assertThat(springfield.addBusinessDays(local("2026-11-21T11:00"), 2)).isEqualTo(local("2026-11-24T17:00"));
  }

  @Test
  void a_holiday_is_not_counted() {
    // Wednesday 10:00 + 2 business days: Thanksgiving Thursday is skipped, so Monday 10:00 (not Friday).
    assertThat(springfield.addBusinessDays(local("2026-11-25T10:00"), 2)).isEqualTo(local("2026-11-30T10:00"));
  }

  @Test
  void a_report_after_hours_counts_from_the_next_opening() {
    assertThat(springfield.addBusinessDays(local("2026-11-17T18:45"), 1)).isEqualTo(local("2026-11-18T17:00"));
    assertThat(springfield.addWorkingTime(local("2026-11-17T06:00"), Duration.ofHours(2))).isEqualTo(local("2026-11-17T10:00"));
  }

  @Test
  void working_hours_stay_local_across_the_dst_change_in_los_angeles() {
    // Clocks go forward on Sunday 8 March 2026 and back on Sunday 1 November 2026.
    assertThat(springfield.addBusinessDays(local("2026-03-06T16:00"), 1)).isEqualTo(local("2026-03-09T16:00"));
    assertThat(springfield.addBusinessDays(local("2026-10-30T16:00"), 1)).isEqualTo(local("2026-11-02T16:00"));
    assertThat(springfield.workingTimeBetween(local("2026-03-06T16:00"), local("2026-03-09T16:00"))).isEqualTo(Duration.ofHours(9));
  }

  @Test
  void a_city_working_on_sundays_loses_no_working_time_to_the_spring_forward_gap() {
    WorkingTimeCalendar sevenDays =
        new WorkingTimeCalendar(new CalendarSettings(LOS_ANGELES, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, List.of()));
    // Sunday 8 March 2026 has 23 hours: a day of working time from Saturday noon ends Sunday 13:00 local.
    assertThat(sevenDays.businessDay()).isEqualTo(Duration.ofHours(24));
    assertThat(sevenDays.addWorkingTime(local("2026-03-07T12:00"), Duration.ofHours(24))).isEqualTo(local("2026-03-08T13:00"));
  }

  @Test
  void working_time_between_counts_only_open_hours_on_working_days() {
    // Wednesday 16:00 to Monday 09:00 with Thanksgiving: Wed 1 h, Fri 9 h, Mon 1 h.
    assertThat(springfield.workingTimeBetween(local("2026-11-25T16:00"), local("2026-11-30T09:00"))).isEqualTo(Duration.ofHours(11));
    assertThat(springfield.workingTimeBetween(local("2026-11-30T09:00"), local("2026-11-25T16:00"))).isZero();
  }

  @Test
  void zero_working_time_is_the_start_itself_even_out_of_hours() {
    assertThat(springfield.addWorkingTime(local("2026-11-21T11:00"), Duration.ZERO)).isEqualTo(local("2026-11-21T11:00"));
  }

  @RepeatedTest(200)
  void adding_working_time_and_measuring_it_back_agree(RepetitionInfo repetition) {
    Random random = new Random(311L * repetition.getCurrentRepetition());
    Instant start = local("2026-01-01T00:00").plus(Duration.ofMinutes(random.nextInt(2 * 366 * 24 * 60)));
    Duration workingTime = Duration.ofMinutes(1 + random.nextInt(30 * 9 * 60));
    Instant end = springfield.addWorkingTime(start, workingTime);
    assertThat(springfield.workingTimeBetween(start, end)).isEqualTo(workingTime);
    assertThat(end.atZone(LOS_ANGELES).toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(17, 0));
  }
}
