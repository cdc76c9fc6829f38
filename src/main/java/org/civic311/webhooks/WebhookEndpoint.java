package org.civic311.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A city system's URL that receives the request events it asked for. */
public record WebhookEndpoint(
    UUID id, URI url, Set<String> eventTypes, String description, boolean active, Instant createdAt) {

  public WebhookEndpoint {
    eventTypes = Set.copyOf(eventTypes);
  }
}
