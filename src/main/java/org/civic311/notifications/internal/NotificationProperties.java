package org.civic311.notifications.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code civic311.notifications}; the README lists them with their environment variables.
 *
 * @param defaultLanguage the language of residents who chose none
 */
@ConfigurationProperties("civic311.notifications")
record NotificationProperties(
    @DefaultValue("en") String defaultLanguage, @DefaultValue Worker delivery, @DefaultValue Email email) {

  /**
   * How the delivery worker runs.
   *
   * @param enabled whether this node sends (every node may; they share the work)
   * @param batchSize deliveries taken per claim
   * @param lease how long a taken delivery stays with its worker; after that another node retries it,
   *     so it must exceed the longest SMTP conversation
   * @param maxAttempts attempts before a delivery is FAILED and waits for an admin
   * @param backoffBase the wait after the first failure; it doubles per attempt, with jitter
   * @param backoffMax the longest wait between attempts
   * @param connections SMTP connections a worker sends a batch over at once
   */
  record Worker(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") int batchSize,
      @DefaultValue("5m") Duration lease,
      @DefaultValue("10") int maxAttempts,
      @DefaultValue("30s") Duration backoffBase,
      @DefaultValue("6h") Duration backoffMax,
      @DefaultValue("4") int connections) {}

  /**
   * Email settings besides the SMTP server ({@code spring.mail.*}).
   *
   * @param from the sender, e.g. {@code City of Springfield <311@springfield.example.gov>}
   * @param replyTo where replies go; empty for none
   * @param unsubscribeMailto an address that takes unsubscribe mails (List-Unsubscribe mailto); empty
   *     for none
   */
  record Email(
      @DefaultValue("Civic311 <no-reply@localhost>") String from,
      @Nullable String replyTo,
      @Nullable String unsubscribeMailto) {}
}
