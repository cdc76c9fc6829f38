package org.civic311.requests.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry.Kind;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.Location;
import org.civic311.requests.Priority;
import org.civic311.requests.Refusal;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.civic311.requests.TransitionNotAllowed;
import org.jspecify.annotations.Nullable;

/**
 * The service request aggregate: it alone decides which changes its current stage allows, and records
 * each change as a pending history entry that the repository stores in the same transaction.
 */
final class ServiceRequest {

  private final UUID id;
  private final RequestNumber number;
  private final String categoryCode;
  private @Nullable String departmentCode;
  private Status status;
  private @Nullable Status statusBeforeHold;
  private @Nullable CloseReason closeReason;
  private Priority priority;
  private final Channel channel;
  private final @Nullable String description;
  private final Location location;
  private final List<String> mediaUrls;
  private final Map<String, List<String>> answers;
  private final Reporter reporter;
  private @Nullable String assignedCrew;
  private @Nullable String assignee;
  private @Nullable RequestNumber duplicateOf;
  private int followers;
  private final @Nullable String token;
  private @Nullable String statusNotes;
  private final Instant submittedAt;
  private Instant updatedAt;
  private @Nullable Instant expectedAt;
  private @Nullable Instant onHoldSince;
  private @Nullable Instant closedAt;
  private final int version;
  private final List<PendingEntry> pending = new ArrayList<>();

  ServiceRequest(
      UUID id,
      RequestNumber number,
      String categoryCode,
      @Nullable String departmentCode,
      Status status,
      @Nullable Status statusBeforeHold,
      @Nullable CloseReason closeReason,
      Priority priority,
      Channel channel,
      @Nullable String description,
      Location location,
      List<String> mediaUrls,
      Map<String, List<String>> answers,
      Reporter reporter,
      @Nullable String assignedCrew,
      @Nullable String assignee,
      @Nullable RequestNumber duplicateOf,
      int followers,
      @Nullable String token,
      @Nullable String statusNotes,
      Instant submittedAt,
      Instant updatedAt,
      @Nullable Instant expectedAt,
      @Nullable Instant onHoldSince,
      @Nullable Instant closedAt,
      int version) {
    this.id = id;
    this.number = number;
    this.categoryCode = categoryCode;
    this.departmentCode = departmentCode;
    this.status = status;
    this.statusBeforeHold = statusBeforeHold;
    this.closeReason = closeReason;
    this.priority = priority;
    this.channel = channel;
    this.description = description;
    this.location = location;
    this.mediaUrls = List.copyOf(mediaUrls);
    this.answers = Map.copyOf(answers);
    this.reporter = reporter;
    this.assignedCrew = assignedCrew;
    this.assignee = assignee;
    this.duplicateOf = duplicateOf;
    this.followers = followers;
    this.token = token;
    this.statusNotes = statusNotes;
    this.submittedAt = submittedAt;
    this.updatedAt = updatedAt;
    this.expectedAt = expectedAt;
    this.onHoldSince = onHoldSince;
    this.closedAt = closedAt;
    this.version = version;
  }

  /** A new request in stage NEW with its first history entry. */
  static ServiceRequest submit(
      UUID id,
      RequestNumber number,
      ValidSubmission submission,
      @Nullable String departmentCode,
      @Nullable String token,
      Instant now,
      @Nullable Instant expectedAt,
      Actor actor) {
    ServiceRequest request =
        new ServiceRequest(
            id,
            number,
            submission.categoryCode(),
            departmentCode,
            Status.NEW,
            null,
            null,
            Priority.NORMAL,
            submission.channel(),
            submission.description(),
            submission.location(),
            submission.mediaUrls(),
            submission.answers(),
            submission.reporter(),
            null,
            null,
            null,
            0,
            token,
            null,
            now,
            now,
            expectedAt,
            null,
            null,
            0);
    request.record(Kind.SUBMITTED, Status.NEW, true, null, actor, now);
    return request;
  }

  /** Applies a change to a request whose category has no SLA target. */
  void apply(RequestChange change, Actor actor, Instant now) {
    apply(change, actor, now, DueDatePolicy.SlaClock.none());
  }

  /**
   * Applies a change if the current stage allows it; otherwise nothing changes. The SLA clock pauses
   * while the request is on hold, and a reopened request gets a new due date from the reopening.
   */
  void apply(RequestChange change, Actor actor, Instant now, DueDatePolicy.SlaClock sla) {
    Status before = status;
    switch (change) {
      case RequestChange.Acknowledge(String message) -> {
        requireStage(before == Status.NEW, Refusal.ACKNOWLEDGE_NOT_NEW, number.value(), before);
        moveTo(Status.ACKNOWLEDGED, Kind.ACKNOWLEDGED, true, message, actor, now);
      }
      case RequestChange.Assign(String crew, String person) -> {
        requireOpen(Refusal.ASSIGN_NOT_OPEN);
        requireStage(before != Status.ON_HOLD, Refusal.ASSIGN_ON_HOLD, number.value());
        if (isBlank(crew) && isBlank(person)) {
          throw invalid("assignment", Refusal.ASSIGNMENT_MISSING);
        }
        assignedCrew = blankToNull(crew);
        assignee = blankToNull(person);
        // The public learns which crew has it; a staff member's name stays on the request for staff only.
        String publicText = assignedCrew != null ? "Assigned to " + assignedCrew : "Assigned to a member of staff";
        moveTo(Status.ASSIGNED, Kind.ASSIGNED, true, publicText, actor, now);
      }
      case RequestChange.StartWork(String message) -> {
        requireOpen(Refusal.START_WORK_NOT_OPEN);
        requireStage(
            before == Status.NEW || before == Status.ACKNOWLEDGED || before == Status.ASSIGNED,
            Refusal.START_WORK_WRONG_STAGE,
            number.value(),
            before);
        moveTo(Status.IN_PROGRESS, Kind.WORK_STARTED, true, message, actor, now);
      }
      case RequestChange.PutOnHold(String reason) -> {
        requireOpen(Refusal.HOLD_NOT_OPEN);
        requireStage(before != Status.ON_HOLD, Refusal.HOLD_ALREADY_ON_HOLD, number.value());
        requireText(reason, "reason", Refusal.HOLD_REASON_MISSING);
        statusBeforeHold = before;
        onHoldSince = now;
        moveTo(Status.ON_HOLD, Kind.PUT_ON_HOLD, true, reason, actor, now);
      }
      case RequestChange.Resume() -> {
        requireStage(before == Status.ON_HOLD, Refusal.RESUME_NOT_ON_HOLD, number.value());
        Status back = statusBeforeHold == null ? Status.ACKNOWLEDGED : statusBeforeHold;
        statusBeforeHold = null;
        if (onHoldSince != null && expectedAt != null) expectedAt = sla.afterHold(expectedAt, onHoldSince, now);
        onHoldSince = null;
        moveTo(back, Kind.RESUMED, true, null, actor, now);
      }
      case RequestChange.Resolve(String message) -> {
        requireOpen(Refusal.RESOLVE_NOT_OPEN);
        requireText(message, "message", Refusal.RESOLUTION_MESSAGE_MISSING);
        closeReason = CloseReason.COMPLETED;
        closedAt = now;
        statusBeforeHold = null;
        onHoldSince = null;
        moveTo(Status.RESOLVED, Kind.RESOLVED, true, message, actor, now);
      }
      case RequestChange.Close(CloseReason reason, String message) -> {
        requireStage(before != Status.CLOSED, Refusal.CLOSE_ALREADY_CLOSED, number.value());
        closeReason = reason;
        if (closedAt == null) closedAt = now;
        statusBeforeHold = null;
        onHoldSince = null;
        moveTo(Status.CLOSED, Kind.CLOSED, true, message, actor, now);
      }
      case RequestChange.Reopen(String comment) -> {
        requireStage(!before.isOpen(), Refusal.REOPEN_STILL_OPEN, number.value());
        requireText(comment, "comment", Refusal.REOPEN_COMMENT_MISSING);
        closeReason = null;
        closedAt = null;
        duplicateOf = null;
        // A reopened request starts a new SLA clock: the old due date passed or no longer means anything.
        expectedAt = sla.dueFrom(now);
        moveTo(Status.NEW, Kind.REOPENED, true, comment, actor, now);
      }
      case RequestChange.MarkDuplicate(RequestNumber parent) -> {
        requireOpen(Refusal.MERGE_NOT_OPEN);
        if (parent.equals(number)) throw invalid("parent", Refusal.DUPLICATE_OF_ITSELF);
        duplicateOf = parent;
        closeReason = CloseReason.DUPLICATE;
        closedAt = now;
        statusBeforeHold = null;
        onHoldSince = null;
        moveTo(
            Status.CLOSED,
            Kind.MARKED_DUPLICATE,
            true,
            "Closed as a duplicate of " + parent.value() + ", where the work is followed.",
            actor,
            now);
      }
      case RequestChange.ChangePriority(Priority newPriority) -> {
        requireOpen(Refusal.PRIORITY_NOT_OPEN);
        priority = newPriority;
        record(Kind.PRIORITY_CHANGED, status, false, "Priority " + newPriority, actor, now);
      }
      case RequestChange.Reroute(String department, String reason) -> {
        requireOpen(Refusal.REROUTE_NOT_OPEN);
        requireText(reason, "reason", Refusal.REROUTE_REASON_MISSING);
        if (department.equals(departmentCode)) {
          throw invalid("department", Refusal.REROUTE_SAME_DEPARTMENT, department);
        }
        departmentCode = department;
        assignedCrew = null;
        assignee = null;
        record(Kind.REROUTED, status, false, "Re-routed to " + department + ": " + reason, actor, now);
      }
      case RequestChange.PostPublicUpdate(String message) -> {
        requireText(message, "message", Refusal.UPDATE_TEXT_MISSING);
        record(Kind.PUBLIC_UPDATE, status, true, message, actor, now);
      }
      case RequestChange.AddInternalNote(String note) -> {
        requireText(note, "note", Refusal.NOTE_TEXT_MISSING);
        record(Kind.INTERNAL_NOTE, status, false, note, actor, now);
      }
      case RequestChange.Follow() -> {
        requireOpen(Refusal.FOLLOW_NOT_OPEN);
        followers++;
        record(Kind.FOLLOWED, status, false, null, actor, now);
      }
      case RequestChange.ResolveWithPhotos(String message, List<String> photos) -> {
        apply(new RequestChange.Resolve(message), actor, now, sla);
        // The photos belong to the entry the resolution just recorded.
        PendingEntry resolved = pending.removeLast();
        pending.add(resolved.withMedia(photos));
      }
    }
  }

  private void moveTo(Status next, Kind kind, boolean isPublic, @Nullable String text, Actor actor, Instant now) {
    status = next;
    record(kind, next, isPublic, blankToNull(text), actor, now);
  }

  private void record(Kind kind, Status after, boolean isPublic, @Nullable String text, Actor actor, Instant now) {
    updatedAt = now;
    if (isPublic && text != null) statusNotes = text;
    pending.add(new PendingEntry(kind, after, isPublic, text, actor, now, after.isOpen() ? null : closeReason));
  }

  private void requireOpen(Refusal refusal) {
    if (!status.isOpen()) throw new TransitionNotAllowed(status, refusal, number.value(), status);
  }

  private void requireStage(boolean allowed, Refusal refusal, Object... args) {
    if (!allowed) throw new TransitionNotAllowed(status, refusal, args);
  }

  private static void requireText(@Nullable String text, String field, Refusal refusal) {
    if (isBlank(text)) throw invalid(field, refusal);
  }

  private static InvalidServiceRequest invalid(String field, Refusal refusal, Object... args) {
    return new InvalidServiceRequest(
        new InvalidServiceRequest.Violation(field, InvalidServiceRequest.Kind.MISSING, refusal, args));
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return isBlank(s) ? null : s.strip();
  }


  /** Changes not stored yet; the repository drains them. */
  List<PendingEntry> pendingEntries() {
    return List.copyOf(pending);
  }

  void clearPending() {
    pending.clear();
  }

  /** A change waiting to be stored as a history entry. */
  record PendingEntry(
      Kind kind,
      Status statusAfter,
      boolean isPublic,
      @Nullable String text,
      Actor actor,
      Instant at,
      @Nullable CloseReason closeReason,
      List<String> mediaUrls) {

    PendingEntry(
        Kind kind, Status statusAfter, boolean isPublic, @Nullable String text, Actor actor, Instant at,
        @Nullable CloseReason closeReason) {
      this(kind, statusAfter, isPublic, text, actor, at, closeReason, List.of());
    }

    PendingEntry withMedia(List<String> urls) {
      return new PendingEntry(kind, statusAfter, isPublic, text, actor, at, closeReason, List.copyOf(urls));
    }
  }

  UUID id() { return id; }
  RequestNumber number() { return number; }
  String categoryCode() { return categoryCode; }
  @Nullable String departmentCode() { return departmentCode; }
  Status status() { return status; }
  @Nullable Status statusBeforeHold() { return statusBeforeHold; }
  @Nullable CloseReason closeReason() { return closeReason; }
  Priority priority() { return priority; }
  Channel channel() { return channel; }
  @Nullable String description() { return description; }
  Location location() { return location; }
  List<String> mediaUrls() { return mediaUrls; }
  Map<String, List<String>> answers() { return answers; }
  Reporter reporter() { return reporter; }
  @Nullable String assignedCrew() { return assignedCrew; }
  @Nullable String assignee() { return assignee; }
  @Nullable RequestNumber duplicateOf() { return duplicateOf; }
  int followers() { return followers; }
  @Nullable String token() { return token; }
  @Nullable String statusNotes() { return statusNotes; }
  Instant submittedAt() { return submittedAt; }
  Instant updatedAt() { return updatedAt; }
  @Nullable Instant expectedAt() { return expectedAt; }
  @Nullable Instant onHoldSince() { return onHoldSince; }
  @Nullable Instant closedAt() { return closedAt; }
  int version() { return version; }

  /** Adds followers merged in from a duplicate. */
  void addFollowers(int count, Actor actor, Instant now) {
    followers += count;
    record(Kind.FOLLOWED, status, false, count + " follower(s) from a merged duplicate", actor, now);
  }
}
