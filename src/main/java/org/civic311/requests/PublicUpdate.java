package org.civic311.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A public change to a request, for feeds of updates (the mySociety servicerequestupdates extension).
 *
 * @param updateId the history entry id
 */
public record PublicUpdate(
    long updateId,
    RequestNumber number,
    Status status,
    @Nullable CloseReason closeReason,
    HistoryEntry.Kind kind,
    Instant at,
    @Nullable String description) {}
