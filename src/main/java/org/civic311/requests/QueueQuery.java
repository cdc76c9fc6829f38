package org.civic311.requests;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A staff queue: which requests, in which order, from which place in the list. Empty sets and nulls
 * mean "any". Pages follow each other by {@link QueuePage#nextCursor()} (keyset paging), so the
 * thousandth page of a city's backlog costs what the first one does.
 *
 * @param departments the departments the reader may see; null for every department
 * @param statuses stages to show; empty for all
 * @param overdueOnly only open requests, not on hold, whose due date passed at {@code asOf}
 * @param submittedBefore only requests older than this (the "age" filter)
 * @param submittedAfter only requests newer than this
 * @param area a bounding box the request's point lies in
 * @param crew the crew it is assigned to
 * @param assignee the person it is assigned to
 * @param text a request number, or words of the description and address
 * @param contact a reporter's email or phone number: only for readers allowed to see contact data,
 *     and the caller audits it
 * @param asOf the time "overdue" is judged at
 * @param after the cursor of the previous page, null for the first
 * @param limit rows per page, 1 to 200
 */
public record QueueQuery(
    @Nullable Set<String> departments,
    Set<Status> statuses,
    Set<String> categoryCodes,
    Set<Priority> priorities,
    boolean overdueOnly,
    @Nullable Instant submittedBefore,
    @Nullable Instant submittedAfter,
    RequestQuery.@Nullable BoundingBox area,
    @Nullable String crew,
    @Nullable String assignee,
    @Nullable String text,
    @Nullable String contact,
    Sort sort,
    Instant asOf,
    @Nullable String after,
    int limit) {

  public QueueQuery {
    departments = departments == null ? null : Set.copyOf(departments);
    statuses = Set.copyOf(statuses);
    categoryCodes = Set.copyOf(categoryCodes);
    priorities = Set.copyOf(priorities);
    if (limit < 1 || limit > 200) throw new IllegalArgumentException("limit must be 1 to 200");
  }

  /** The order of a queue; each has a stable tie-breaker so pages never repeat or skip a row. */
  public enum Sort {
    /** Earliest due date first, requests without one last. */
    DUE,
    /** Newest first. */
    SUBMITTED,
    /** Oldest first. */
    OLDEST,
    /** Urgent first, then by due date. */
    PRIORITY,
    /** Highest number first. */
    NUMBER
  }
}
