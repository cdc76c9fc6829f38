package org.civic311.requests.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers the Idempotency-Key of client submissions. Claiming a key inserts it in the submitting
 * transaction: a concurrent retry with the same key waits on the unique index until the first commits,
 * then finds its request instead of creating a second one.
 */
@Component
class IdempotencyKeys {

  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when this transaction owns the key; false when an earlier submission already used it. */
  boolean claim(String scope, String key, String fingerprint, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO requests.idempotency_key (scope, key, fingerprint, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            .params(scope, key, fingerprint, Timestamp.from(now))
            .update()
        == 1;
  }

  void attach(String scope, String key, UUID requestId) {
    jdbc.sql("UPDATE requests.idempotency_key SET request_id = ? WHERE scope = ? AND key = ?")
        .params(requestId, scope, key)
        .update();
  }

  Optional<Earlier> earlier(String scope, String key) {
    return jdbc.sql(
            """
            SELECT k.fingerprint, r.number, r.token FROM requests.idempotency_key k
            JOIN requests.service_request r ON r.id = k.request_id WHERE k.scope = ? AND k.key = ?
            """)
        .params(scope, key)
        .query((rs, i) -> new Earlier(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  record Earlier(String fingerprint, String number, @Nullable String token) {}
}
