package org.civic311.workflow.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civic311.requests.DueRequest;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What escalation remembers: how far due dates were scanned, and each warning and breach made. */
@Repository
class EscalationStore {

  enum Kind {
    WARNING,
    BREACH
  }

  /** The scan's progress, claimed by one node at a time. */
  record Scan(Optional<Instant> lastRunAt) {}

  private final JdbcClient jdbc;

  EscalationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the scan row for this transaction; empty when another node holds it, i.e. is running the
   * job right now. A node that dies mid-run releases it with its connection.
   */
  Optional<Scan> claimScan() {
    return jdbc.sql("SELECT last_run_at FROM workflow.sla_scan WHERE id = 1 FOR UPDATE SKIP LOCKED")
        .query((rs, i) -> new Scan(Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)))
        .optional();
  }

  void finishScan(Instant runAt) {
    jdbc.sql("UPDATE workflow.sla_scan SET last_run_at = ? WHERE id = 1").param(Timestamp.from(runAt)).update();
  }

  /** The requests among these that already had this escalation on their current clock. */
  Set<RequestNumber> alreadyEscalated(Kind kind, Collection<DueRequest> requests) {
    if (requests.isEmpty()) return Set.of();
    return new HashSet<>(
        jdbc.sql("SELECT request_number FROM workflow.sla_escalation WHERE kind = :kind AND request_number = ANY(:numbers)")
            .param("kind", kind.name())
            .param("numbers", requests.stream().map(r -> r.number().value()).toArray(String[]::new))
            .query((rs, i) -> new RequestNumber(rs.getString(1)))
            .list());
  }

  /**
   * Records an escalation; false when it was recorded before. Two nodes racing on the same request meet
   * on the primary key: the second waits for the first's commit and then records nothing.
   */
  boolean record(Kind kind, DueRequest request, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO workflow.sla_escalation (request_number, kind, due_at, category_code, department_code, at)
                VALUES (:number, :kind, :due, :category, :department, :now)
                ON CONFLICT (request_number, kind) DO NOTHING
                """)
            .param("number", request.number().value())
            .param("kind", kind.name())
            .param("due", Timestamp.from(request.dueAt()))
            .param("category", request.categoryCode())
            .param("department", request.departmentCode())
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** A reopened request starts a new clock: its earlier warning and breach (made or failed) no longer count. */
  void forget(RequestNumber number) {
    jdbc.sql("DELETE FROM workflow.sla_escalation WHERE request_number = ?").param(number.value()).update();
    jdbc.sql("DELETE FROM workflow.sla_escalation_retry WHERE request_number = ?").param(number.value()).update();
  }

  /** A failed escalation to try again. */
  record Retry(Kind kind, DueRequest request, int attempts) {}

  /**
   * Remembers a failed escalation, or counts one more failure of it; it is due again at the next run.
   * The due date is the one that failed: should the request have moved to another since, the retry
   * finds it no longer relevant.
   */
  void failed(Kind kind, DueRequest request, Instant now) {
    jdbc.sql(
            """
            INSERT INTO workflow.sla_escalation_retry
              (request_number, kind, due_at, category_code, department_code, status, priority, first_failed_at, attempts, next_attempt_at)
            VALUES (:number, :kind, :due, :category, :department, :status, :priority, :now, 1, :now)
            ON CONFLICT (request_number, kind) DO UPDATE
              SET due_at = EXCLUDED.due_at, attempts = sla_escalation_retry.attempts + 1, next_attempt_at = EXCLUDED.next_attempt_at
            """)
        .param("number", request.number().value())
        .param("kind", kind.name())
        .param("due", Timestamp.from(request.dueAt()))
        .param("category", request.categoryCode())
        .param("department", request.departmentCode())
        .param("status", request.status().name())
        .param("priority", request.priority().name())
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * The failed escalations due to be tried again, longest waiting first, through the index on
   * {@code next_attempt_at}: the table holds only failures, never the escalations made.
   */
  List<Retry> retriesDue(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT request_number, kind, due_at, category_code, department_code, status, priority, attempts
            FROM workflow.sla_escalation_retry WHERE next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit
            """)
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(
            (rs, i) ->
                new Retry(
                    Kind.valueOf(rs.getString("kind")),
                    new DueRequest(
                        new RequestNumber(rs.getString("request_number")),
                        rs.getString("category_code"),
                        rs.getString("department_code"),
                        Status.valueOf(rs.getString("status")),
                        Priority.valueOf(rs.getString("priority")),
                        rs.getTimestamp("due_at").toInstant()),
                    rs.getInt("attempts")))
        .list();
  }

  /** The escalation was made, or is no longer needed: nothing to retry. */
  void noRetry(Kind kind, RequestNumber number) {
    jdbc.sql("DELETE FROM workflow.sla_escalation_retry WHERE request_number = ? AND kind = ?")
        .param(number.value())
        .param(kind.name())
        .update();
  }
}
