package org.civic311.identity.internal;

import org.civic311.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.civic311.identity.ApiClient;
import org.civic311.identity.ApiKeyScope;
import org.civic311.identity.ApiKeySummary;
import org.civic311.identity.ApiKeys;
import org.civic311.identity.IssuedApiKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "civic311.bootstrap-api-key=" + StoredApiKeysTests.BOOTSTRAP_SECRET)
class StoredApiKeysTests {

  static final String BOOTSTRAP_SECRET = "bootstrap-secret-for-tests-0123456789";

  @Autowired ApiKeys apiKeys;
  @Autowired JdbcClient jdbc;

  @Test
  void a_created_key_authenticates_its_client() {
    IssuedApiKey issued = apiKeys.create("  FixMyStreet Springfield ");

    assertThat(issued.keyId()).matches("k_[0-9a-f]{8}");
    assertThat(issued.secret()).startsWith("c311_").hasSize(5 + 43);
    assertThat(issued.clientName()).isEqualTo("FixMyStreet Springfield");
    assertThat(apiKeys.authenticate(issued.secret()))
        .contains(new ApiClient(issued.keyId(), "FixMyStreet Springfield"));
  }

  @Test
  void a_key_has_the_default_scopes_unless_created_with_others() {
    IssuedApiKey plain = apiKeys.create("Plain client");
    IssuedApiKey integration = apiKeys.create("Asset system", java.util.Set.of(ApiKeyScope.INTEGRATION));

    assertThat(apiKeys.authenticate(plain.secret()).orElseThrow().scopes()).containsExactlyInAnyOrder(ApiKeyScope.OPEN311_POST, ApiKeyScope.OPEN311_UPDATES);
    ApiClient limited = apiKeys.authenticate(integration.secret()).orElseThrow();
    assertThat(limited.may(ApiKeyScope.INTEGRATION)).isTrue();
    assertThat(limited.may(ApiKeyScope.OPEN311_POST)).isFalse();
    assertThat(apiKeys.list()).filteredOn(k -> k.keyId().equals(integration.keyId())).singleElement()
        .satisfies(k -> assertThat(k.scopes()).containsExactly(ApiKeyScope.INTEGRATION));
    assertThatThrownBy(() -> apiKeys.create("Nothing", java.util.Set.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_key_stored_before_scopes_existed_keeps_posting_requests_and_updates() {
    String secret = "c311_key-from-before-scopes-0123456789";
    jdbc.sql("insert into identity.api_key (id, client_name, secret_hash, created_at) values ('k_0a0b0c0d', 'Old client', ?, now())")
        .param(StoredApiKeys.sha256(secret))
        .update();

    assertThat(apiKeys.authenticate(secret).orElseThrow().scopes()).isEqualTo(ApiKeyScope.DEFAULT);
  }

  @Test
  void a_wrong_or_empty_key_does_not_authenticate() {
    IssuedApiKey issued = apiKeys.create("Work order system");

    assertThat(apiKeys.authenticate(issued.secret() + "x")).isEmpty();
    assertThat(apiKeys.authenticate(issued.secret().substring(0, issued.secret().length() - 1))).isEmpty();
    assertThat(apiKeys.authenticate("")).isEmpty();
    assertThat(apiKeys.authenticate("c311_" + "A".repeat(5000))).isEmpty();
  }

  @Test
  void a_revoked_key_no_longer_authenticates_even_when_it_was_cached() {
    IssuedApiKey issued = apiKeys.create("Old app");
    assertThat(apiKeys.authenticate(issued.secret())).isPresent();

    assertThat(apiKeys.revoke(issued.keyId())).isTrue();

    assertThat(apiKeys.authenticate(issued.secret())).isEmpty();
    assertThat(apiKeys.revoke(issued.keyId())).as("already revoked").isFalse();
    assertThat(apiKeys.revoke("k_00000000")).as("unknown").isFalse();
  }

  @Test
  void the_list_shows_every_key_without_its_secret() {
    IssuedApiKey active = apiKeys.create("Listed app");
    IssuedApiKey revoked = apiKeys.create("Listed and revoked");
    apiKeys.revoke(revoked.keyId());

    List<ApiKeySummary> keys = apiKeys.list();

    assertThat(keys).extracting(ApiKeySummary::keyId).contains(active.keyId(), revoked.keyId());
    ApiKeySummary summary = keys.stream().filter(k -> k.keyId().equals(revoked.keyId())).findFirst().orElseThrow();
    assertThat(summary.clientName()).isEqualTo("Listed and revoked");
    assertThat(summary.revokedAt()).isNotNull();
    assertThat(keys.toString()).doesNotContain(active.secret());
  }

  @Test
  void the_secret_is_not_stored_in_clear() {
    IssuedApiKey issued = apiKeys.create("Hash check");

    List<String> stored =
        jdbc.sql("select row(k.*)::text from identity.api_key k where id = ?")
            .param(issued.keyId())
            .query(String.class)
            .list();
    byte[] hash =
        jdbc.sql("select secret_hash from identity.api_key where id = ?")
            .param(issued.keyId())
            .query(byte[].class)
            .single();

    assertThat(stored).singleElement().asString().doesNotContain(issued.secret().substring(5));
    assertThat(hash).isEqualTo(StoredApiKeys.sha256(issued.secret()));
  }

  @Test
  void ensure_exists_is_idempotent() {
    String secret = "deployment-key-" + System.nanoTime();

    ApiClient first = apiKeys.ensureExists(secret, "deployer");
    ApiClient second = apiKeys.ensureExists(secret, "another name");

    assertThat(second).isEqualTo(first);
    assertThat(apiKeys.authenticate(secret)).contains(first);
    assertThat(apiKeys.list()).filteredOn(k -> k.keyId().equals(first.keyId())).hasSize(1);
  }

  @Test
  void the_bootstrap_key_exists_after_start() {
    assertThat(apiKeys.authenticate(BOOTSTRAP_SECRET)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("bootstrap"));
  }

  @Test
  void a_short_bootstrap_key_stops_the_start_up_with_a_clear_message() {
    assertThatThrownBy(() -> new BootstrapApiKey(apiKeys, "too-short"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CIVIC311_BOOTSTRAP_API_KEY")
        .hasMessageContaining("at least 16")
        .hasMessageNotContaining("too-short");
  }

  @Test
  void last_used_is_written_at_most_once_a_minute() {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-22T10:00:00Z"));
    StoredApiKeys keys = new StoredApiKeys(jdbc, clock);
    IssuedApiKey issued = keys.create("Busy client");
    assertThat(lastUsed(issued.keyId())).isNull();

    keys.authenticate(issued.secret());
    assertThat(lastUsed(issued.keyId())).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));

    clock.advance(Duration.ofSeconds(59));
    keys.authenticate(issued.secret());
    assertThat(lastUsed(issued.keyId())).as("not written again within the minute").isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));

    clock.advance(Duration.ofSeconds(2));
    keys.authenticate(issued.secret());
    assertThat(lastUsed(issued.keyId())).isEqualTo(Instant.parse("2026-11-22T10:01:01Z"));
  }

  @Test
  void a_cached_key_needs_no_database_until_the_cache_expires() {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-22T10:00:00Z"));
    StoredApiKeys keys = new StoredApiKeys(jdbc, clock);
    IssuedApiKey issued = keys.create("Cached client");
    keys.authenticate(issued.secret());
    // Revoked behind this node's back, as another node would do it.
    jdbc.sql("update identity.api_key set revoked_at = now() where id = ?").param(issued.keyId()).update();

    assertThat(keys.authenticate(issued.secret())).as("served from the cache").isPresent();
    clock.advance(StoredApiKeys.CACHE_FOR);
    assertThat(keys.authenticate(issued.secret())).as("re-checked after the cache time").isEmpty();
  }

  private Instant lastUsed(String keyId) {
    return jdbc.sql("select last_used_at from identity.api_key where id = ?")
        .param(keyId)
        .query((rs, row) -> java.util.Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
        .single()
        .map(OffsetDateTime::toInstant)
        .orElse(null);
  }
}
