package org.civic311.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an admin sees of a key: never its secret. */
public record ApiKeySummary(
    String keyId,
    String clientName,
    Instant createdAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt,
    Set<ApiKeyScope> scopes) {

  public ApiKeySummary {
    scopes = Set.copyOf(scopes);
  }

  /** A summary of a key with the {@linkplain ApiKeyScope#DEFAULT default scopes}. */
  public ApiKeySummary(String keyId, String clientName, Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
    this(keyId, clientName, createdAt, lastUsedAt, revokedAt, ApiKeyScope.DEFAULT);
  }
}
