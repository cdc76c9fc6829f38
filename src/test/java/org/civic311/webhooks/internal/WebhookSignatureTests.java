package org.civic311.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

  private static final String BODY = "{\"type\":\"request.submitted\"}";

  @Test
  void the_signature_is_hmac_sha256_of_timestamp_dot_body_as_any_language_computes_it() {
    // Computed independently with Python: hmac.new(b'whsec_test', b'1700000000.' + body, sha256).hexdigest()
    assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY))
        .isEqualTo("v1=c5613150c22a753660f2a68b4ed993849f11d943a663f5226ad4184ea95c4b67");
  }

  @Test
  void a_receiver_refuses_a_changed_body_an_old_timestamp_or_another_secret() {
    String signature = WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY);
    assertThat(WebhookSignature.verify("whsec_test", 1_700_000_000L, BODY, signature)).isTrue();
    assertThat(WebhookSignature.verify("whsec_test", 1_700_000_000L, BODY.replace("submitted", "closed"), signature)).isFalse();
    assertThat(WebhookSignature.verify("whsec_test", 1_700_000_001L, BODY, signature)).isFalse();
    assertThat(WebhookSignature.verify("whsec_other", 1_700_000_000L, BODY, signature)).isFalse();
  }
}
