package org.civic311.notifications;

/** Identifies one delivery; it also makes the email's Message-ID, so repeats are recognisable. */
public record DeliveryId(long value) {

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
