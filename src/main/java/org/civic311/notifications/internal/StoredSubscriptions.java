package org.civic311.notifications.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civic311.notifications.InvalidSubscription;
import org.civic311.notifications.Subscriptions;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follower subscriptions and unsubscribing. A follower's address is used only after they open the
 * confirmation link sent to it (so nobody can sign up someone else), and an address gets at most a
 * few confirmation messages per request. Unsubscribing is recorded per request and address by keyed
 * hash, for reporters and followers alike, and cancels what was not sent yet. When a request is
 * merged into another, its followers move to the other one and its reporter (by request number
 * only) hears about the other one too.
 */
@Component
class StoredSubscriptions implements Subscriptions {

  private static final Logger log = LoggerFactory.getLogger(StoredSubscriptions.class);
  static final int MAX_CONFIRMATION_MESSAGES = 3;
  /** Over all requests: a form anyone can fill in must not become a way to flood someone's inbox. */
  static final int MAX_CONFIRMATIONS_PER_ADDRESS_PER_DAY = 10;
  private static final int MAX_MERGE_HOPS = 10;

  private final JdbcClient jdbc;
  private final ServiceRequests requests;
  private final DeliveryStore deliveries;
  private final LinkSigner signer;
  private final Texts texts;
  private final Clock clock;

  StoredSubscriptions(
      JdbcClient jdbc, ServiceRequests requests, DeliveryStore deliveries, LinkSigner signer, Texts texts, Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.deliveries = deliveries;
    this.signer = signer;
    this.texts = texts;
    this.clock = clock;
  }

  @Override
  @Transactional
  public RequestNumber subscribe(RequestNumber asked, String email, Locale language) {
    String address = checkedAddress(email);
    RequestNumber number = followed(asked);
    String recipientKey = signer.recipientKey(number, address);
    String lang = texts.language(language.toLanguageTag());
    Instant now = clock.instant();
    record Row(UUID id, String state, int sent) {}
    Row row = jdbc.sql(
            """
            INSERT INTO notifications.subscription
              (id, request_number, email, recipient_key, language, state, verifications_sent, created_at)
            VALUES (:id, :number, :email, :key, :language, 'PENDING', 0, :now)
            ON CONFLICT (request_number, recipient_key) DO UPDATE SET
              email = EXCLUDED.email,
              language = EXCLUDED.language,
              state = CASE WHEN subscription.state = 'ENDED' THEN 'PENDING' ELSE subscription.state END,
              verifications_sent = CASE WHEN subscription.state = 'ENDED' THEN 0 ELSE subscription.verifications_sent END
            RETURNING id, state, verifications_sent
            """)
        .param("id", UUID.randomUUID())
        .param("number", number.value())
        .param("email", address)
        .param("key", recipientKey)
        .param("language", lang)
        .param("now", Timestamp.from(now))
        .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
        .single();
    // ACTIVE already follows; MOVED follows the request this one was merged into.
    if (!row.state().equals("PENDING")) return number;
    if (row.sent() >= MAX_CONFIRMATION_MESSAGES) {
      log.info("Subscription {} asked again; no more confirmation messages are sent for it", row.id());
      return number;
    }
    long today = jdbc.sql(
            """
            SELECT count(*) FROM notifications.delivery
            WHERE event = 'FOLLOW_CONFIRMATION' AND lower(recipient) = lower(?) AND created_at > ?
            """)
        .params(address, Timestamp.from(now.minus(Duration.ofDays(1))))
        .query(Long.class)
        .single();
    if (today >= MAX_CONFIRMATIONS_PER_ADDRESS_PER_DAY) {
      log.info("Subscription {}: its address got {} confirmation messages in a day; none sent", row.id(), today);
      return number;
    }
    int nth = row.sent() + 1;
    jdbc.sql("UPDATE notifications.subscription SET verifications_sent = ? WHERE id = ?").params(nth, row.id()).update();
    deliveries.enqueueConfirmation(
        "confirm:" + row.id() + ":" + now.toEpochMilli() + ":" + nth, row.id(), number, address, recipientKey, lang, now);
    return number;
  }

  /**
   * The request a follower of {@code number} hears about: a duplicate closed by a merge gets no more
   * updates (they go to its parent, where its followers were moved), so following it follows the
   * parent, and the parent's parent should that one have been merged too. A reopened duplicate is
   * open again and is followed itself.
   */
  private RequestNumber followed(RequestNumber number) {
    RequestNumber current = number;
    for (int hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
      ServiceRequestDetails details = requests.find(current).orElseThrow(() -> new RequestNotFound(number.value()));
      if (details.status().isOpen() || details.duplicateOf() == null) return current;
      current = details.duplicateOf();
    }
    // Merges cannot form a cycle through open requests; a chain this long is followed where it got to.
    return current;
  }

  @Override
  @Transactional
  public Optional<RequestNumber> confirm(String token) {
    return signer.parseConfirm(token).flatMap(id -> {
      record Confirmed(RequestNumber number, String recipientKey) {}
      Optional<Confirmed> confirmed = jdbc.sql(
              """
              UPDATE notifications.subscription
              SET state = 'ACTIVE', confirmed_at = coalesce(confirmed_at, ?)
              WHERE id = ? AND state IN ('PENDING', 'ACTIVE')
              RETURNING request_number, recipient_key
              """)
          .params(Timestamp.from(clock.instant()), id)
          .query((rs, i) -> new Confirmed(new RequestNumber(rs.getString(1)), rs.getString(2)))
          .optional();
      confirmed.ifPresent(c ->
          jdbc.sql("DELETE FROM notifications.opt_out WHERE request_number = ? AND recipient_key = ?")
              .params(c.number().value(), c.recipientKey())
              .update());
      return confirmed.map(Confirmed::number);
    });
  }

  /** The request a confirmation link is for, while it can still be confirmed. */
  Optional<RequestNumber> requestToConfirm(String token) {
    return signer.parseConfirm(token).flatMap(id ->
        jdbc.sql("SELECT request_number FROM notifications.subscription WHERE id = ? AND state IN ('PENDING', 'ACTIVE')")
            .param(id)
            .query((rs, i) -> new RequestNumber(rs.getString(1)))
            .optional());
  }

  @Override
  @Transactional
  public Optional<RequestNumber> unsubscribe(String token) {
    Optional<LinkSigner.Recipient> parsed = signer.parseUnsubscribe(token);
    if (parsed.isEmpty()) return Optional.empty();
    LinkSigner.Recipient recipient = parsed.get();
    Instant now = clock.instant();
    if (!deliveries.knows(recipient.number(), recipient.recipientKey())) return Optional.empty();
    jdbc.sql(
            """
            INSERT INTO notifications.opt_out (request_number, recipient_key, at) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        .params(recipient.number().value(), recipient.recipientKey(), Timestamp.from(now))
        .update();
    jdbc.sql("UPDATE notifications.subscription SET state = 'ENDED' WHERE request_number = ? AND recipient_key = ?")
        .params(recipient.number().value(), recipient.recipientKey())
        .update();
    deliveries.cancelPending(recipient.number(), recipient.recipientKey());
    endMovedSubscriptions(recipient, now);
    return Optional.of(recipient.number());
  }

  /**
   * An unsubscribe link from a merged duplicate's messages (the merge message among them) also stops
   * the parent's messages that the merge started for this address, through every later merge.
   */
  private void endMovedSubscriptions(LinkSigner.Recipient recipient, Instant now) {
    record Ended(RequestNumber number, String recipientKey) {}
    List<Ended> ended = jdbc.sql(
            """
            WITH RECURSIVE moved(id) AS (
              SELECT moved_to FROM notifications.subscription
              WHERE request_number = ? AND recipient_key = ? AND moved_to IS NOT NULL
              UNION
              SELECT s.moved_to FROM notifications.subscription s JOIN moved m ON s.id = m.id
              WHERE s.moved_to IS NOT NULL
            )
            UPDATE notifications.subscription SET state = 'ENDED'
            WHERE id IN (SELECT id FROM moved) AND state <> 'ENDED'
            RETURNING request_number, recipient_key
            """)
        .params(recipient.number().value(), recipient.recipientKey())
        .query((rs, i) -> new Ended(new RequestNumber(rs.getString(1)), rs.getString(2)))
        .list();
    for (Ended e : ended) {
      jdbc.sql("INSERT INTO notifications.opt_out (request_number, recipient_key, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
          .params(e.number().value(), e.recipientKey(), Timestamp.from(now))
          .update();
      deliveries.cancelPending(e.number(), e.recipientKey());
    }
  }

  /**
   * Moves the confirmed followers of {@code duplicate} to {@code parent}: each becomes a confirmed
   * follower of the parent, unless the address already follows it or unsubscribed from it. A
   * follower waiting to confirm the parent is confirmed, since the merge proved the address. Moving
   * again moves nothing.
   *
   * @return how many followers now follow the parent because of the move
   */
  int moveFollowers(RequestNumber duplicate, RequestNumber parent) {
    record Follower(UUID id, String email, String language, @Nullable Timestamp confirmedAt) {}
    List<Follower> followers = jdbc.sql(
            """
            SELECT id, email, language, confirmed_at FROM notifications.subscription
            WHERE request_number = ? AND state = 'ACTIVE'
            ORDER BY id
            FOR UPDATE
            """)
        .param(duplicate.value())
        .query((rs, i) -> new Follower(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4)))
        .list();
    Instant now = clock.instant();
    int moved = 0;
    for (Follower f : followers) {
      Optional<UUID> target = jdbc.sql(
              """
              INSERT INTO notifications.subscription
                (id, request_number, email, recipient_key, language, state, verifications_sent, created_at, confirmed_at)
              VALUES (:id, :number, :email, :key, :language, 'ACTIVE', 0, :now, coalesce(CAST(:confirmed AS timestamptz), :now))
              ON CONFLICT (request_number, recipient_key) DO UPDATE SET
                state = 'ACTIVE', confirmed_at = coalesce(subscription.confirmed_at, EXCLUDED.confirmed_at)
              WHERE subscription.state = 'PENDING'
              RETURNING id
              """)
          .param("id", UUID.randomUUID())
          .param("number", parent.value())
          .param("email", f.email())
          .param("key", signer.recipientKey(parent, f.email()))
          .param("language", f.language())
          .param("now", Timestamp.from(now))
          .param("confirmed", f.confirmedAt())
          .query((rs, i) -> rs.getObject(1, UUID.class))
          .optional();
      jdbc.sql("UPDATE notifications.subscription SET state = 'MOVED', moved_to = ? WHERE id = ?")
          .params(target.orElse(null), f.id())
          .update();
      if (target.isPresent()) moved++;
    }
    return moved;
  }

  /** Remembers that {@code duplicate}'s reporter now hears about {@code parent}; a repeat changes nothing. */
  void recordMerge(RequestNumber duplicate, RequestNumber parent, Instant at) {
    jdbc.sql(
            """
            INSERT INTO notifications.merged_request (duplicate_number, parent_number, merged_at) VALUES (?, ?, ?)
            ON CONFLICT (duplicate_number) DO UPDATE SET parent_number = EXCLUDED.parent_number, merged_at = EXCLUDED.merged_at
            WHERE merged_request.merged_at < EXCLUDED.merged_at
            """)
        .params(duplicate.value(), parent.value(), Timestamp.from(at))
        .update();
  }

  /** A reopened duplicate is no longer merged: its reporter hears about it again, not about the parent. */
  void forgetMerge(RequestNumber duplicate) {
    jdbc.sql("DELETE FROM notifications.merged_request WHERE duplicate_number = ?").param(duplicate.value()).update();
  }

  /**
   * The requests whose reporters hear about {@code number} because they were merged into it, directly
   * or through a request that was merged into it later, each with the requests on the way.
   */
  List<MergedDuplicate> mergedInto(RequestNumber number) {
    return jdbc.sql(
            """
            WITH RECURSIVE merged(duplicate, path) AS (
              SELECT duplicate_number, ARRAY[duplicate_number] FROM notifications.merged_request WHERE parent_number = :number
              UNION ALL
              SELECT m.duplicate_number, m.duplicate_number || d.path
              FROM notifications.merged_request m JOIN merged d ON m.parent_number = d.duplicate
              WHERE NOT m.duplicate_number = ANY (d.path) AND m.duplicate_number <> :number AND cardinality(d.path) < 50
            )
            SELECT duplicate, path FROM merged ORDER BY duplicate
            """)
        .param("number", number.value())
        .query((rs, i) -> new MergedDuplicate(
            new RequestNumber(rs.getString(1)),
            java.util.Arrays.stream((String[]) rs.getArray(2).getArray()).map(RequestNumber::new).toList()))
        .list();
  }

  /** Which of these addresses unsubscribed from their request. */
  Set<LinkSigner.Recipient> optedOut(Collection<LinkSigner.Recipient> recipients) {
    if (recipients.isEmpty()) return Set.of();
    return new HashSet<>(jdbc.sql(
            """
            SELECT o.request_number, o.recipient_key FROM notifications.opt_out o
            JOIN unnest(CAST(:numbers AS text[]), CAST(:keys AS text[])) AS r(number, key)
              ON o.request_number = r.number AND o.recipient_key = r.key
            """)
        .param("numbers", recipients.stream().map(r -> r.number().value()).toArray(String[]::new))
        .param("keys", recipients.stream().map(LinkSigner.Recipient::recipientKey).toArray(String[]::new))
        .query((rs, i) -> new LinkSigner.Recipient(new RequestNumber(rs.getString(1)), rs.getString(2)))
        .list());
  }

  /**
   * A request merged into another one.
   *
   * @param path the merged requests from this one up to (without) the one asked about: the reporter
   *     may have unsubscribed from any of them
   */
  record MergedDuplicate(RequestNumber duplicate, List<RequestNumber> path) {}

  private static String checkedAddress(String email) {
    String address = email == null ? "" : email.strip();
    if (address.isEmpty()) throw new InvalidSubscription("Enter an email address.");
    if (address.length() > 254) throw new InvalidSubscription("The email address is too long.");
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      if (!parsed.getAddress().equals(address) || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new AddressException("not a plain address");
      }
    } catch (AddressException e) {
      throw new InvalidSubscription("This is not an email address, e.g. name@example.org.");
    }
    return address;
  }
}
