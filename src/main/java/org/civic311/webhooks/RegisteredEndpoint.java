package org.civic311.webhooks;

/**
 * A newly registered endpoint with its signing secret, shown this once: the receiver checks every
 * delivery's signature with it.
 */
public record RegisteredEndpoint(WebhookEndpoint endpoint, String secret) {

  @Override
  public String toString() {
    return "RegisteredEndpoint[" + endpoint + ", secret=redacted]";
  }
}
