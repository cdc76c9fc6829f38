package org.civic311.notifications;

/** A staff member asked to watch a request of a department they may not read (a 403 for callers). */
public class WatchNotAllowed extends RuntimeException {

  public WatchNotAllowed(String message) {
    super(message);
  }
}
