package org.civic311.requests.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic311.requests.Channel;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Location;
import org.civic311.requests.Priority;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores the aggregate and its history; the only place with SQL on the requests tables. */
@Repository
class ServiceRequestRepository {

  static final String COLUMNS =
      """
      r.id, r.number, r.category_code, r.department_code, r.status, r.status_before_hold, r.close_reason,
      r.priority, r.channel, r.description, r.latitude, r.longitude, r.address, r.address_id, r.zipcode,
      r.answers::text AS answers, r.media_urls, r.assigned_crew, r.assignee, r.duplicate_of, r.followers,
      r.token, r.status_notes, r.submitted_at, r.updated_at, r.expected_at, r.on_hold_since, r.closed_at, r.version
      """;
  private static final String REPORTER_COLUMNS =
      ", r.reporter_first_name, r.reporter_last_name, r.reporter_email, r.reporter_phone, r.reporter_device_id, r.reporter_account_id"
          + ", r.reporter_sms_consent, r.reporter_language";
  private static final TypeReference<LinkedHashMap<String, List<String>>> ANSWERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ServiceRequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.json = JsonMapper.builder().build();
  }

  /** The next {@code count} values of the request number sequence, ascending; unique across nodes. */
  List<Long> nextNumbersInSequence(int count) {
    return jdbc.sql("SELECT nextval('requests.request_number_seq') FROM generate_series(1, ?)")
        .param(count)
        .query(Long.class)
        .list()
        .stream()
        .sorted()
        .toList();
  }

  /**
   * Inserts a new request and its submission entry in one statement (one round trip on the hot path
   * of every report); returns the stored entry.
   */
  List<HistoryEntry> insert(ServiceRequest r) {
    List<ServiceRequest.PendingEntry> pending = r.pendingEntries();
    if (pending.size() != 1) throw new IllegalStateException("A new request has exactly one history entry");
    ServiceRequest.PendingEntry e = pending.getFirst();
    long entryId =
        jdbc.sql(
            """
            WITH request AS (
            INSERT INTO requests.service_request (
              id, number, category_code, department_code, status, status_before_hold, close_reason, priority,
              channel, description, latitude, longitude, address, address_id, zipcode, answers, media_urls,
              reporter_first_name, reporter_last_name, reporter_email, reporter_phone, reporter_device_id,
              reporter_account_id, reporter_sms_consent, reporter_language, assigned_crew, assignee, duplicate_of, followers, token, status_notes,
              submitted_at, updated_at, expected_at, closed_at, version)
            VALUES (:id, :number, :category, :department, :status, :beforeHold, :closeReason, :priority,
              :channel, :description, :lat, :lon, :address, :addressId, :zipcode, :answers::jsonb, :media,
              :firstName, :lastName, :email, :phone, :deviceId, :accountId, :smsConsent, :language, :crew, :assignee, :duplicateOf,
              :followers, :token, :statusNotes, :submittedAt, :updatedAt, :expectedAt, :closedAt, 0)
            RETURNING id)
            INSERT INTO requests.history_entry (request_id, at, kind, status_after, public_entry, text, actor_kind, actor_name, close_reason)
            SELECT id, :at, :kind, :entryStatus, :public, :text, :actorKind, :actorName, :entryCloseReason FROM request
            RETURNING id
            """)
        .param("id", r.id())
        .param("number", r.number().value())
        .param("category", r.categoryCode())
        .param("department", r.departmentCode())
        .param("status", r.status().name())
        .param("beforeHold", name(r.statusBeforeHold()))
        .param("closeReason", name(r.closeReason()))
        .param("priority", r.priority().name())
        .param("channel", r.channel().name())
        .param("description", r.description())
        .param("lat", r.location().latitude())
        .param("lon", r.location().longitude())
        .param("address", r.location().address())
        .param("addressId", r.location().addressId())
        .param("zipcode", r.location().zipcode())
        .param("answers", json.writeValueAsString(r.answers()))
        .param("media", r.mediaUrls().toArray(String[]::new))
        .param("firstName", r.reporter().firstName())
        .param("lastName", r.reporter().lastName())
        .param("email", r.reporter().email())
        .param("phone", r.reporter().phone())
        .param("deviceId", r.reporter().deviceId())
        .param("accountId", r.reporter().accountId())
        .param("smsConsent", r.reporter().smsConsent())
        .param("language", r.reporter().language())
        .param("crew", r.assignedCrew())
        .param("assignee", r.assignee())
        .param("duplicateOf", r.duplicateOf() == null ? null : r.duplicateOf().value())
        .param("followers", r.followers())
        .param("token", r.token())
        .param("statusNotes", r.statusNotes())
        .param("submittedAt", ts(r.submittedAt()))
        .param("updatedAt", ts(r.updatedAt()))
        .param("expectedAt", ts(r.expectedAt()))
        .param("closedAt", ts(r.closedAt()))
        .param("at", ts(e.at()))
        .param("kind", e.kind().name())
        .param("entryStatus", e.statusAfter().name())
        .param("public", e.isPublic())
        .param("text", e.text())
        .param("actorKind", e.actor().kind().name())
        .param("actorName", e.actor().name())
        .param("entryCloseReason", name(e.closeReason()))
        .query(Long.class)
        .single();
    r.clearPending();
    return List.of(new HistoryEntry(entryId, e.at(), e.kind(), e.statusAfter(), e.isPublic(), e.text(), e.actor()));
  }

  /**
   * Stores a changed request with optimistic locking; the history entries carry the external update id
   * of a city system when there is one.
   */
  List<HistoryEntry> update(ServiceRequest r, @Nullable String externalUpdateId) {
    int updated =
        jdbc.sql(
                """
                UPDATE requests.service_request SET department_code = :department, status = :status,
                  status_before_hold = :beforeHold, close_reason = :closeReason, priority = :priority,
                  assigned_crew = :crew, assignee = :assignee, duplicate_of = :duplicateOf,
                  followers = :followers, status_notes = :statusNotes, updated_at = :updatedAt,
                  closed_at = :closedAt, expected_at = :expectedAt, on_hold_since = :onHoldSince,
                  version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("department", r.departmentCode())
            .param("status", r.status().name())
            .param("beforeHold", name(r.statusBeforeHold()))
            .param("closeReason", name(r.closeReason()))
            .param("priority", r.priority().name())
            .param("crew", r.assignedCrew())
            .param("assignee", r.assignee())
            .param("duplicateOf", r.duplicateOf() == null ? null : r.duplicateOf().value())
            .param("followers", r.followers())
            .param("statusNotes", r.statusNotes())
            .param("updatedAt", ts(r.updatedAt()))
            .param("closedAt", ts(r.closedAt()))
            .param("expectedAt", ts(r.expectedAt()))
            .param("onHoldSince", ts(r.onHoldSince()))
            .param("id", r.id())
            .param("version", r.version())
            .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("Request " + r.number() + " was changed at the same time");
    }
    return storePending(r, externalUpdateId);
  }

  private List<HistoryEntry> storePending(ServiceRequest r, @Nullable String externalUpdateId) {
    List<HistoryEntry> stored = new ArrayList<>();
    for (ServiceRequest.PendingEntry e : r.pendingEntries()) {
      long id =
          jdbc.sql(
                  """
                  INSERT INTO requests.history_entry
                    (request_id, at, kind, status_after, public_entry, text, actor_kind, actor_name, external_update_id, close_reason, media_urls)
                  VALUES (:request, :at, :kind, :status, :public, :text, :actorKind, :actorName, :external, :closeReason, :media)
                  RETURNING id
                  """)
              .param("request", r.id())
              .param("at", ts(e.at()))
              .param("kind", e.kind().name())
              .param("status", e.statusAfter().name())
              .param("public", e.isPublic())
              .param("text", e.text())
              .param("actorKind", e.actor().kind().name())
              .param("actorName", e.actor().name())
              .param("external", externalUpdateId)
              .param("closeReason", name(e.closeReason()))
              .param("media", e.mediaUrls().toArray(String[]::new))
              .query(Long.class)
              .single();
      stored.add(new HistoryEntry(id, e.at(), e.kind(), e.statusAfter(), e.isPublic(), e.text(), e.actor(), e.mediaUrls()));
      externalUpdateId = null; // only the first entry of a change carries the client's id
    }
    r.clearPending();
    return stored;
  }

  /** Loads a request for a change, locking its row so concurrent changes queue up. */
  Optional<ServiceRequest> lockByNumber(RequestNumber number) {
    return jdbc.sql("SELECT " + COLUMNS + REPORTER_COLUMNS + " FROM requests.service_request r WHERE r.number = ? FOR UPDATE")
        .param(number.value())
        .query((rs, i) -> aggregate(rs))
        .optional();
  }

  Optional<Reporter> reporterOf(RequestNumber number) {
    return jdbc.sql("SELECT " + COLUMNS + REPORTER_COLUMNS + " FROM requests.service_request r WHERE r.number = ?")
        .param(number.value())
        .query((rs, i) -> reporter(rs))
        .optional();
  }

  Optional<UUID> idByNumber(RequestNumber number) {
    return jdbc.sql("SELECT id FROM requests.service_request WHERE number = ?")
        .param(number.value())
        .query(UUID.class)
        .optional();
  }

  Optional<RequestNumber> numberForToken(String token) {
    return jdbc.sql("SELECT number FROM requests.service_request WHERE token = ?")
        .param(token)
        .query((rs, i) -> new RequestNumber(rs.getString(1)))
        .optional();
  }

  /** The history entry that recorded a city system's update, if it was applied before. */
  Optional<Long> entryForExternalUpdate(UUID requestId, String externalUpdateId) {
    return jdbc.sql("SELECT id FROM requests.history_entry WHERE request_id = ? AND external_update_id = ?")
        .param(requestId)
        .param(externalUpdateId)
        .query(Long.class)
        .optional();
  }

  private ServiceRequest aggregate(ResultSet rs) throws SQLException {
    return new ServiceRequest(
        rs.getObject("id", UUID.class),
        new RequestNumber(rs.getString("number")),
        rs.getString("category_code"),
        rs.getString("department_code"),
        Status.valueOf(rs.getString("status")),
        enumOrNull(Status.class, rs.getString("status_before_hold")),
        enumOrNull(CloseReason.class, rs.getString("close_reason")),
        Priority.valueOf(rs.getString("priority")),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("description"),
        location(rs),
        mediaUrls(rs),
        answers(rs),
        reporter(rs),
        rs.getString("assigned_crew"),
        rs.getString("assignee"),
        rs.getString("duplicate_of") == null ? null : new RequestNumber(rs.getString("duplicate_of")),
        rs.getInt("followers"),
        rs.getString("token"),
        rs.getString("status_notes"),
        instant(rs, "submitted_at"),
        instant(rs, "updated_at"),
        instant(rs, "expected_at"),
        instant(rs, "on_hold_since"),
        instant(rs, "closed_at"),
        rs.getInt("version"));
  }

  static Location location(ResultSet rs) throws SQLException {
    double lat = rs.getDouble("latitude");
    boolean hasPoint = !rs.wasNull();
    double lon = rs.getDouble("longitude");
    return new Location(
        hasPoint ? lat : null,
        hasPoint ? lon : null,
        rs.getString("address"),
        rs.getString("address_id"),
        rs.getString("zipcode"));
  }

  static List<String> mediaUrls(ResultSet rs) throws SQLException {
    Array array = rs.getArray("media_urls");
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  Map<String, List<String>> answers(ResultSet rs) throws SQLException {
    String text = rs.getString("answers");
    return text == null || text.equals("{}") ? Map.of() : json.readValue(text, ANSWERS);
  }

  private static Reporter reporter(ResultSet rs) throws SQLException {
    return new Reporter(
        rs.getString("reporter_first_name"),
        rs.getString("reporter_last_name"),
        rs.getString("reporter_email"),
        rs.getString("reporter_phone"),
        rs.getString("reporter_device_id"),
        rs.getString("reporter_account_id"),
        rs.getBoolean("reporter_sms_consent"),
        rs.getString("reporter_language"));
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  private static @Nullable String name(@Nullable Enum<?> value) {
    return value == null ? null : value.name();
  }

  static @Nullable Timestamp ts(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
