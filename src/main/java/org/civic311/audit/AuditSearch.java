package org.civic311.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters for the audit log; nulls mean any.
 *
 * @param actor exact staff email, any case
 * @param action words the action contains
 * @param target exact target (a request number, an email)
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 * @param beforeId for paging: only entries older than this id
 * @param limit at most this many, 1 to 500
 */
public record AuditSearch(
    @Nullable String actor,
    @Nullable String action,
    @Nullable String target,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable Long beforeId,
    int limit) {

  public AuditSearch {
    if (limit < 1 || limit > 500) throw new IllegalArgumentException("limit must be 1 to 500");
  }

  public static AuditSearch latest(int limit) {
    return new AuditSearch(null, null, null, null, null, null, limit);
  }
}
