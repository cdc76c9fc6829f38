package org.civic311.webhooks.internal;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civic311.webhooks.WebhookDelivery;
import org.civic311.webhooks.WebhookEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only place with SQL on the webhooks tables. */
@Repository
class WebhookStore {

  private static final String DELIVERY_COLUMNS =
      "id, endpoint_id, event_type, request_number, status, attempts, last_status_code, last_error, created_at, delivered_at, next_attempt_at";

  private final JdbcClient jdbc;

  WebhookStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertEndpoint(WebhookEndpoint e, String secret) {
    jdbc.sql(
            """
            INSERT INTO webhooks.endpoint (id, url, secret, event_types, description, active, created_at)
            VALUES (:id, :url, :secret, :types, :description, :active, :createdAt)
            """)
        .param("id", e.id())
        .param("url", e.url().toString())
        .param("secret", secret)
        .param("types", e.eventTypes().stream().sorted().toArray(String[]::new))
        .param("description", e.description())
        .param("active", e.active())
        .param("createdAt", Timestamp.from(e.createdAt()))
        .update();
  }

  List<WebhookEndpoint> endpoints() {
    return jdbc.sql("SELECT id, url, event_types, description, active, created_at FROM webhooks.endpoint ORDER BY created_at, id")
        .query((rs, i) -> endpoint(rs))
        .list();
  }

  Optional<WebhookEndpoint> endpoint(UUID id) {
    return jdbc.sql("SELECT id, url, event_types, description, active, created_at FROM webhooks.endpoint WHERE id = ?")
        .param(id)
        .query((rs, i) -> endpoint(rs))
        .optional();
  }

  /** Active endpoints: id and the event types each wants. */
  List<WebhookEndpoint> activeEndpoints() {
    return jdbc.sql("SELECT id, url, event_types, description, active, created_at FROM webhooks.endpoint WHERE active")
        .query((rs, i) -> endpoint(rs))
        .list();
  }

  /**
   * Deactivates an endpoint and cancels what still waited for it: never sent, kept as history, and not
   * offered for a retry that could not reach it. The last attempt's error, if any, stays.
   */
  boolean deactivate(UUID id, Instant now) {
    int changed = jdbc.sql("UPDATE webhooks.endpoint SET active = false WHERE id = ? AND active").param(id).update();
    jdbc.sql(
            """
            UPDATE webhooks.delivery SET status = 'CANCELLED', lease_until = NULL
            WHERE endpoint_id = ? AND status = 'PENDING'
            """)
        .param(id)
        .update();
    return changed > 0 || endpoint(id).isPresent();
  }

  /** Adds the event's delivery for one endpoint unless that event was already recorded for it. */
  void insertDelivery(UUID endpointId, WebhookPayloads.Event event, Instant now, Instant giveUpAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO webhooks.delivery (id, endpoint_id, event_key, event_type, request_number, payload, status,
              attempts, next_attempt_at, created_at, give_up_at)
            SELECT :id, e.id, :key, :type, :number, :payload, 'PENDING', 0, :now, :now, :giveUpAt
            FROM webhooks.endpoint e WHERE e.id = :endpoint AND e.active
            ON CONFLICT (endpoint_id, event_key) DO NOTHING
            """)
        .param("id", id)
        .param("endpoint", endpointId)
        .param("key", event.key())
        .param("type", event.type())
        .param("number", event.requestNumber())
        .param("payload", event.bodyFor(id))
        .param("now", Timestamp.from(now))
        .param("giveUpAt", Timestamp.from(giveUpAt))
        .update();
  }

  /** A delivery a sender holds until its lease ends. */
  record Claimed(UUID id, String eventType, String payload, int attempts, Instant giveUpAt, URI url, String secret) {}

  /**
   * Takes due deliveries for this node: rows another node holds are skipped, and a lease that ran out
   * (the node died mid-send) makes a row due again.
   */
  List<Claimed> claimDue(Instant now, Instant leaseUntil, int batch) {
    return jdbc.sql(
            """
            WITH due AS (
              SELECT d.id FROM webhooks.delivery d JOIN webhooks.endpoint e ON e.id = d.endpoint_id AND e.active
              WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND (d.lease_until IS NULL OR d.lease_until < :now)
              ORDER BY d.next_attempt_at
              LIMIT :batch
              FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhooks.delivery d SET lease_until = :leaseUntil
            FROM due, webhooks.endpoint e
            WHERE d.id = due.id AND e.id = d.endpoint_id
            RETURNING d.id, d.event_type, d.payload, d.attempts, d.give_up_at, e.url, e.secret
            """)
        .param("now", Timestamp.from(now))
        .param("leaseUntil", Timestamp.from(leaseUntil))
        .param("batch", batch)
        .query((rs, i) -> new Claimed(
            rs.getObject("id", UUID.class),
            rs.getString("event_type"),
            rs.getString("payload"),
            rs.getInt("attempts"),
            rs.getTimestamp("give_up_at").toInstant(),
            URI.create(rs.getString("url")),
            rs.getString("secret")))
        .list();
  }

  void delivered(UUID id, int statusCode, Instant now) {
    jdbc.sql(
            """
            UPDATE webhooks.delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :now,
              last_status_code = :code, last_error = NULL, lease_until = NULL
            WHERE id = :id
            """)
        .param("id", id)
        .param("code", statusCode)
        .param("now", Timestamp.from(now))
        .update();
  }

  void attemptFailed(UUID id, @Nullable Integer statusCode, String error, @Nullable Instant nextAttempt) {
    jdbc.sql(
            """
            UPDATE webhooks.delivery SET attempts = attempts + 1, last_status_code = :code, last_error = :error,
              lease_until = NULL,
              status = CASE WHEN CAST(:next AS timestamptz) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
              next_attempt_at = coalesce(CAST(:next AS timestamptz), next_attempt_at)
            WHERE id = :id AND status = 'PENDING'
            """)
        .param("id", id)
        .param("code", statusCode)
        .param("error", error)
        .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
        .update();
  }

  List<WebhookDelivery> deliveries(UUID endpointId, int limit) {
    return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhooks.delivery WHERE endpoint_id = ? ORDER BY created_at DESC, id LIMIT ?")
        .params(endpointId, limit)
        .query((rs, i) -> delivery(rs))
        .list();
  }

  /** Failed deliveries, and those cancelled by the removal of their endpoint, newest first. */
  List<WebhookDelivery> failed(int limit) {
    return jdbc.sql(
            "SELECT " + DELIVERY_COLUMNS
                + " FROM webhooks.delivery WHERE status IN ('FAILED', 'CANCELLED') ORDER BY created_at DESC, id LIMIT ?")
        .param(limit)
        .query((rs, i) -> delivery(rs))
        .list();
  }

  boolean retry(UUID id, Instant now, Instant giveUpAt) {
    return jdbc.sql(
                """
                UPDATE webhooks.delivery d SET status = 'PENDING', next_attempt_at = :now, give_up_at = :giveUpAt, lease_until = NULL
                FROM webhooks.endpoint e
                WHERE d.id = :id AND d.status = 'FAILED' AND e.id = d.endpoint_id AND e.active
                """)
            .param("id", id)
            .param("now", Timestamp.from(now))
            .param("giveUpAt", Timestamp.from(giveUpAt))
            .update()
        > 0;
  }

  private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
    Array types = rs.getArray("event_types");
    Set<String> eventTypes = new LinkedHashSet<>(Arrays.asList((String[]) types.getArray()));
    return new WebhookEndpoint(
        rs.getObject("id", UUID.class),
        URI.create(rs.getString("url")),
        eventTypes,
        rs.getString("description"),
        rs.getBoolean("active"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    int code = rs.getInt("last_status_code");
    Integer lastCode = rs.wasNull() ? null : code;
    return new WebhookDelivery(
        rs.getObject("id", UUID.class),
        rs.getObject("endpoint_id", UUID.class),
        rs.getString("event_type"),
        rs.getString("request_number"),
        WebhookDelivery.Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        lastCode,
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        delivered == null ? null : delivered.toInstant(),
        rs.getTimestamp("next_attempt_at").toInstant());
  }
}
