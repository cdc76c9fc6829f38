package org.civic311.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the audit log as read back. */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String action,
    @Nullable String target,
    @Nullable String detail,
    @Nullable String from) {}
