package org.civic311.requests;

import org.jspecify.annotations.Nullable;

/**
 * A request changed on another app node; published on this node when PostgreSQL delivers that node's
 * notification, after the change committed. Pages open on this node use it to refresh; nothing else
 * should, since a notification can be lost (see {@link ChangesElsewhere}).
 *
 * @param historyEntryId the entry that records the change
 * @param stage the request's stage after the change (a {@link Status} name)
 * @param publicChange whether residents may see it (false for internal notes and re-routing)
 */
public record ServiceRequestChangedElsewhere(
    RequestNumber number, @Nullable String departmentCode, long historyEntryId, String stage, boolean publicChange) {}
