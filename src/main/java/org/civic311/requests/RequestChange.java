package org.civic311.requests;

import org.jspecify.annotations.Nullable;

/**
 * A change staff, crews, residents or city systems make to a request. The aggregate decides whether
 * it is allowed in the request's current stage.
 */
public sealed interface RequestChange {

  /** Someone in the department has seen it. */
  record Acknowledge(@Nullable String publicMessage) implements RequestChange {}

  /** Given to a crew and/or a person. */
  record Assign(@Nullable String crew, @Nullable String assignee) implements RequestChange {}

  /** Work has started (a crew is on site, an inspector is on it). */
  record StartWork(@Nullable String publicMessage) implements RequestChange {}

  /** Waiting on something outside the department's control; the SLA clock pauses. */
  record PutOnHold(String reason) implements RequestChange {}

  /** Back from hold to where it was. */
  record Resume() implements RequestChange {}

  /** Fixed; the message tells the resident what was done. */
  record Resolve(String publicMessage) implements RequestChange {}

  /** Finished with a reason; a message to the resident is optional. */
  record Close(CloseReason reason, @Nullable String publicMessage) implements RequestChange {}

  /** Not fixed after all: back to the department with the reason. */
  record Reopen(String comment) implements RequestChange {}

  /** Closes this request as a duplicate of another open or recent one. */
  record MarkDuplicate(RequestNumber parent) implements RequestChange {}

  record ChangePriority(Priority priority) implements RequestChange {}

  /** Sent to another department, with the reason kept internal. */
  record Reroute(String departmentCode, String reason) implements RequestChange {}

  /** A message to the resident and the public that does not change the stage. */
  record PostPublicUpdate(String message) implements RequestChange {}

  /** A note only staff see. */
  record AddInternalNote(String note) implements RequestChange {}

  /** A resident says "me too": one more person wants to hear about it. */
  record Follow() implements RequestChange {}

  /**
   * Fixed, with photos of the finished work (a crew's "done"): resolves like {@link Resolve}, and the
   * photos stay with this history entry.
   */
  record ResolveWithPhotos(String publicMessage, java.util.List<String> mediaUrls) implements RequestChange {
    public ResolveWithPhotos {
      mediaUrls = java.util.List.copyOf(mediaUrls);
    }
  }
}
