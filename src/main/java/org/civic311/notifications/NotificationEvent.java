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
  FOLLOW_CONFIRMATION
}
