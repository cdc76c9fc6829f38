package org.civic311.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A new request was stored; published through the outbox in the same transaction. */
public record ServiceRequestSubmitted(
    RequestNumber number,
    String categoryCode,
    @Nullable String departmentCode,
    Channel channel,
    boolean reporterCanBeContacted,
    Instant at) {}
