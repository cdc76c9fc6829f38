package org.civic311.requests.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.civic311.requests.DueRequest;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds open requests by due date for SLA escalation without anything written at submission: the
 * partial index {@code service_request_open_due_idx} holds only open, not-on-hold requests with a due
 * date, so a scan of a time window reads just the rows in it.
 */
@Component
class OpenRequestsDue {

  private final JdbcClient jdbc;

  OpenRequestsDue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<DueRequest> openRequestsDue(
      Instant after, @Nullable RequestNumber afterNumber, Instant upTo, Set<String> categoryCodes, int limit) {
    // The WHERE repeats the index predicate word for word so the planner can use the partial index.
    return jdbc.sql(
            """
            SELECT r.number, r.category_code, r.department_code, r.status, r.priority, r.expected_at
            FROM requests.service_request r
            WHERE r.status NOT IN ('ON_HOLD', 'RESOLVED', 'CLOSED') AND r.expected_at IS NOT NULL
              AND (r.expected_at, r.number) > (:after, :afterNumber) AND r.expected_at <= :upTo
              AND (cardinality(:categories::text[]) = 0 OR r.category_code = ANY(:categories::text[]))
            ORDER BY r.expected_at, r.number
            LIMIT :limit
            """)
        .param("after", ServiceRequestRepository.ts(after))
        .param("afterNumber", afterNumber == null ? "" : afterNumber.value())
        .param("upTo", ServiceRequestRepository.ts(upTo))
        .param("categories", categoryCodes.toArray(String[]::new))
        .param("limit", limit)
        .query(
            (rs, i) ->
                new DueRequest(
                    new RequestNumber(rs.getString("number")),
                    rs.getString("category_code"),
                    rs.getString("department_code"),
                    Status.valueOf(rs.getString("status")),
                    Priority.valueOf(rs.getString("priority")),
                    rs.getTimestamp("expected_at").toInstant()))
        .list();
  }
}
