package org.civic311.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One request in a staff queue: what a dispatcher scans in a row, never the reporter's contact.
 *
 * @param overdue open, not on hold, and past its due date at the query's {@code asOf}
 */
public record QueueRow(
    RequestNumber number,
    String categoryCode,
    Status status,
    Priority priority,
    @Nullable String departmentCode,
    @Nullable String address,
    @Nullable Double latitude,
    @Nullable Double longitude,
    @Nullable String description,
    Instant submittedAt,
    Instant updatedAt,
    @Nullable Instant expectedAt,
    boolean overdue,
    int followers,
    @Nullable String assignedCrew,
    @Nullable String assignee) {}
