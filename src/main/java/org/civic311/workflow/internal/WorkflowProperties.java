package org.civic311.workflow.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the workflow module.
 *
 * @param calendar the business calendar a city starts with
 * @param escalation when and how often due dates are watched
 */
@ConfigurationProperties("civic311.workflow")
record WorkflowProperties(Calendar calendar, Escalation escalation) {

  /**
   * The calendar stored at the first start; afterwards the stored one, edited through
   * {@link org.civic311.workflow.BusinessCalendars}, is what counts.
   *
   * @param workingDays days of the week the city works
   * @param opens when a working day starts
   * @param closes when it ends ({@code 00:00}: midnight)
   * @param holidays days off
   * @param cacheTtl how long a node keeps the calendar before reading it again, so an edit on another
   *     node reaches it
   */
  record Calendar(
      Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes, List<HolidaySetting> holidays, Duration cacheTtl) {

    Calendar {
      holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
  }

  /** One holiday in the settings. */
  record HolidaySetting(LocalDate date, String name) {}

  /**
   * @param enabled whether this node runs the escalation job on a schedule
   * @param interval time between two runs
   * @param warnAt the share of the target time after which the dispatcher is warned (0.75 = 75%)
   * @param catchUp how far back a run looks for due dates it has not seen, e.g. after all nodes were down
   * @param batchSize requests read at a time
   */
  record Escalation(boolean enabled, Duration interval, double warnAt, Duration catchUp, int batchSize) {

    Escalation {
      if (!(warnAt > 0 && warnAt < 1)) {
        throw new IllegalArgumentException("civic311.workflow.escalation.warn-at must be between 0 and 1, was " + warnAt);
      }
      if (batchSize < 1) throw new IllegalArgumentException("civic311.workflow.escalation.batch-size must be positive");
    }
  }
}
