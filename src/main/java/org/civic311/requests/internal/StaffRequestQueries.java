package org.civic311.requests.internal;

import java.util.List;
import java.util.Locale;
import org.civic311.requests.CallerHistory;
import org.civic311.requests.CrewJobs;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff-side reads the console needs: a caller's earlier requests by phone or email, and a crew's open
 * jobs. Each is one statement on a partial index of the requests migration for the console.
 */
@Repository
class StaffRequestQueries implements CallerHistory, CrewJobs {

  private final JdbcClient jdbc;

  StaffRequestQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<CallerRequest> requestsOf(String phoneOrEmail, int limit) {
    if (limit < 1 || limit > 100) throw new IllegalArgumentException("The limit must be from 1 to 100");
    String given = phoneOrEmail == null ? "" : phoneOrEmail.strip();
    if (given.isEmpty() || given.length() > 254) return List.of();
    if (given.contains("@")) {
      return jdbc.sql(
              """
              SELECT number, category_code, department_code, status, submitted_at, expected_at, address
                FROM requests.service_request
               WHERE reporter_email IS NOT NULL AND lower(btrim(reporter_email)) = :email
               ORDER BY submitted_at DESC LIMIT :limit
              """)
          .param("email", given.toLowerCase(Locale.ROOT))
          .param("limit", limit)
          .query(StaffRequestQueries::callerRequest)
          .list();
    }
    String digits = given.replaceAll("[^0-9]", "");
    if (digits.length() < MIN_PHONE_DIGITS || digits.length() > 20) return List.of();
    // The same number with or without its country or area code: one side's digits end with the other's.
    return jdbc.sql(
            """
            SELECT number, category_code, department_code, status, submitted_at, expected_at, address
              FROM (SELECT *, regexp_replace(reporter_phone, '[^0-9]', '', 'g') AS digits
                      FROM requests.service_request
                     WHERE reporter_phone IS NOT NULL
                       AND right(regexp_replace(reporter_phone, '[^0-9]', '', 'g'), 7) = :last7) r
             WHERE length(digits) >= 7 AND (right(digits, length(:digits)) = :digits OR right(:digits, length(digits)) = digits)
             ORDER BY submitted_at DESC LIMIT :limit
            """)
        .param("last7", digits.substring(digits.length() - 7))
        .param("digits", digits)
        .param("limit", limit)
        .query(StaffRequestQueries::callerRequest)
        .list();
  }

  @Override
  public List<Job> openJobsOf(String crewCode, int limit) {
    if (limit < 1 || limit > 500) throw new IllegalArgumentException("The limit must be from 1 to 500");
    if (crewCode == null || crewCode.isBlank()) return List.of();
    return jdbc.sql(
            "SELECT " + ServiceRequestRepository.COLUMNS
                + """
                 FROM requests.service_request r
                WHERE r.assigned_crew = :crew AND r.assigned_crew IS NOT NULL AND r.status NOT IN ('RESOLVED', 'CLOSED')
                ORDER BY coalesce(r.expected_at, 'infinity'::timestamptz), r.number
                LIMIT :limit
                """)
        .param("crew", crewCode.strip())
        .param("limit", limit)
        .query(
            (rs, i) ->
                new Job(
                    new RequestNumber(rs.getString("number")),
                    rs.getString("category_code"),
                    Status.valueOf(rs.getString("status")),
                    Priority.valueOf(rs.getString("priority")),
                    rs.getString("description"),
                    ServiceRequestRepository.location(rs),
                    ServiceRequestRepository.instant(rs, "submitted_at"),
                    ServiceRequestRepository.instant(rs, "expected_at")))
        .list();
  }

  private static CallerRequest callerRequest(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new CallerRequest(
        new RequestNumber(rs.getString("number")),
        rs.getString("category_code"),
        rs.getString("department_code"),
        Status.valueOf(rs.getString("status")),
        rs.getTimestamp("submitted_at").toInstant(),
        ServiceRequestRepository.instant(rs, "expected_at"),
        rs.getString("address"));
  }
}
