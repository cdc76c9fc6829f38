package org.civic311.requests;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The open requests assigned to a crew: a field crew's worklist. Staff only; no reporter contact. */
public interface CrewJobs {

  /**
   * Open requests (not resolved or closed) assigned to the crew, the earliest due first (those without
   * a due date last), then the oldest.
   *
   * @param limit 1 to 500
   */
  List<Job> openJobsOf(String crewCode, int limit);

  /** A job as a crew member needs it on a phone. */
  record Job(
      RequestNumber number,
      String categoryCode,
      Status status,
      Priority priority,
      @Nullable String description,
      Location location,
      Instant submittedAt,
      @Nullable Instant expectedAt) {}
}
