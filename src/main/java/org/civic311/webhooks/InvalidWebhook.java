package org.civic311.webhooks;

/** An endpoint that cannot be registered, with a message an admin can act on. */
public class InvalidWebhook extends RuntimeException {

  public InvalidWebhook(String message) {
    super(message);
  }
}
