package org.civic311.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civic311.requests.QueuePage;
import org.civic311.requests.QueueQuery;
import org.civic311.requests.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manual check, not part of the build: fills the requests table with many generated rows and prints
 * the plans and timings of the console's main queue queries, first pages and deep pages. Run with
 * {@code ./mvnw test -Dtest=StaffQueueExplainCheck -Dcivic311.queue.explain=1000000} (the number of rows);
 * the report goes to {@code target/queue-explain.txt}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "civic311.queue.explain", matches = "\\d+")
class StaffQueueExplainCheck {

  private static final Set<Status> OPEN = Set.of(Status.NEW, Status.ACKNOWLEDGED, Status.ASSIGNED, Status.IN_PROGRESS, Status.ON_HOLD);

  @Autowired JdbcClient jdbc;
  @Autowired StaffQueueQueries queue;

  @Test
  void queue_queries_stay_fast_on_a_big_city() throws Exception {
    int rows = Integer.parseInt(System.getProperty("civic311.queue.explain"));
    long start = System.nanoTime();
    // One year of a big city: a fifth open, six departments, contact on a third, due three days after submission.
    jdbc.sql(
            """
            INSERT INTO requests.service_request (id, number, category_code, department_code, status, close_reason, priority,
              channel, description, latitude, longitude, address, reporter_email, reporter_phone, assigned_crew,
              submitted_at, updated_at, expected_at, closed_at, version)
            SELECT gen_random_uuid(), '2019-' || lpad(i::text, 7, '0'),
              (ARRAY['POTHOLE','STREETLIGHT','GRAFFITI','PARK_MAINTENANCE','MISSED_TRASH','WATER_LEAK'])[1 + i % 6],
              (ARRAY['PW','DOT','CODE','PARKS','SAN','WATER'])[1 + i % 6],
              CASE WHEN i % 5 = 0 THEN (ARRAY['NEW','ACKNOWLEDGED','ASSIGNED','IN_PROGRESS','ON_HOLD'])[1 + (i / 5) % 5] ELSE 'CLOSED' END,
              CASE WHEN i % 5 = 0 THEN NULL ELSE 'COMPLETED' END,
              (ARRAY['LOW','NORMAL','NORMAL','NORMAL','HIGH','URGENT'])[1 + (i / 7) % 6],
              'WEB', 'generated request number ' || i || ' near block ' || (i % 997),
              34.0 + (i % 1000) / 10000.0, -118.3 + (i % 997) / 10000.0, (i % 9999) || ' Main St',
              CASE WHEN i % 3 = 0 THEN 'resident' || i || '@example.org' END,
              CASE WHEN i % 3 = 1 THEN '213555' || lpad((i % 10000)::text, 4, '0') END,
              CASE WHEN i % 5 = 0 AND (i / 5) % 5 = 2 THEN 'CREW-' || (i % 12) END,
              now() - (i::double precision / :rows) * interval '365 days',
              now() - (i::double precision / :rows) * interval '365 days',
              now() - (i::double precision / :rows) * interval '365 days' + interval '3 days',
              CASE WHEN i % 5 = 0 THEN NULL ELSE now() END,
              0
            FROM generate_series(1, :rows) AS i
            """)
        .param("rows", rows)
        .update();
    jdbc.sql("ANALYZE requests.service_request").update();
    List<String> report = new ArrayList<>();
    report.add("Generated " + rows + " rows in " + (System.nanoTime() - start) / 1_000_000 + " ms");

    Instant now = Instant.now();
    explain(report, "PW dispatcher, open, by due date, first page", query(Set.of("PW"), OPEN, QueueQuery.Sort.DUE, null, null, now, null));
    explain(report, "PW dispatcher, open, by due date, page 100", deep(query(Set.of("PW"), OPEN, QueueQuery.Sort.DUE, null, null, now, null), 100));
    explain(report, "Manager, all departments, open, by due date, first page", query(null, OPEN, QueueQuery.Sort.DUE, null, null, now, null));
    explain(report, "Manager, all departments, open, by due date, page 100", deep(query(null, OPEN, QueueQuery.Sort.DUE, null, null, now, null), 100));
    explain(report, "PW, every stage, newest first, first page", query(Set.of("PW"), Set.of(), QueueQuery.Sort.SUBMITTED, null, null, now, null));
    explain(report, "PW, every stage, newest first, page 200", deep(query(Set.of("PW"), Set.of(), QueueQuery.Sort.SUBMITTED, null, null, now, null), 200));
    explain(report, "PW, open, by priority, first page", query(Set.of("PW"), OPEN, QueueQuery.Sort.PRIORITY, null, null, now, null));
    explain(report, "PW, open, by priority, page 50", deep(query(Set.of("PW"), OPEN, QueueQuery.Sort.PRIORITY, null, null, now, null), 50));
    explain(report, "PW, overdue only, by due date", new QueueQuery(Set.of("PW"), OPEN, Set.of(), Set.of(), true, null, null, null, null, null, null, null, QueueQuery.Sort.DUE, now, null, 50));
    explain(report, "PW, every stage, words 'block 512', by due date", query(Set.of("PW"), Set.of(), QueueQuery.Sort.DUE, "block 512", null, now, null));
    explain(report, "PW, every stage, reporter email", query(Set.of("PW"), Set.of(), QueueQuery.Sort.DUE, null, "resident6@example.org", now, null));
    explain(report, "Call-taker, every department, reporter phone", query(null, Set.of(), QueueQuery.Sort.SUBMITTED, null, "(213) 555-0007", now, null));
    explain(report, "Manager, every stage, by number, first page", query(null, Set.of(), QueueQuery.Sort.NUMBER, null, null, now, null));
    explain(report, "Manager, every stage, by number, page 100", deep(query(null, Set.of(), QueueQuery.Sort.NUMBER, null, null, now, null), 100));
    explain(report, "PW, every stage, by number, page 20", deep(query(Set.of("PW"), Set.of(), QueueQuery.Sort.NUMBER, null, null, now, null), 20));
    explain(report, "PW, open, crew CREW-6, by due date", new QueueQuery(Set.of("PW"), OPEN, Set.of(), Set.of(), false, null, null, null, "CREW-6", null, null, null, QueueQuery.Sort.DUE, now, null, 50));

    Path file = Path.of("target", "queue-explain.txt");
    Files.writeString(file, String.join("\n", report) + "\n");
    System.out.println(String.join("\n", report));
    assertThat(report).isNotEmpty();
  }

  private static QueueQuery query(Set<String> departments, Set<Status> statuses, QueueQuery.Sort sort, String text, String contact, Instant now, String after) {
    return new QueueQuery(departments, statuses, Set.of(), Set.of(), false, null, null, null, null, null, text, contact, sort, now, after, 50);
  }

  /** The same query from the cursor of its {@code page}th page, found by walking the pages. */
  private QueueQuery deep(QueueQuery first, int page) {
    QueueQuery q = first;
    for (int i = 1; i < page; i++) {
      QueuePage p = queue.queue(q);
      if (p.nextCursor() == null) break;
      q = new QueueQuery(q.departments(), q.statuses(), q.categoryCodes(), q.priorities(), q.overdueOnly(), q.submittedBefore(),
          q.submittedAfter(), q.area(), q.crew(), q.assignee(), q.text(), q.contact(), q.sort(), q.asOf(), p.nextCursor(), q.limit());
    }
    return q;
  }

  private void explain(List<String> report, String title, QueueQuery query) {
    StaffQueueQueries.Sql sql = StaffQueueQueries.sql(query);
    // Warm up once, then time the query as the page runs it.
    queue.queue(query);
    long t0 = System.nanoTime();
    int n = queue.queue(query).rows().size();
    long micros = (System.nanoTime() - t0) / 1000;
    var explain = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql.text());
    sql.params().forEach(explain::param);
    List<String> plan = explain.query(String.class).list();
    report.add("");
    report.add("== " + title + ": " + n + " rows, " + micros / 1000.0 + " ms through JDBC");
    report.addAll(plan);
  }
}
