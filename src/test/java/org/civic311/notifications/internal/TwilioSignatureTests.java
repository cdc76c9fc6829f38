package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Twilio's request signature, against values computed outside this code with
 * {@code printf '%s' "$url$sortedParams" | openssl dgst -sha1 -hmac "$token" -binary | base64}.
 */
class TwilioSignatureTests {

  @Test
  void the_example_of_twilios_documentation_gets_its_signature() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("Digits", List.of("1234"));
    params.put("To", List.of("+18005551212"));
    params.put("From", List.of("+12349013030"));
    params.put("Caller", List.of("+12349013030"));
    params.put("CallSid", List.of("CA1234567890ABCDE"));
    String url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    assertThat(TwilioSignature.of("12345", url, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    assertThat(TwilioSignature.isValid("12345", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
  }

  @Test
  void an_inbound_stop_is_signed_over_the_public_url_and_sorted_fields() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("To", List.of("+12135550100"));
    params.put("From", List.of("+14155550100"));
    params.put("Body", List.of("STOP"));
    params.put("MessageSid", List.of("SM11111111111111111111111111111111"));
    params.put("AccountSid", List.of("AC00000000000000000000000000000000"));
    String url = "https://311.springfield.example.gov/notifications/sms/inbound";

    assertThat(TwilioSignature.isValid("test-auth-token", url, params, "ImCEqQPyWjjCyj71Qs80L6Jrxkw=")).isTrue();
    assertThat(TwilioSignature.isValid("other-token", url, params, "ImCEqQPyWjjCyj71Qs80L6Jrxkw=")).isFalse();
    assertThat(TwilioSignature.isValid("test-auth-token", url + "?x=1", params, "ImCEqQPyWjjCyj71Qs80L6Jrxkw=")).isFalse();
    params.put("Body", List.of("START"));
    assertThat(TwilioSignature.isValid("test-auth-token", url, params, "ImCEqQPyWjjCyj71Qs80L6Jrxkw=")).isFalse();
    assertThat(TwilioSignature.isValid("test-auth-token", url, params, null)).isFalse();
  }
}
