package org.civic311.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): the full URL Twilio called, followed by
 * every POST parameter's name and value sorted by name, signed with HMAC-SHA1 keyed by the account's
 * auth token, in Base64. A request that does not carry the right one did not come from Twilio.
 */
final class TwilioSignature {

  private TwilioSignature() {}

  static String of(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    for (Map.Entry<String, List<String>> p : new TreeMap<>(params).entrySet()) {
      List<String> values = new ArrayList<>(p.getValue());
      values.sort(null);
      for (String value : values) data.append(p.getKey()).append(value);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }

  /** Whether {@code signature} is the right one, compared in constant time. */
  static boolean isValid(String authToken, String url, Map<String, List<String>> params, @Nullable String signature) {
    if (signature == null || signature.isBlank()) return false;
    byte[] expected = of(authToken, url, params).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
