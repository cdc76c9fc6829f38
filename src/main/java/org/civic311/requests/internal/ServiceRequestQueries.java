package org.civic311.requests.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.requests.CloseReason;
import org.civic311.requests.DailyTotals;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.PublicUpdate;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.RequestPage;
import org.civic311.requests.RequestQuery;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of requests: public views, searches and update feeds; never reporter contact. */
@Component
class ServiceRequestQueries {

  private final JdbcClient jdbc;
  private final RequestRows rows;

  ServiceRequestQueries(JdbcClient jdbc, RequestRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  Optional<ServiceRequestDetails> find(RequestNumber number) {
    return jdbc.sql(
            "SELECT " + ServiceRequestRepository.COLUMNS + RequestRows.PUBLIC_HISTORY
                + " FROM requests.service_request r WHERE r.number = ?")
        .param(number.value())
        .query(this::details)
        .optional();
  }

  /** One statement for any number of requests (the notification worker's batch), not one per number. */
  List<ServiceRequestDetails> findAll(Collection<RequestNumber> numbers) {
    if (numbers.isEmpty()) return List.of();
    return jdbc.sql(
            "SELECT " + ServiceRequestRepository.COLUMNS + RequestRows.PUBLIC_HISTORY
                + " FROM requests.service_request r WHERE r.number = ANY(?)")
        .param(numbers.stream().map(RequestNumber::value).distinct().toArray(String[]::new))
        .query(this::details)
        .list();
  }

  RequestPage search(RequestQuery query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (!query.numbers().isEmpty()) {
      where.append(" AND r.number = ANY(:numbers)");
      params.put("numbers", query.numbers().stream().map(RequestNumber::value).toArray(String[]::new));
    } else {
      if (!query.categoryCodes().isEmpty()) {
        where.append(" AND r.category_code = ANY(:categories)");
        params.put("categories", query.categoryCodes().toArray(String[]::new));
      }
      boolean open = query.openClosed().contains("open");
      boolean closed = query.openClosed().contains("closed");
      if (open != closed) {
        where.append(open ? " AND r.status NOT IN ('RESOLVED','CLOSED')" : " AND r.status IN ('RESOLVED','CLOSED')");
      }
      between(where, params, "r.submitted_at", ">=", "submittedFrom", query.submittedFrom());
      between(where, params, "r.submitted_at", "<=", "submittedTo", query.submittedTo());
      between(where, params, "r.updated_at", ">", "updatedAfter", query.updatedAfter());
      between(where, params, "r.updated_at", "<", "updatedBefore", query.updatedBefore());
      if (query.area() != null) {
        where.append(" AND r.latitude BETWEEN :minLat AND :maxLat AND r.longitude BETWEEN :minLon AND :maxLon");
        params.put("minLat", query.area().minLatitude());
        params.put("maxLat", query.area().maxLatitude());
        params.put("minLon", query.area().minLongitude());
        params.put("maxLon", query.area().maxLongitude());
      }
      if (query.text() != null && !query.text().isBlank()) {
        String text = query.text().strip();
        if (RequestNumber.isWellFormed(text)) {
          where.append(" AND r.number = :text");
          params.put("text", text);
        } else {
          where.append(" AND r.search @@ plainto_tsquery('simple', :text)");
          params.put("text", text.replace('\0', ' '));
        }
      }
    }
    long offset = (long) (query.page() - 1) * query.pageSize();
    var select =
        jdbc.sql(
            "SELECT "
                + ServiceRequestRepository.COLUMNS
                + (query.withHistory() ? RequestRows.PUBLIC_HISTORY : RequestRows.NO_HISTORY)
                + " FROM requests.service_request r"
                + where
                + " ORDER BY r.submitted_at DESC, r.number DESC LIMIT :limit OFFSET :offset");
    params.forEach(select::param);
    List<ServiceRequestDetails> rows = select.param("limit", query.pageSize() + 1).param("offset", offset).query(this::details).list();
    boolean hasMore = rows.size() > query.pageSize();
    if (hasMore) rows = rows.subList(0, query.pageSize());
    return new RequestPage(rows, hasMore, query.page(), query.pageSize());
  }

  List<PublicUpdate> publicUpdates(Instant from, Instant to, int limit) {
    return jdbc.sql(
            """
            SELECT h.id, r.number, h.status_after, coalesce(h.close_reason, r.close_reason) AS close_reason, h.kind, h.at, h.text
            FROM requests.history_entry h JOIN requests.service_request r ON r.id = h.request_id
            WHERE h.public_entry AND h.at >= :from AND h.at <= :to
            ORDER BY h.at, h.id LIMIT :limit
            """)
        .param("from", ServiceRequestRepository.ts(from))
        .param("to", ServiceRequestRepository.ts(to))
        .param("limit", limit)
        .query(
            (rs, i) -> {
              Status status = Status.valueOf(rs.getString("status_after"));
              return new PublicUpdate(
                  rs.getLong("id"),
                  new RequestNumber(rs.getString("number")),
                  status,
                  status.isOpen() ? null : ServiceRequestRepository.enumOrNull(CloseReason.class, rs.getString("close_reason")),
                  HistoryEntry.Kind.valueOf(rs.getString("kind")),
                  rs.getTimestamp("at").toInstant(),
                  rs.getString("text"));
            })
        .list();
  }

  /**
   * Two range scans (submissions by {@code submitted_at}, closings by the partial index on
   * {@code closed_at}) joined per day and category.
   */
  List<DailyTotals> dailyTotals(LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            WITH received AS (
              SELECT (submitted_at AT TIME ZONE 'UTC')::date AS day, category_code, count(*) AS n
              FROM requests.service_request WHERE submitted_at >= :from AND submitted_at < :until
              GROUP BY 1, 2),
            closed AS (
              SELECT (closed_at AT TIME ZONE 'UTC')::date AS day, category_code, count(*) AS n
              FROM requests.service_request WHERE closed_at >= :from AND closed_at < :until
              GROUP BY 1, 2)
            SELECT coalesce(r.day, c.day) AS day, coalesce(r.category_code, c.category_code) AS category_code,
                   coalesce(r.n, 0) AS received, coalesce(c.n, 0) AS closed
            FROM received r FULL JOIN closed c ON c.day = r.day AND c.category_code = r.category_code
            ORDER BY 1, 2
            """)
        .param("from", ServiceRequestRepository.ts(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
        .param("until", ServiceRequestRepository.ts(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
        .query(
            (rs, i) -> new DailyTotals(
                rs.getObject("day", LocalDate.class), rs.getString("category_code"), rs.getLong("received"), rs.getLong("closed")))
        .list();
  }

  private ServiceRequestDetails details(ResultSet rs, int i) throws SQLException {
    return rows.details(rs);
  }

  private static void between(
      StringBuilder where, Map<String, Object> params, String column, String op, String name, Instant value) {
    if (value == null) return;
    where.append(" AND ").append(column).append(' ').append(op).append(" :").append(name);
    params.put(name, ServiceRequestRepository.ts(value));
  }

}
