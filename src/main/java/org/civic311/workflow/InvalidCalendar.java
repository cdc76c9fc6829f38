package org.civic311.workflow;

/** A business calendar change that cannot be saved; the message says what to fix. */
public class InvalidCalendar extends RuntimeException {

  public InvalidCalendar(String message) {
    super(message);
  }
}
