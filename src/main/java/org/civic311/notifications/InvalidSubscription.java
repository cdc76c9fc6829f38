package org.civic311.notifications;

/** A subscription that cannot be made, e.g. a malformed email address; the message says why. */
public class InvalidSubscription extends RuntimeException {

  public InvalidSubscription(String message) {
    super(message);
  }
}
