package org.civic311.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic311.notifications.Delivery;
import org.civic311.notifications.DeliveryId;
import org.civic311.notifications.DeliveryState;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The delivery table: what listeners add, what workers claim and mark, what admins see. */
@Component
class DeliveryStore {

  private static final String COLUMNS =
      """
      id, request_number, event, channel, recipient, recipient_key, language, history_entry_id, status_after,
      subscription_id, state, attempts, last_error, created_at, last_attempt_at, next_attempt_at, sent_at
      """;

  private final JdbcClient jdbc;

  DeliveryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds one message per recipient and channel of an event in one statement: the reporters (the
   * request's own and those of duplicates merged into it; an email and/or an SMS each, when given) and,
   * when {@code withFollowers}, an email to every confirmed follower; an address that is several of
   * these gets one message, and addresses that unsubscribed from the request get nothing. A key already present (the event was delivered before) adds nothing. The commit does not
   * wait for the disk: if a crash loses it, the outbox still holds the event (its completion is
   * written later) and delivers it again.
   *
   * @param eventKey the event's identity, e.g. {@code submitted:2026-000123} or {@code change:4711}
   */
  int enqueue(
      String eventKey,
      RequestNumber number,
      NotificationEvent event,
      List<Reporter> reporters,
      boolean withFollowers,
      @Nullable Long historyEntryId,
      @Nullable Status statusAfter,
      Instant now) {
    return jdbc.sql(
            """
            WITH no_disk_wait AS (SELECT set_config('synchronous_commit', 'off', true)),
            reporters AS (
              SELECT * FROM unnest(CAST(:emails AS text[]), CAST(:keys AS text[]), CAST(:phones AS text[]),
                                   CAST(:phoneKeys AS text[]), CAST(:languages AS text[]), CAST(:own AS boolean[]))
                AS r(email, email_key, phone, phone_key, language, own)
            ),
            recipients AS (
              SELECT email AS address, email_key AS recipient_key, language, 'EMAIL' AS channel, own AS to_reporter
              FROM reporters WHERE email IS NOT NULL
              UNION ALL
              SELECT phone, phone_key, language, 'SMS', own FROM reporters WHERE phone IS NOT NULL
              UNION ALL
              SELECT s.email, s.recipient_key, s.language, 'EMAIL', false FROM notifications.subscription s
              WHERE :followers AND s.request_number = :number AND s.state = 'ACTIVE'
            )
            INSERT INTO notifications.delivery
              (dedup_key, request_number, event, channel, recipient, recipient_key, language, history_entry_id,
               status_after, to_reporter, next_attempt_at, created_at)
            SELECT DISTINCT ON (r.recipient_key, r.channel)
              :eventKey || ':' || r.recipient_key || ':' || r.channel, :number, :event, r.channel, r.address, r.recipient_key,
              r.language, :entry, :status, r.to_reporter, :now, :now
            FROM recipients r, no_disk_wait
            WHERE NOT EXISTS (SELECT 1 FROM notifications.opt_out o
                              WHERE o.request_number = :number AND o.recipient_key = r.recipient_key)
            ORDER BY r.recipient_key, r.channel, r.to_reporter DESC
            ON CONFLICT (dedup_key) DO NOTHING
            """)
        .param("emails", reporters.stream().map(Reporter::email).toArray(String[]::new))
        .param("keys", reporters.stream().map(Reporter::recipientKey).toArray(String[]::new))
        .param("phones", reporters.stream().map(Reporter::phone).toArray(String[]::new))
        .param("phoneKeys", reporters.stream().map(Reporter::phoneKey).toArray(String[]::new))
        .param("languages", reporters.stream().map(Reporter::language).toArray(String[]::new))
        .param("own", reporters.stream().map(Reporter::own).toArray(Boolean[]::new))
        .param("followers", withFollowers)
        .param("number", number.value())
        .param("eventKey", eventKey)
        .param("event", event.name())
        .param("entry", historyEntryId)
        .param("status", statusAfter == null ? null : statusAfter.name())
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Adds one email per staff member about an event (an SLA warning or breach, a watched request's
   * change). A key already present adds nothing, so a redelivered event sends nothing twice.
   *
   * @param eventKey the event's identity, e.g. {@code sla-warning:2026-000123:1796234400000}
   */
  int enqueueStaff(
      String eventKey,
      RequestNumber number,
      NotificationEvent event,
      List<StaffRecipient> recipients,
      @Nullable Long historyEntryId,
      @Nullable Status statusAfter,
      Instant now) {
    if (recipients.isEmpty()) return 0;
    return jdbc.sql(
            """
            INSERT INTO notifications.delivery
              (dedup_key, request_number, event, channel, recipient, recipient_key, language, history_entry_id,
               status_after, to_reporter, next_attempt_at, created_at)
            SELECT :eventKey || ':' || r.key || ':EMAIL', :number, :event, 'EMAIL', r.email, r.key, r.language, :entry,
                   :status, false, :now, :now
            FROM unnest(CAST(:emails AS text[]), CAST(:keys AS text[]), CAST(:languages AS text[])) AS r(email, key, language)
            ON CONFLICT (dedup_key) DO NOTHING
            """)
        .param("eventKey", eventKey)
        .param("number", number.value())
        .param("event", event.name())
        .param("entry", historyEntryId)
        .param("status", statusAfter == null ? null : statusAfter.name())
        .param("now", Timestamp.from(now))
        .param("emails", recipients.stream().map(StaffRecipient::email).toArray(String[]::new))
        .param("keys", recipients.stream().map(StaffRecipient::recipientKey).toArray(String[]::new))
        .param("languages", recipients.stream().map(StaffRecipient::language).toArray(String[]::new))
        .update();
  }

  /** Adds the message that asks a new follower to confirm. */
  void enqueueConfirmation(
      String dedupKey, UUID subscription, RequestNumber number, String email, String recipientKey, String language, Instant now) {
    jdbc.sql(
            """
            INSERT INTO notifications.delivery
              (dedup_key, request_number, event, channel, recipient, recipient_key, language, subscription_id,
               next_attempt_at, created_at)
            VALUES (?, ?, 'FOLLOW_CONFIRMATION', 'EMAIL', ?, ?, ?, ?, ?, ?)
            ON CONFLICT (dedup_key) DO NOTHING
            """)
        .params(dedupKey, number.value(), email, recipientKey, language, subscription, Timestamp.from(now), Timestamp.from(now))
        .update();
  }

  /**
   * Takes up to {@code limit} due deliveries for this worker: pending ones whose time came, and ones
   * being sent whose lease ran out (their worker died). Rows another worker is taking are skipped, so
   * several app nodes share the work. Each taken delivery counts an attempt and holds a lease.
   */
  List<ClaimedDelivery> claim(int limit, Instant now, Instant leaseUntil) {
    return jdbc.sql(
            """
            UPDATE notifications.delivery d
            SET state = 'SENDING', attempts = d.attempts + 1, last_attempt_at = :now, next_attempt_at = :lease
            WHERE d.id IN (
              SELECT id FROM notifications.delivery
              WHERE state IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
              ORDER BY next_attempt_at, id
              LIMIT :limit
              FOR UPDATE SKIP LOCKED)
            RETURNING d.id, d.request_number, d.event, d.recipient, d.recipient_key, d.language, d.history_entry_id,
                      d.status_after, d.subscription_id, d.attempts, d.channel, d.to_reporter
            """)
        .param("now", Timestamp.from(now))
        .param("lease", Timestamp.from(leaseUntil))
        .param("limit", limit)
        .query((rs, i) -> new ClaimedDelivery(
            rs.getLong(1),
            new RequestNumber(rs.getString(2)),
            NotificationEvent.valueOf(rs.getString(3)),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            (Long) rs.getObject(7),
            rs.getString(8) == null ? null : Status.valueOf(rs.getString(8)),
            rs.getObject(9, UUID.class),
            rs.getInt(10),
            NotificationChannel.valueOf(rs.getString(11)),
            rs.getBoolean(12)))
        .list()
        .stream()
        .sorted(java.util.Comparator.comparingLong(ClaimedDelivery::id))
        .toList();
  }

  /** Records a text message the provider took, with the provider's id for it. */
  void markSmsSent(long id, String providerMessageId, Instant now) {
    jdbc.sql(
            """
            UPDATE notifications.delivery SET state = 'SENT', sent_at = :now, provider_message_id = :sid
            WHERE id = :id AND state = 'SENDING'
            """)
        .param("now", Timestamp.from(now))
        .param("sid", providerMessageId)
        .param("id", id)
        .update();
  }

  /** A taken delivery this worker had no time for waits again, due now, its attempt not counted. */
  void release(long id, Instant now) {
    jdbc.sql(
            """
            UPDATE notifications.delivery SET state = 'PENDING', attempts = greatest(attempts - 1, 0), next_attempt_at = ?
            WHERE id = ? AND state = 'SENDING'
            """)
        .params(Timestamp.from(now), id)
        .update();
  }

  /** A taken delivery that must not be sent (its number replied STOP) is cancelled. */
  void markCancelled(long id, String why) {
    jdbc.sql("UPDATE notifications.delivery SET state = 'CANCELLED', last_error = ? WHERE id = ? AND state = 'SENDING'")
        .params(why, id)
        .update();
  }

  /**
   * Through the partial index {@code delivery_sms_waiting_by_number}: a STOP reply must not read every
   * delivery ever made.
   */
  static final String CANCEL_PENDING_SMS =
      """
      UPDATE notifications.delivery SET state = 'CANCELLED', last_error = 'The number replied STOP'
      WHERE channel = 'SMS' AND recipient = ? AND state IN ('PENDING', 'FAILED')
      """;

  /** Text messages not yet sent to a number that replied STOP are not sent. */
  int cancelPendingSms(String e164) {
    return jdbc.sql(CANCEL_PENDING_SMS).param(e164).update();
  }

  void markSent(List<Long> ids, Instant now) {
    if (ids.isEmpty()) return;
    jdbc.sql("UPDATE notifications.delivery SET state = 'SENT', sent_at = :now WHERE id = ANY(:ids)")
        .param("now", Timestamp.from(now))
        .param("ids", ids.toArray(Long[]::new))
        .update();
  }

  /** Records a failed attempt: tried again at {@code nextAttempt}, or FAILED when {@code giveUp}. */
  void markFailed(long id, String error, Instant nextAttempt, boolean giveUp) {
    jdbc.sql(
            """
            UPDATE notifications.delivery SET state = :state, last_error = :error, next_attempt_at = :next
            WHERE id = :id AND state = 'SENDING'
            """)
        .param("state", giveUp ? "FAILED" : "PENDING")
        .param("error", error)
        .param("next", Timestamp.from(nextAttempt))
        .param("id", id)
        .update();
  }

  /** Deliveries not yet sent to an address that unsubscribed from a request are not sent. */
  int cancelPending(RequestNumber number, String recipientKey) {
    return jdbc.sql(
            """
            UPDATE notifications.delivery SET state = 'CANCELLED'
            WHERE request_number = ? AND recipient_key = ? AND state IN ('PENDING', 'FAILED')
            """)
        .params(number.value(), recipientKey)
        .update();
  }

  /** Whether anything was ever sent, or asked for, to this address about this request. */
  boolean knows(RequestNumber number, String recipientKey) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM notifications.delivery WHERE request_number = :n AND recipient_key = :k)
                OR EXISTS (SELECT 1 FROM notifications.subscription WHERE request_number = :n AND recipient_key = :k)
            """)
        .param("n", number.value())
        .param("k", recipientKey)
        .query(Boolean.class)
        .single();
  }

  List<Delivery> failed(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notifications.delivery WHERE state = 'FAILED' ORDER BY last_attempt_at DESC, id DESC LIMIT ?")
        .param(limit)
        .query((rs, i) -> delivery(rs))
        .list();
  }

  /** The latest deliveries, newest first, for the admin page. */
  List<Delivery> recent(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notifications.delivery ORDER BY created_at DESC, id DESC LIMIT ?")
        .param(limit)
        .query((rs, i) -> delivery(rs))
        .list();
  }

  Optional<Delivery> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notifications.delivery WHERE id = ?").param(id).query((rs, i) -> delivery(rs)).optional();
  }

  List<Delivery> ofRequest(RequestNumber number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notifications.delivery WHERE request_number = ? ORDER BY id")
        .param(number.value())
        .query((rs, i) -> delivery(rs))
        .list();
  }

  Map<DeliveryState, Long> countByState() {
    Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
    for (DeliveryState s : DeliveryState.values()) counts.put(s, 0L);
    jdbc.sql("SELECT state, count(*) FROM notifications.delivery GROUP BY state")
        .query(rs -> {
          counts.put(DeliveryState.valueOf(rs.getString(1)), rs.getLong(2));
        });
    return counts;
  }

  /** For monitoring: deliveries waiting or being sent (a partial index counts them). */
  double countWaiting() {
    return jdbc.sql("SELECT count(*) FROM notifications.delivery WHERE state IN ('PENDING', 'SENDING')").query(Long.class).single();
  }

  /** For monitoring: deliveries that gave up. */
  double countFailed() {
    return jdbc.sql("SELECT count(*) FROM notifications.delivery WHERE state = 'FAILED'").query(Long.class).single();
  }

  /**
   * Makes a failed delivery due now with a fresh count of attempts. Only a failed one: a sent message
   * is not sent twice, and a cancelled one was cancelled because its person unsubscribed or replied
   * STOP (an SMS opt-out is checked again when it is sent). False when nothing was made due.
   */
  boolean retry(long id, Instant now) {
    return jdbc.sql(
            """
            UPDATE notifications.delivery d SET state = 'PENDING', attempts = 0, next_attempt_at = ?
            WHERE d.id = ? AND d.state = 'FAILED'
              AND NOT EXISTS (SELECT 1 FROM notifications.opt_out o
                              WHERE o.request_number = d.request_number AND o.recipient_key = d.recipient_key)
            """)
        .params(Timestamp.from(now), id)
        .update() == 1;
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    return new Delivery(
        new DeliveryId(rs.getLong("id")),
        new RequestNumber(rs.getString("request_number")),
        NotificationEvent.valueOf(rs.getString("event")),
        NotificationChannel.valueOf(rs.getString("channel")),
        "SMS".equals(rs.getString("channel")) ? PhoneNumbers.mask(rs.getString("recipient")) : mask(rs.getString("recipient")),
        rs.getString("language"),
        DeliveryState.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("last_attempt_at")),
        rs.getTimestamp("next_attempt_at").toInstant(),
        instant(rs.getTimestamp("sent_at")));
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** {@code ana@example.org} becomes {@code a***@example.org}. */
  static String mask(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) return "***";
    return email.charAt(0) + "***" + email.substring(at);
  }

  /**
   * A reporter as a listener gives them: the email address and/or the phone number in E.164 (null
   * when they get no message that way), each with its keyed hash, and the language to write in.
   *
   * @param own whether they reported this request, rather than a duplicate merged into it (only the
   *     request's own reporter is asked for the satisfaction survey)
   */
  record Reporter(
      @Nullable String email,
      @Nullable String recipientKey,
      @Nullable String phone,
      @Nullable String phoneKey,
      String language,
      boolean own) {

    /** The request's own reporter. */
    Reporter(@Nullable String email, @Nullable String recipientKey, @Nullable String phone, @Nullable String phoneKey, String language) {
      this(email, recipientKey, phone, phoneKey, language, true);
    }

    @Override
    public String toString() {
      return "Reporter[redacted]";
    }
  }

  /** A staff member as a message's recipient: the address, its keyed hash and the language to write in. */
  record StaffRecipient(String email, String recipientKey, String language) {

    @Override
    public String toString() {
      return "StaffRecipient[redacted]";
    }
  }

  /** A delivery taken by a worker, with what it needs to send it. */
  record ClaimedDelivery(
      long id,
      RequestNumber number,
      NotificationEvent event,
      String recipient,
      String recipientKey,
      String language,
      @Nullable Long historyEntryId,
      @Nullable Status statusAfter,
      @Nullable UUID subscription,
      int attempts,
      NotificationChannel channel,
      boolean toReporter) {

    @Override
    public String toString() {
      return "ClaimedDelivery[" + id + "]";
    }
  }
}
