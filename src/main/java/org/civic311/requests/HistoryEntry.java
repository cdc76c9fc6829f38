package org.civic311.requests;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One change in a request's life.
 *
 * @param id increasing id, unique over all requests; Open311 clients use it as the update id
 * @param at when it happened
 * @param kind what happened
 * @param status the stage after the change
 * @param publicEntry whether residents and the public may see it (internal notes are not)
 * @param text the message, if any
 * @param actor who made it; staff-only information
 * @param mediaUrls photos that came with the change (a crew's photo of the finished work); usually empty
 */
public record HistoryEntry(
    long id,
    Instant at,
    Kind kind,
    Status status,
    boolean publicEntry,
    @Nullable String text,
    Actor actor,
    List<String> mediaUrls) {

  public HistoryEntry {
    mediaUrls = List.copyOf(mediaUrls);
  }

  /** An entry without photos, as most are. */
  public HistoryEntry(
      long id, Instant at, Kind kind, Status status, boolean publicEntry, @Nullable String text, Actor actor) {
    this(id, at, kind, status, publicEntry, text, actor, List.of());
  }

  /** What a history entry records. */
  public enum Kind {
    SUBMITTED,
    ACKNOWLEDGED,
    ASSIGNED,
    WORK_STARTED,
    PUT_ON_HOLD,
    RESUMED,
    RESOLVED,
    CLOSED,
    REOPENED,
    MARKED_DUPLICATE,
    PRIORITY_CHANGED,
    REROUTED,
    PUBLIC_UPDATE,
    INTERNAL_NOTE,
    FOLLOWED
  }
}
