package org.civic311.workflow.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civic311.requests.DueRequest;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.jspecify.annotations.Nullable;
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

  /**
   * The requests among these a scan leaves alone: those that already had this escalation on their
   * current clock, and those whose escalation for this very due date failed and waits for its retry
   * (the retry, not the scan, decides when to try again, or the wait would be skipped while the due
   * date is still in the scan's window).
   */
  Set<RequestNumber> alreadyHandled(Kind kind, Collection<DueRequest> requests) {
    if (requests.isEmpty()) return Set.of();
    // One round trip for both tables: a made escalation comes without a due date, a failed one with the
    // due date it failed for.
    record Handled(String number, @Nullable Instant failedFor) {}
    List<Handled> rows =
        jdbc.sql(
                """
                SELECT request_number, NULL::timestamptz AS due_at FROM workflow.sla_escalation
                WHERE kind = :kind AND request_number = ANY(:numbers)
                UNION ALL
                SELECT request_number, due_at FROM workflow.sla_escalation_retry
                WHERE kind = :kind AND request_number = ANY(:numbers)
                """)
            .param("kind", kind.name())
            .param("numbers", requests.stream().map(r -> r.number().value()).toArray(String[]::new))
            .query((rs, i) -> {
              Timestamp failedFor = rs.getTimestamp(2);
              return new Handled(rs.getString(1), failedFor == null ? null : failedFor.toInstant());
            })
            .list();
    Set<RequestNumber> handled = new HashSet<>();
    Set<Handled> awaitingRetry = new HashSet<>();
    for (Handled row : rows) {
      if (row.failedFor() == null) handled.add(new RequestNumber(row.number()));
      else awaitingRetry.add(row);
    }
    for (DueRequest r : requests) {
      if (awaitingRetry.contains(new Handled(r.number().value(), r.dueAt()))) handled.add(r.number());
    }
    return handled;
  }

  /**
   * Records an escalation of the request as it is now, for the due date it was about; false when it was
   * recorded before. Two nodes racing on the same request meet on the primary key: the second waits for
   * the first's commit and then records nothing.
   */
  boolean record(Kind kind, ServiceRequestDetails request, Instant dueAt, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO workflow.sla_escalation (request_number, kind, due_at, category_code, department_code, at)
                VALUES (:number, :kind, :due, :category, :department, :now)
                ON CONFLICT (request_number, kind) DO NOTHING
                """)
            .param("number", request.number().value())
            .param("kind", kind.name())
            .param("due", Timestamp.from(dueAt))
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

  /**
   * A failed escalation to try again: which one, of which request, for which due date. The retry reads
   * the request again before acting, so nothing else of it is kept.
   *
   * @param attempts failed attempts so far
   */
  record Retry(Kind kind, RequestNumber number, Instant dueAt, int attempts) {}

  /**
   * Remembers that attempt number {@code attempts} of an escalation failed and when to try again. A
   * failure for another due date than the one remembered (the request was held or reopened since)
   * starts the bookkeeping afresh: should the due date move again, the retry finds it no longer relevant.
   */
  void failed(Kind kind, RequestNumber number, Instant dueAt, int attempts, Instant nextAttemptAt, Instant now) {
    jdbc.sql(
            """
            INSERT INTO workflow.sla_escalation_retry (request_number, kind, due_at, first_failed_at, attempts, next_attempt_at)
            VALUES (:number, :kind, :due, :now, :attempts, :next)
            ON CONFLICT (request_number, kind) DO UPDATE
              SET first_failed_at =
                    CASE WHEN sla_escalation_retry.due_at = EXCLUDED.due_at THEN sla_escalation_retry.first_failed_at ELSE EXCLUDED.first_failed_at END,
                  due_at = EXCLUDED.due_at, attempts = EXCLUDED.attempts, next_attempt_at = EXCLUDED.next_attempt_at
            """)
        .param("number", number.value())
        .param("kind", kind.name())
        .param("due", Timestamp.from(dueAt))
        .param("now", Timestamp.from(now))
        .param("attempts", attempts)
        .param("next", Timestamp.from(nextAttemptAt))
        .update();
  }

  /**
   * The failed escalations whose wait is over, longest waiting first, through the index on
   * {@code next_attempt_at}: the table holds only failures, never the escalations made.
   */
  List<Retry> retriesDue(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT request_number, kind, due_at, attempts
            FROM workflow.sla_escalation_retry WHERE next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit
            """)
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(
            (rs, i) ->
                new Retry(
                    Kind.valueOf(rs.getString("kind")),
                    new RequestNumber(rs.getString("request_number")),
                    rs.getTimestamp("due_at").toInstant(),
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
