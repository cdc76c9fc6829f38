package org.civic311.open311.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.PublicUpdate;
import org.civic311.requests.RequestChange;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;

/**
 * mySociety's extended statuses (FixMyStreet {@code extended_statuses}): lower case in the updates
 * feed, UPPER CASE when a city system posts an update.
 */
enum ExtendedStatus {
  OPEN,
  INVESTIGATING,
  PLANNED,
  ACTION_SCHEDULED,
  IN_PROGRESS,
  FIXED,
  CLOSED,
  DUPLICATE,
  NOT_COUNCILS_RESPONSIBILITY,
  NO_FURTHER_ACTION,
  INTERNAL_REFERRAL,
  CANCELLED,
  REOPEN,
  FOR_TRIAGE;

  String open311() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<ExtendedStatus> parse(String value) {
    try {
      return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String allowed() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** The status an update shows in the feed, from the stage it left the request in. */
  static ExtendedStatus of(PublicUpdate update) {
    if (update.kind() == HistoryEntry.Kind.REOPENED) return REOPEN;
    if (update.kind() == HistoryEntry.Kind.MARKED_DUPLICATE) return DUPLICATE;
    return switch (update.status()) {
      case NEW -> OPEN;
      case ACKNOWLEDGED -> INVESTIGATING;
      case ASSIGNED -> ACTION_SCHEDULED;
      case IN_PROGRESS -> IN_PROGRESS;
      // Waiting on something outside the department: the work is planned, not under way.
      case ON_HOLD -> PLANNED;
      case RESOLVED -> FIXED;
      case CLOSED -> closed(update.closeReason());
    };
  }

  private static ExtendedStatus closed(@Nullable CloseReason reason) {
    if (reason == null) return CLOSED;
    return switch (reason) {
      case COMPLETED -> CLOSED;
      case DUPLICATE -> DUPLICATE;
      case NOT_OUR_RESPONSIBILITY -> NOT_COUNCILS_RESPONSIBILITY;
      case REFERRED -> INTERNAL_REFERRAL;
      case CANCELLED -> CANCELLED;
      case NO_FURTHER_ACTION -> NO_FURTHER_ACTION;
    };
  }

  /**
   * The change a posted update asks for, given the stage the request is in now. OPEN, INVESTIGATING
   * and PLANNED acknowledge a new request; a request already past that stage cannot go back, so for it
   * they become a public update that keeps the message (and says the status when there is none). The
   * same holds for any status the request already has (IN_PROGRESS twice, FIXED on a resolved request,
   * CLOSED on a closed one).
   */
  RequestChange toChange(Status current, @Nullable String description) {
    if (alreadyThere(current)) {
      // A city system (or FixMyStreet relaying a comment) repeats the status the request already has:
      // the message is the news, not the status, so keep it instead of refusing the whole update.
      return new RequestChange.PostPublicUpdate(orElse(description, sentence()));
    }
    return switch (this) {
      case FIXED -> new RequestChange.Resolve(orElse(description, "Fixed."));
      case CLOSED -> new RequestChange.Close(CloseReason.COMPLETED, description);
      case IN_PROGRESS, ACTION_SCHEDULED -> new RequestChange.StartWork(description);
      case OPEN, INVESTIGATING, PLANNED ->
          current == Status.NEW
              ? new RequestChange.Acknowledge(description)
              : new RequestChange.PostPublicUpdate(orElse(description, sentence()));
      case DUPLICATE -> new RequestChange.Close(CloseReason.DUPLICATE, description);
      case NOT_COUNCILS_RESPONSIBILITY -> new RequestChange.Close(CloseReason.NOT_OUR_RESPONSIBILITY, description);
      case NO_FURTHER_ACTION -> new RequestChange.Close(CloseReason.NO_FURTHER_ACTION, description);
      case INTERNAL_REFERRAL -> new RequestChange.Close(CloseReason.REFERRED, description);
      case CANCELLED -> new RequestChange.Close(CloseReason.CANCELLED, description);
      case REOPEN -> new RequestChange.Reopen(orElse(description, "Reopened."));
      case FOR_TRIAGE -> new RequestChange.PostPublicUpdate(orElse(description, sentence()));
    };
  }

  /** Whether the request is already where this status would take it. */
  private boolean alreadyThere(Status current) {
    return switch (this) {
      case FIXED -> current == Status.RESOLVED || current == Status.CLOSED;
      case CLOSED, DUPLICATE, NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, INTERNAL_REFERRAL, CANCELLED ->
          current == Status.CLOSED;
      case IN_PROGRESS, ACTION_SCHEDULED -> current == Status.IN_PROGRESS;
      case OPEN, INVESTIGATING, PLANNED, FOR_TRIAGE, REOPEN -> false;
    };
  }

  private String sentence() {
    String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return "Status: " + words + ".";
  }

  private static String orElse(@Nullable String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text;
  }
}
