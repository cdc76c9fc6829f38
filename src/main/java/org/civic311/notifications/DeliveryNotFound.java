package org.civic311.notifications;

/** There is no delivery with that id (a 404 for callers). */
public class DeliveryNotFound extends RuntimeException {

  public DeliveryNotFound(DeliveryId id) {
    super("No delivery " + id);
  }
}
