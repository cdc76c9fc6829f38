package org.civic311.workflow.internal;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civic311.workflow.Holiday;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The business calendar's tables: one row of working time, and the holidays. */
@Repository
class CalendarStore {

  /** Working days and hours as stored. */
  record WorkingTime(Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes) {}

  private final JdbcClient jdbc;

  CalendarStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<WorkingTime> workingTime() {
    return jdbc.sql("SELECT working_days, opens, closes FROM workflow.business_calendar WHERE id = 1")
        .query(
            (rs, i) -> {
              Integer[] days = (Integer[]) rs.getArray("working_days").getArray();
              Set<DayOfWeek> workingDays = EnumSet.noneOf(DayOfWeek.class);
              Arrays.stream(days).map(DayOfWeek::of).forEach(workingDays::add);
              return new WorkingTime(
                  workingDays, rs.getTime("opens").toLocalTime(), rs.getTime("closes").toLocalTime());
            })
        .optional();
  }

  List<Holiday> holidays() {
    return jdbc.sql("SELECT date, name FROM workflow.holiday ORDER BY date")
        .query((rs, i) -> new Holiday(rs.getDate("date").toLocalDate(), rs.getString("name")))
        .list();
  }

  /** Stores the first calendar unless one exists (another node may have been first); true if stored. */
  boolean insertFirst(WorkingTime workingTime, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO workflow.business_calendar (id, working_days, opens, closes, updated_at)
                VALUES (1, :days, :opens, :closes, :now) ON CONFLICT (id) DO NOTHING
                """)
            .param("days", days(workingTime.workingDays()))
            .param("opens", Time.valueOf(workingTime.opens()))
            .param("closes", Time.valueOf(workingTime.closes()))
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  void saveWorkingTime(WorkingTime workingTime, Instant now) {
    jdbc.sql(
            """
            INSERT INTO workflow.business_calendar (id, working_days, opens, closes, updated_at)
            VALUES (1, :days, :opens, :closes, :now)
            ON CONFLICT (id) DO UPDATE SET working_days = EXCLUDED.working_days, opens = EXCLUDED.opens,
              closes = EXCLUDED.closes, updated_at = EXCLUDED.updated_at
            """)
        .param("days", days(workingTime.workingDays()))
        .param("opens", Time.valueOf(workingTime.opens()))
        .param("closes", Time.valueOf(workingTime.closes()))
        .param("now", Timestamp.from(now))
        .update();
  }

  void saveHoliday(Holiday holiday) {
    jdbc.sql("INSERT INTO workflow.holiday (date, name) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET name = EXCLUDED.name")
        .params(Date.valueOf(holiday.date()), holiday.name())
        .update();
  }

  boolean removeHoliday(LocalDate date) {
    return jdbc.sql("DELETE FROM workflow.holiday WHERE date = ?").param(Date.valueOf(date)).update() == 1;
  }

  private static Integer[] days(Set<DayOfWeek> days) {
    return days.stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new);
  }
}
