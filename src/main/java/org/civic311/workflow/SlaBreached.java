package org.civic311.workflow;

import java.time.Instant;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;

/**
 * A request passed its due date while open: its priority was raised one step and the department's
 * supervisor should be told. Published once per request and SLA clock.
 *
 * @param dueAt the due date that passed
 * @param priority the request's priority after the raise
 */
public record SlaBreached(
    RequestNumber number, String categoryCode, @Nullable String departmentCode, Instant dueAt, Priority priority) {}
