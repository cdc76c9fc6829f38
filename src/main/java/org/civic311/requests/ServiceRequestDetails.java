package org.civic311.requests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as the public may see it: no reporter contact. Staff views add {@link Reporter} through
 * {@link ServiceRequests#reporterOf}.
 *
 * @param statusNotes the latest public message
 * @param history public entries only, oldest first; empty when not asked for
 */
public record ServiceRequestDetails(
    RequestNumber number,
    String categoryCode,
    Status status,
    @Nullable CloseReason closeReason,
    Priority priority,
    Channel channel,
    @Nullable String departmentCode,
    @Nullable String description,
    Location location,
    List<String> mediaUrls,
    Map<String, List<String>> answers,
    Instant requestedAt,
    Instant updatedAt,
    @Nullable Instant expectedAt,
    @Nullable Instant closedAt,
    @Nullable String statusNotes,
    @Nullable RequestNumber duplicateOf,
    int followers,
    @Nullable String assignedCrew,
    List<HistoryEntry> history) {

  /**
   * Whether a queue should flag it overdue at {@code now}: open, not on hold (its clock is paused) and
   * past its expected date.
   */
  public boolean overdueAt(Instant now) {
    return status.isOpen() && status != Status.ON_HOLD && expectedAt != null && expectedAt.isBefore(now);
  }
}
