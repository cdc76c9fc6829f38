package org.civic311.notifications;

/** How a message reaches its recipient. */
public enum NotificationChannel {
  EMAIL,
  /** A text message to the reporter's phone, when they agreed to it; one segment where possible. */
  SMS;

  /** Whether this channel carries messages of {@code event} (follower confirmations and staff messages are email only). */
  public boolean carries(NotificationEvent event) {
    return this == EMAIL || (event != NotificationEvent.FOLLOW_CONFIRMATION && !event.forStaff());
  }
}
