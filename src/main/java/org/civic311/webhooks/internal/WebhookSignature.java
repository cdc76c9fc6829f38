package org.civic311.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: HMAC-SHA256 over {@code <timestamp>.<body>} with the endpoint's secret,
 * sent as {@code Civic311-Signature: v1=<hex>}. The timestamp is in the signed text so a receiver can
 * refuse an old delivery replayed by someone who captured it.
 */
final class WebhookSignature {

  static final String VERSION = "v1=";

  static String sign(String secret, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return VERSION + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** What a receiver does; used by the tests and shown in docs/webhooks.md. */
  static boolean verify(String secret, long timestampSeconds, String body, String signatureHeader) {
    byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.UTF_8));
  }

  private WebhookSignature() {}
}
