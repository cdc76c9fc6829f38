package org.civic311.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An open request with a due date, as SLA escalation and overdue queues need it.
 *
 * @param dueAt the request's expected date (Open311 {@code expected_datetime}), moved by holds
 */
public record DueRequest(
    RequestNumber number,
    String categoryCode,
    @Nullable String departmentCode,
    Status status,
    Priority priority,
    Instant dueAt) {}
