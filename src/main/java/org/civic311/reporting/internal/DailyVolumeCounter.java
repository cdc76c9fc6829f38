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

  private static final int SHARDS = 16;

  private final JdbcClient jdbc;
  private final Clock clock;

  DailyVolumeCounter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ServiceRequestSubmitted event) {
    count("submitted:" + event.number().value(), event.at().atOffset(ZoneOffset.UTC).toLocalDate(), event.categoryCode(), 1, 0);
  }

  @ApplicationModuleListener
  void on(ServiceRequestChanged event) {
    boolean closes = event.from().isOpen() && !event.to().isOpen();
    boolean reopens = !event.from().isOpen() && event.to().isOpen();
    if (closes || reopens) {
      count("change:" + event.historyEntryId(), event.at().atOffset(ZoneOffset.UTC).toLocalDate(), event.categoryCode(), 0, closes ? 1 : -1);
    }
  }

  @Override
  public List<DailyVolume> dailyVolume(LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            SELECT day, category_code, sum(received), sum(closed) FROM reporting.daily_volume
            WHERE day BETWEEN ? AND ? GROUP BY day, category_code ORDER BY day, category_code
            """)
        .params(Date.valueOf(from), Date.valueOf(to))
        .query((rs, i) -> new DailyVolume(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  /**
   * Counts an event once: the marker and the count are one statement, so a redelivered event changes
   * nothing. The commit need not wait for the disk: if a crash loses it, the outbox still holds the
   * event (its completion is written after this commit) and delivers it again.
   */
  private void count(String eventKey, LocalDate day, String category, int received, int closed) {
    jdbc.sql(
            """
            WITH no_disk_wait AS (SELECT set_config('synchronous_commit', 'off', true)),
            first_time AS (
              INSERT INTO reporting.counted_event (event_key, counted_at) VALUES (:key, :now)
              ON CONFLICT DO NOTHING RETURNING 1
            )
            INSERT INTO reporting.daily_volume (day, category_code, shard, received, closed)
            SELECT :day, :category, :shard, :received, :closed FROM first_time, no_disk_wait
            ON CONFLICT (day, category_code, shard)
            DO UPDATE SET received = daily_volume.received + EXCLUDED.received, closed = daily_volume.closed + EXCLUDED.closed
            """)
        .param("key", eventKey)
        .param("now", Timestamp.from(clock.instant()))
        .param("day", Date.valueOf(day))
        .param("category", category)
        .param("shard", Math.floorMod(eventKey.hashCode(), SHARDS))
        .param("received", received)
        .param("closed", closed)
        .update();
  }
}
