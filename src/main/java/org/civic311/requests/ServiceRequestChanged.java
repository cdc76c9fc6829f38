package org.civic311.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request changed: acknowledged, assigned, work started, resolved, closed, reopened, merged, a public
 * update or note. Published through the outbox in the same transaction as the change.
 *
 * @param historyEntryId the entry that records it
 * @param publicChange whether residents may see it (false for internal notes and re-routing)
 */
public record ServiceRequestChanged(
    RequestNumber number,
    String categoryCode,
    @Nullable String departmentCode,
    HistoryEntry.Kind kind,
    Status from,
    Status to,
    boolean publicChange,
    long historyEntryId,
    Instant at) {}
