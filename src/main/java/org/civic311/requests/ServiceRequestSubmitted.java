package org.civic311.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A new request was stored; published in the same transaction.
 *
 * @param reporterCanBeContacted whether the reporter left an email address or a phone number
 */
public record ServiceRequestSubmitted(
    RequestNumber number,
    String categoryCode,
    @Nullable String departmentCode,
    Channel channel,
    boolean reporterCanBeContacted,
    Instant at) {}
