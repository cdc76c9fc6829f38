package org.civic311.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes and checks the tokens of links in emails. They are keyed hashes (HMAC-SHA256, 128 bits kept)
 * with the installation's key, so nothing secret is stored per link, every node checks them alike,
 * and a token can be made again when a message is retried.
 */
@Component
class LinkSigner {

  private static final int TOKEN_BYTES = 16;

  private final JdbcClient jdbc;
  private volatile byte @Nullable [] key;

  LinkSigner(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The secret part of the unsubscribe token of one address for one request. */
  String recipientKey(RequestNumber number, String email) {
    return mac("recipient|" + number.value() + "|" + email.trim().toLowerCase(Locale.ROOT));
  }

  String unsubscribeToken(String requestNumber, String recipientKey) {
    return requestNumber + "." + recipientKey;
  }

  /** The request and recipient key of an unsubscribe token, if it has the right shape. */
  Optional<Recipient> parseUnsubscribe(String token) {
    int dot = token.indexOf('.');
    if (dot < 0 || token.length() > 64) return Optional.empty();
    String number = token.substring(0, dot);
    String recipientKey = token.substring(dot + 1);
    if (!RequestNumber.isWellFormed(number) || !recipientKey.matches("[A-Za-z0-9_-]{22}")) return Optional.empty();
    return Optional.of(new Recipient(new RequestNumber(number), recipientKey));
  }

  /** The token of a request's satisfaction survey link: the number and its signature. */
  String surveyToken(RequestNumber number) {
    return number.value() + "." + mac("survey|" + number.value());
  }

  /** The request of a survey token this installation signed; empty for anything else. */
  Optional<RequestNumber> parseSurvey(String token) {
    int dot = token.indexOf('.');
    if (dot < 0 || token.length() > 64) return Optional.empty();
    String number = token.substring(0, dot);
    if (!RequestNumber.isWellFormed(number)) return Optional.empty();
    byte[] expected = surveyToken(new RequestNumber(number)).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))
        ? Optional.of(new RequestNumber(number))
        : Optional.empty();
  }

  /** A keyed hash of a phone number in E.164: how opt-outs know a number without storing it. */
  String phoneKey(String e164) {
    return mac("phone|" + e164);
  }

  String confirmToken(UUID subscription) {
    return subscription + "." + mac("confirm|" + subscription);
  }

  Optional<UUID> parseConfirm(String token) {
    int dot = token.indexOf('.');
    if (dot < 0 || token.length() > 80) return Optional.empty();
    UUID id;
    try {
      id = UUID.fromString(token.substring(0, dot));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    byte[] expected = confirmToken(id).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII)) ? Optional.of(id) : Optional.empty();
  }

  private String mac(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] full = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, TOKEN_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      k = jdbc.sql("SELECT value FROM notifications.signing_key WHERE name = 'links'").query(byte[].class).single();
      key = k;
    }
    return k;
  }

  /** One address of one request, known only by its keyed hash. */
  record Recipient(RequestNumber number, String recipientKey) {}
}
