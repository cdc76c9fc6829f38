package org.civic311.identity;

/** A staff account change that cannot be made as asked (email taken, weak password, unknown department); the message says why. */
public class StaffAccountRejected extends RuntimeException {

  public StaffAccountRejected(String message) {
    super(message);
  }
}
