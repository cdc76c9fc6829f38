package org.civic311.notifications;

/** Where a delivery is in its life. */
public enum DeliveryState {
  /** Waiting for its (next) attempt. */
  PENDING,
  /** Taken by a worker; taken over by another after its lease if that worker dies. */
  SENDING,
  SENT,
  /** Gave up after the configured number of attempts, or could not be built; an admin may retry it. */
  FAILED,
  /** Not sent because the recipient unsubscribed first. */
  CANCELLED
}
