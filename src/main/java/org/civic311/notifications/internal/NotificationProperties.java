package org.civic311.notifications.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code civic311.notifications}; the README lists them with their environment variables.
 *
 * @param defaultLanguage the language of residents who chose none
 * @param overdueToResidents whether reporters and followers are told when a request passes its due
 *     date ("it is taking longer than expected")
 */
@ConfigurationProperties("civic311.notifications")
record NotificationProperties(
    @DefaultValue("en") String defaultLanguage,
    @DefaultValue("true") boolean overdueToResidents,
    @DefaultValue Worker delivery,
    @DefaultValue Email email,
    @DefaultValue Sms sms) {

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

  /**
   * Text messages through the Twilio REST API (or anything that speaks its Messages endpoint).
   *
   * @param enabled whether reporters who agreed to SMS get them
   * @param baseUrl the API's address; tests point it at a local server
   * @param from the sending number in E.164, or a Messaging Service SID (starting with {@code MG})
   * @param defaultCountryCode the country calling code of numbers written without one (1 for the US)
   * @param timeout how long one call to the API may take; must stay well under the delivery lease
   */
  record Sms(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("https://api.twilio.com") String baseUrl,
      @Nullable String accountSid,
      @Nullable String authToken,
      @Nullable String from,
      @DefaultValue("1") String defaultCountryCode,
      @DefaultValue("20s") Duration timeout) {

    /** Whether SMS can be sent and inbound messages checked: on, with an account and a token. */
    boolean usable() {
      return enabled && present(accountSid) && present(authToken) && present(from);
    }

    private static boolean present(@Nullable String s) {
      return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
      return "Sms[enabled=" + enabled + ", baseUrl=" + baseUrl + "]";
    }
  }
}
