package org.civic311.notifications.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Text messages residents send back, as Twilio posts them to {@code /notifications/sms/inbound}:
 * STOP and its synonyms opt the number out of every SMS, START opts it back in; anything else is
 * ignored (the request's page is where residents talk to the city). Public so the module's web
 * package can use it; not module API.
 */
@Component
public class SmsInbound {

  private static final Logger log = LoggerFactory.getLogger(SmsInbound.class);
  static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
  static final Set<String> START_WORDS = Set.of("START", "UNSTOP");

  /** What the webhook answers. */
  public enum Outcome {
    /** Understood (or ignored): answer with empty TwiML. */
    ACCEPTED,
    /** Not signed by our Twilio account (or SMS is not set up to check it): nothing changed. */
    FORBIDDEN
  }

  private final NotificationProperties.Sms settings;
  private final SmsOptOuts optOuts;
  private final MessageValues values;
  private final Clock clock;

  SmsInbound(NotificationProperties properties, SmsOptOuts optOuts, MessageValues values, Clock clock) {
    this.settings = properties.sms();
    this.optOuts = optOuts;
    this.values = values;
    this.clock = clock;
  }

  /**
   * Handles one inbound message.
   *
   * @param pathAndQuery the path Twilio called, with its query string if any; the signature covers
   *     the public URL (the one configured in Twilio), which a proxy in front of the app may hide
   */
  public Outcome receive(String pathAndQuery, Map<String, List<String>> params, @Nullable String signature) {
    String token = settings.authToken();
    if (token == null || token.isBlank()) return Outcome.FORBIDDEN;
    if (!TwilioSignature.isValid(token.strip(), values.publicUrl() + pathAndQuery, params, signature)) {
      log.warn("An inbound SMS request with a wrong signature was refused");
      return Outcome.FORBIDDEN;
    }
    String from = first(params, "From");
    String body = first(params, "Body");
    if (from == null || body == null) return Outcome.ACCEPTED;
    String number = PhoneNumbers.toE164(from, settings.defaultCountryCode()).orElse(null);
    if (number == null) return Outcome.ACCEPTED;
    String word = body.strip().replaceAll("[.!¡?¿\\s]+$", "").toUpperCase(Locale.ROOT);
    if (STOP_WORDS.contains(word)) {
      int cancelled = optOuts.optOut(number, word, clock.instant());
      log.info("A number replied {}: opted out of SMS, {} waiting message(s) cancelled", word, cancelled);
    } else if (START_WORDS.contains(word)) {
      optOuts.optIn(number);
      log.info("A number replied {}: opted back in to SMS", word);
    }
    return Outcome.ACCEPTED;
  }

  private static @Nullable String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.getFirst();
  }
}
