package org.civic311.requests.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request with its history in one row: the public views and the staff views select
 * {@link ServiceRequestRepository#COLUMNS} plus {@link #PUBLIC_HISTORY} or {@link #FULL_HISTORY}, and
 * this turns the row into {@link ServiceRequestDetails}, so both sides read it the same way.
 */
@Component
class RequestRows {

  private static final TypeReference<List<List<Object>>> HISTORY_ROWS = new TypeReference<>() {};
  private static final String HISTORY =
      """
      , (SELECT json_agg(json_build_array(h.id, (extract(epoch FROM h.at) * 1000000)::bigint, h.kind,
              h.status_after, h.text, h.actor_kind, h.actor_name, h.media_urls, h.public_entry) ORDER BY h.id)
         FROM requests.history_entry h WHERE h.request_id = r.id%s)::text AS history
      """;

  /** What residents and Open311 clients may see: public entries only. */
  static final String PUBLIC_HISTORY = HISTORY.formatted(" AND h.public_entry");
  /** What staff see: every entry, internal notes included. */
  static final String FULL_HISTORY = HISTORY.formatted("");
  static final String NO_HISTORY = ", NULL::text AS history ";

  private final ServiceRequestRepository repository;
  private final JsonMapper json = JsonMapper.builder().build();

  RequestRows(ServiceRequestRepository repository) {
    this.repository = repository;
  }

  ServiceRequestDetails details(ResultSet rs) throws SQLException {
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

  private List<HistoryEntry> history(@Nullable String text) {
    if (text == null) return List.of();
    List<HistoryEntry> entries = new ArrayList<>();
    for (List<Object> e : json.readValue(text, HISTORY_ROWS)) {
      entries.add(
          new HistoryEntry(
              ((Number) e.get(0)).longValue(),
              Instant.EPOCH.plus(((Number) e.get(1)).longValue(), ChronoUnit.MICROS),
              HistoryEntry.Kind.valueOf((String) e.get(2)),
              Status.valueOf((String) e.get(3)),
              (Boolean) e.get(8),
              (String) e.get(4),
              new Actor(Actor.Kind.valueOf((String) e.get(5)), (String) e.get(6)),
              e.get(7) instanceof List<?> urls ? urls.stream().map(String::valueOf).toList() : List.of()));
    }
    return entries;
  }
}
