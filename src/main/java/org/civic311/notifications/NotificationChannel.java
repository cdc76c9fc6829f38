package org.civic311.notifications;

/** How a message reaches its recipient. */
public enum NotificationChannel {
  EMAIL
}
