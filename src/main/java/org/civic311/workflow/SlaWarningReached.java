package org.civic311.workflow;

import java.time.Instant;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;

/**
 * Most of a request's SLA target time has passed (the share set by {@code
 * civic311.workflow.escalation.warn-at}): the department's dispatcher should act. Published once per
 * request and SLA clock.
 *
 * @param dueAt the request's due date
 */
public record SlaWarningReached(
    RequestNumber number, String categoryCode, @Nullable String departmentCode, Instant dueAt) {}
