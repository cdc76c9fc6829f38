package org.civic311.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.civic311.catalog.SlaTarget;
import org.civic311.requests.BusinessCalendar;
import org.junit.jupiter.api.Test;

/**
 * Due dates on the calendar requests use when no module provides the city's: weekdays around the
 * clock in the city's time zone. The city calendar (working hours, holidays) is tested in the workflow
 * module, and end to end in its integration tests.
 */
class DueDatePolicyTests {

  private static final ZoneId LOS_ANGELES = Fixtures.SPRINGFIELD.timeZone();
  private final BusinessCalendar weekdays = new WeekdaysAroundTheClock(() -> LOS_ANGELES);

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(LOS_ANGELES).toInstant();
  }

  private static SlaTarget businessDays(int n) {
    return new SlaTarget(n, SlaTarget.Unit.BUSINESS_DAYS);
  }

  @Test
  void a_category_without_a_target_has_no_due_date() {
    assertThat(DueDatePolicy.expected(null, local("2026-11-23T10:00"), weekdays)).isNull();
  }

  @Test
  void hours_targets_count_around_the_clock_even_over_a_weekend() {
    assertThat(DueDatePolicy.expected(new SlaTarget(24, SlaTarget.Unit.HOURS), local("2026-11-27T16:00"), weekdays))
        .isEqualTo(local("2026-11-28T16:00"));
  }

  @Test
  void business_days_skip_the_weekend_in_the_city_time_zone() {
    assertThat(DueDatePolicy.expected(businessDays(1), local("2026-11-27T16:00"), weekdays))
        .isEqualTo(local("2026-11-30T16:00"));
  }

  @Test
  void a_report_on_the_weekend_counts_from_monday_morning() {
    assertThat(DueDatePolicy.expected(businessDays(2), local("2026-11-28T11:00"), weekdays))
        .isEqualTo(local("2026-12-02T00:00"));
  }

  @Test
  void a_business_day_target_keeps_the_local_hour_across_the_dst_change_in_los_angeles() {
    // Clocks go forward on Sunday 8 March 2026: Friday 16:00 PST + 1 business day = Monday 16:00 PDT,
    // 71 hours later, not 72.
    Instant friday = local("2026-03-06T16:00");
    Instant due = DueDatePolicy.expected(businessDays(1), friday, weekdays);
    assertThat(due).isEqualTo(local("2026-03-09T16:00"));
    assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(71));
  }

  @Test
  void a_hold_moves_an_hours_target_by_the_wall_time_on_hold_weekend_included() {
    SlaTarget hours = new SlaTarget(48, SlaTarget.Unit.HOURS);
    Instant due = local("2026-11-30T12:00");
    assertThat(DueDatePolicy.afterHold(hours, due, local("2026-11-27T12:00"), local("2026-11-30T12:00"), weekdays))
        .isEqualTo(local("2026-12-03T12:00"));
  }

  @Test
  void a_hold_over_a_weekend_moves_a_business_day_target_by_the_working_time_on_hold_only() {
    // On hold from Friday 12:00 to Monday 12:00: 12 hours of Friday and 12 of Monday count, not the weekend.
    Instant due = local("2026-12-01T12:00");
    assertThat(DueDatePolicy.afterHold(businessDays(3), due, local("2026-11-27T12:00"), local("2026-11-30T12:00"), weekdays))
        .isEqualTo(local("2026-12-02T12:00"));
  }

  @Test
  void a_hold_that_never_counted_working_time_moves_nothing() {
    Instant due = local("2026-12-01T12:00");
    assertThat(DueDatePolicy.afterHold(businessDays(3), due, local("2026-11-28T09:00"), local("2026-11-29T18:00"), weekdays))
        .isEqualTo(due);
  }
}
