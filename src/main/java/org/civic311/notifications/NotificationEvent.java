package org.civic311.notifications;

/** What a message tells its recipient; each has its own template per channel and language. */
public enum NotificationEvent {
  /** The report was received and has a number. */
  RECEIVED,
  ACKNOWLEDGED,
  ASSIGNED,
  /** A crew is on site or work started. */
  WORK_STARTED,
  /** Staff posted a message for the public without changing the stage. */
  PUBLIC_UPDATE,
  RESOLVED,
  CLOSED,
  REOPENED,
  /** Closed as a duplicate of another request. */
  MERGED,
  /** Asks a new follower to confirm their address. */
  FOLLOW_CONFIRMATION,
  /** The request passed its due date: "it is taking longer than expected" (when the city sends it). */
  OVERDUE,
  /** To the department's dispatchers: most of the request's SLA target time has passed. */
  SLA_WARNING,
  /** To the department's supervisors: the request passed its due date and its priority went up. */
  SLA_BREACHED,
  /** To a staff member watching the request: it changed (public or internal). */
  WATCHED_CHANGE;

  /** Whether this message goes to staff, with a link to the console, rather than to residents. */
  public boolean forStaff() {
    return this == SLA_WARNING || this == SLA_BREACHED || this == WATCHED_CHANGE;
  }
}
