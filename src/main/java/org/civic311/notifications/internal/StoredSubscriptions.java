package org.civic311.notifications.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civic311.notifications.InvalidSubscription;
import org.civic311.notifications.Subscriptions;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follower subscriptions and unsubscribing. A follower's address is used only after they open the
 * confirmation link sent to it (so nobody can sign up someone else), and an address gets at most a
 * few confirmation messages per request. Unsubscribing is recorded per request and address by keyed
 * hash, for reporters and followers alike, and cancels what was not sent yet.
 */
@Component
class StoredSubscriptions implements Subscriptions {

  private static final Logger log = LoggerFactory.getLogger(StoredSubscriptions.class);
  static final int MAX_CONFIRMATION_MESSAGES = 3;
  /** Over all requests: a form anyone can fill in must not become a way to flood someone's inbox. */
  static final int MAX_CONFIRMATIONS_PER_ADDRESS_PER_DAY = 10;

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
  public void subscribe(RequestNumber number, String email, Locale language) {
    String address = checkedAddress(email);
    if (requests.find(number).isEmpty()) throw new RequestNotFound(number.value());
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
    if (row.state().equals("ACTIVE")) return;
    if (row.sent() >= MAX_CONFIRMATION_MESSAGES) {
      log.info("Subscription {} asked again; no more confirmation messages are sent for it", row.id());
      return;
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
      return;
    }
    int nth = row.sent() + 1;
    jdbc.sql("UPDATE notifications.subscription SET verifications_sent = ? WHERE id = ?").params(nth, row.id()).update();
    deliveries.enqueueConfirmation(
        "confirm:" + row.id() + ":" + now.toEpochMilli() + ":" + nth, row.id(), number, address, recipientKey, lang, now);
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
    if (!deliveries.knows(recipient.number(), recipient.recipientKey())) return Optional.empty();
    jdbc.sql(
            """
            INSERT INTO notifications.opt_out (request_number, recipient_key, at) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        .params(recipient.number().value(), recipient.recipientKey(), Timestamp.from(clock.instant()))
        .update();
    jdbc.sql("UPDATE notifications.subscription SET state = 'ENDED' WHERE request_number = ? AND recipient_key = ?")
        .params(recipient.number().value(), recipient.recipientKey())
        .update();
    deliveries.cancelPending(recipient.number(), recipient.recipientKey());
    return Optional.of(recipient.number());
  }

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
