package org.civic311.requests;

/** A change the request's current stage does not allow, e.g. assigning a closed request. */
public class TransitionNotAllowed extends RuntimeException {
  private final Status current;

  public TransitionNotAllowed(Status current, String message) {
    super(message);
    this.current = current;
  }

  public Status current() {
    return current;
  }
}
