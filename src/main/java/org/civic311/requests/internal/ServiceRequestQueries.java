package org.civic311.requests.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.requests.Channel;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Priority;
import org.civic311.requests.PublicUpdate;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.RequestPage;
import org.civic311.requests.RequestQuery;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Read side of requests: public views, searches and update feeds; never reporter contact. */
@Component
class ServiceRequestQueries {

  private static final TypeReference<List<List<Object>>> HISTORY_ROWS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ServiceRequestRepository repository;
  private final JsonMapper json = JsonMapper.builder().build();

  ServiceRequestQueries(JdbcClient jdbc, ServiceRequestRepository repository) {
    this.jdbc = jdbc;
    this.repository = repository;
  }

  /** A request's public history as JSON in the same row, so a request and its history are one round trip. */
  private static final String PUBLIC_HISTORY =
      """
      , (SELECT json_agg(json_build_array(h.id, (extract(epoch FROM h.at) * 1000000)::bigint, h.kind,
              h.status_after, h.text, h.actor_kind, h.actor_name, h.media_urls) ORDER BY h.id)
         FROM requests.history_entry h WHERE h.request_id = r.id AND h.public_entry)::text AS history
      """;
  private static final String NO_HISTORY = ", NULL::text AS history ";

  Optional<ServiceRequestDetails> find(RequestNumber number) {
    return jdbc.sql(
            "SELECT " + ServiceRequestRepository.COLUMNS + PUBLIC_HISTORY
                + " FROM requests.service_request r WHERE r.number = ?")
        .param(number.value())
        .query(this::details)
        .optional();
  }

  private List<HistoryEntry> history(String json) {
    if (json == null) return List.of();
    List<HistoryEntry> entries = new ArrayList<>();
    for (List<Object> e : this.json.readValue(json, HISTORY_ROWS)) {
      long micros = ((Number) e.get(1)).longValue();
      entries.add(
          new HistoryEntry(
              ((Number) e.get(0)).longValue(),
              Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS),
              HistoryEntry.Kind.valueOf((String) e.get(2)),
              Status.valueOf((String) e.get(3)),
              true,
              (String) e.get(4),
              new org.civic311.requests.Actor(org.civic311.requests.Actor.Kind.valueOf((String) e.get(5)), (String) e.get(6)),
              mediaOf(e)));
    }
    return entries;
  }

  /** The photos of a history row; rows of an older query shape have none. */
  private static List<String> mediaOf(List<Object> row) {
    if (row.size() < 8 || !(row.get(7) instanceof List<?> urls)) return List.of();
    return urls.stream().map(String::valueOf).toList();
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
                + (query.withHistory() ? PUBLIC_HISTORY : NO_HISTORY)
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

  private ServiceRequestDetails details(ResultSet rs, int i) throws SQLException {
    String duplicateOf = rs.getString("duplicate_of");
    return new ServiceRequestDetails(
        new RequestNumber(rs.getString("number")),
        rs.getString("category_code"),
        Status.valueOf(rs.getString("status")),
        ServiceRequestRepository.enumOrNull(CloseReason.class, rs.getString("close_reason")),
        Priority.valueOf(rs.getString("priority")),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("department_code"),
        rs.getString("description"),
        ServiceRequestRepository.location(rs),
        ServiceRequestRepository.mediaUrls(rs),
        repository.answers(rs),
        ServiceRequestRepository.instant(rs, "submitted_at"),
        ServiceRequestRepository.instant(rs, "updated_at"),
        ServiceRequestRepository.instant(rs, "expected_at"),
        ServiceRequestRepository.instant(rs, "closed_at"),
        rs.getString("status_notes"),
        duplicateOf == null ? null : new RequestNumber(duplicateOf),
        rs.getInt("followers"),
        rs.getString("assigned_crew"),
        history(rs.getString("history")));
  }

  private static void between(
      StringBuilder where, Map<String, Object> params, String column, String op, String name, Instant value) {
    if (value == null) return;
    where.append(" AND ").append(column).append(' ').append(op).append(" :").append(name);
    params.put(name, ServiceRequestRepository.ts(value));
  }

}
