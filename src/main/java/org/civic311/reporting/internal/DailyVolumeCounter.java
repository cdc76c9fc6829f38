package org.civic311.reporting.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.civic311.reporting.DailyVolume;
import org.civic311.reporting.Statistics;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts requests received and closed per day and category. Listeners run after the request's
 * transaction commits, from the outbox, and may see an event twice after a crash, so each event is
 * recorded as counted in the same transaction as its count.
 */
@Component
class DailyVolumeCounter implements Statistics {

  private final JdbcClient jdbc;
  private final Clock clock;

  DailyVolumeCounter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ServiceRequestSubmitted event) {
    if (firstTime("submitted:" + event.number().value())) {
      count(event.at().atOffset(ZoneOffset.UTC).toLocalDate(), event.categoryCode(), 1, 0);
    }
  }

  @ApplicationModuleListener
  void on(ServiceRequestChanged event) {
    boolean closes = event.from().isOpen() && !event.to().isOpen();
    boolean reopens = !event.from().isOpen() && event.to().isOpen();
    if ((closes || reopens) && firstTime("change:" + event.historyEntryId())) {
      count(event.at().atOffset(ZoneOffset.UTC).toLocalDate(), event.categoryCode(), 0, closes ? 1 : -1);
    }
  }

  @Override
  public List<DailyVolume> dailyVolume(LocalDate from, LocalDate to) {
    return jdbc.sql(
            "SELECT day, category_code, received, closed FROM reporting.daily_volume WHERE day BETWEEN ? AND ? ORDER BY day, category_code")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query((rs, i) -> new DailyVolume(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  private boolean firstTime(String eventKey) {
    return jdbc.sql("INSERT INTO reporting.counted_event (event_key, counted_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .params(eventKey, Timestamp.from(clock.instant()))
            .update()
        == 1;
  }

  private void count(LocalDate day, String category, int received, int closed) {
    jdbc.sql(
            """
            INSERT INTO reporting.daily_volume (day, category_code, received, closed) VALUES (?, ?, ?, ?)
            ON CONFLICT (day, category_code)
            DO UPDATE SET received = daily_volume.received + EXCLUDED.received, closed = daily_volume.closed + EXCLUDED.closed
            """)
        .params(Date.valueOf(day), category, received, closed)
        .update();
  }

}
