package org.civic311.requests.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.ServiceCategory;
import org.civic311.requests.SampleRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates sample requests with set-based SQL: a million rows take about a minute, where going
 * through the aggregate one by one would take far longer. The rows still satisfy every table rule.
 */
@Component
class SqlSampleRequests implements SampleRequests {

  private static final int BATCH = 50_000;
  private static final String[] STREETS = {
    "S Broadway", "W Sunset Blvd", "N Figueroa St", "S Vermont Ave", "W Olympic Blvd", "E 7th St",
    "S Western Ave", "W Pico Blvd", "N Spring St", "S Main St", "W Venice Blvd", "Wilshire Blvd"
  };
  private static final String[] DESCRIPTIONS = {
    "Reported by a neighbour walking by.", "It has been like this for a week.",
    "Dangerous for cyclists at night.", "Near the bus stop.", "In front of the school entrance.",
    "Please send someone soon.", ""
  };

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SqlSampleRequests(JdbcClient jdbc, Catalog catalog, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public int generate(int count, IntConsumer progress) {
    List<ServiceCategory> categories = catalog.categories().stream().filter(c -> c.questions().stream().noneMatch(q -> q.required())).toList();
    if (categories.isEmpty()) categories = catalog.categories();
    if (categories.isEmpty()) throw new IllegalStateException("The catalog has no categories to generate requests in");
    Jurisdiction j = catalog.jurisdiction();
    Jurisdiction.Bounds b = j.bounds() == null ? new Jurisdiction.Bounds(-1, -1, 1, 1) : j.bounds();
    String[] codes = categories.stream().map(ServiceCategory::code).toArray(String[]::new);
    String[] departments = categories.stream().map(c -> c.departmentCode() == null ? "" : c.departmentCode()).toArray(String[]::new);
    Instant now = clock.instant();
    int year = now.atZone(j.timeZone()).getYear();
    int done = 0;
    while (done < count) {
      int size = Math.min(BATCH, count - done);
      transactions.executeWithoutResult(tx -> insertBatch(size, codes, departments, b, now, year));
      done += size;
      progress.accept(done);
    }
    return done;
  }

  private void insertBatch(int size, String[] codes, String[] departments, Jurisdiction.Bounds b, Instant now, int year) {
    jdbc.sql(
            """
            WITH generated AS (
              SELECT gen_random_uuid() AS id,
                     nextval('requests.request_number_seq') AS seq,
                     1 + floor(random() * cardinality(CAST(:codes AS text[])))::int AS c,
                     :now::timestamptz - (random() * interval '365 days') AS submitted,
                     random() AS s,
                     :south + random() * (:north - :south) AS lat,
                     :west + random() * (:east - :west) AS lon,
                     (100 + floor(random() * 19900))::int AS house,
                     1 + floor(random() * cardinality(CAST(:streets AS text[])))::int AS st,
                     1 + floor(random() * cardinality(CAST(:descriptions AS text[])))::int AS d
              FROM generate_series(1, :size)
            ), shaped AS (
              SELECT g.*, CASE WHEN g.s < 0.55 THEN 'CLOSED' WHEN g.s < 0.65 THEN 'RESOLVED'
                               WHEN g.s < 0.75 THEN 'NEW' WHEN g.s < 0.83 THEN 'ACKNOWLEDGED'
                               WHEN g.s < 0.91 THEN 'ASSIGNED' WHEN g.s < 0.97 THEN 'IN_PROGRESS' ELSE 'ON_HOLD' END AS status
              FROM generated g
            ), inserted AS (
              INSERT INTO requests.service_request (id, number, category_code, department_code, status,
                status_before_hold, close_reason, priority, channel, description, latitude, longitude, address,
                answers, submitted_at, updated_at, closed_at, status_notes, version)
              SELECT id, :year || '-' || lpad(seq::text, greatest(6, length(seq::text)), '0'), (CAST(:codes AS text[]))[c],
                     nullif((CAST(:departments AS text[]))[c], ''), status,
                     CASE WHEN status = 'ON_HOLD' THEN 'ASSIGNED' END,
                     CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 'COMPLETED' END,
                     'NORMAL', (ARRAY['WEB','MOBILE','PHONE','OPEN311','EMAIL'])[1 + floor(s * 100)::int % 5],
                     nullif((CAST(:descriptions AS text[]))[d], ''), lat, lon,
                     house || ' ' || (CAST(:streets AS text[]))[st], '{}',
                     submitted, least(submitted + interval '3 days', :now::timestamptz),
                     CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN least(submitted + interval '3 days', :now::timestamptz) END,
                     CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 'The work is done.' END, 0
              FROM shaped RETURNING id, submitted_at
            )
            INSERT INTO requests.history_entry (request_id, at, kind, status_after, public_entry, actor_kind, actor_name)
            SELECT id, submitted_at, 'SUBMITTED', 'NEW', true, 'SYSTEM', 'sample-data' FROM inserted
            """)
        .param("codes", codes)
        .param("departments", departments)
        .param("streets", STREETS)
        .param("descriptions", DESCRIPTIONS)
        .param("now", Timestamp.from(now))
        .param("south", b.south())
        .param("north", b.north())
        .param("west", b.west())
        .param("east", b.east())
        .param("year", String.valueOf(year))
        .param("size", size)
        .update();
  }

}
