package org.civic311.reporting.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.civic311.reporting.DailyVolume;
import org.civic311.reporting.Statistics;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts requests received and closed per day and category. The listeners run inside the transaction
 * that stores the change, so a request is counted exactly once, at once, and a refused change is
 * never counted. They do not go through the outbox on purpose: the outbox is for what must leave the
 * system, and one upsert here costs a fraction of an outbox publication (see docs/performance.md).
 */
@Component
class DailyVolumeCounter implements Statistics {

  private static final int SHARDS = 16;

  private final JdbcClient jdbc;

  DailyVolumeCounter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(ServiceRequestSubmitted event) {
    count("submitted:" + event.number().value(), event.at().atOffset(ZoneOffset.UTC).toLocalDate(), event.categoryCode(), 1, 0);
  }

  @EventListener
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

  /** The shard spreads concurrent reports of one category over several rows, so they do not queue on one lock. */
  private void count(String eventKey, LocalDate day, String category, int received, int closed) {
    jdbc.sql(
            """
            INSERT INTO reporting.daily_volume (day, category_code, shard, received, closed)
            VALUES (:day, :category, :shard, :received, :closed)
            ON CONFLICT (day, category_code, shard)
            DO UPDATE SET received = daily_volume.received + EXCLUDED.received, closed = daily_volume.closed + EXCLUDED.closed
            """)
        .param("day", Date.valueOf(day))
        .param("category", category)
        .param("shard", Math.floorMod(eventKey.hashCode(), SHARDS))
        .param("received", received)
        .param("closed", closed)
        .update();
  }
}
