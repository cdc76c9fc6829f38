package org.civic311.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What an admin sees of a key: never its secret. */
public record ApiKeySummary(
    String keyId, String clientName, Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {}
