package org.civic311.webhooks;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Endpoints of city systems that receive request events, and what was delivered to them. */
public interface Webhooks {

  /**
   * Registers an endpoint for the given event types ({@link WebhookEventTypes}; {@code *} for all).
   *
   * @throws InvalidWebhook naming what is wrong with the URL or the event types
   */
  RegisteredEndpoint register(URI url, Set<String> eventTypes, String description);

  List<WebhookEndpoint> endpoints();

  Optional<WebhookEndpoint> endpoint(UUID id);

  /**
   * Stops deliveries to an endpoint; pending ones are cancelled (kept, never sent). Returns false when
   * there is no such endpoint.
   */
  boolean deactivate(UUID id);

  /** The latest deliveries to an endpoint, newest first. */
  List<WebhookDelivery> deliveries(UUID endpointId, int limit);

  /**
   * Deliveries that gave up after 24 hours of retries, and those cancelled because their endpoint was
   * removed ({@link WebhookDelivery.Status#CANCELLED}), newest first.
   */
  List<WebhookDelivery> failedDeliveries(int limit);

  /**
   * Sends a failed delivery again, soon, with the same id. Returns false when there is no such failed
   * delivery to an endpoint that still exists.
   */
  boolean retry(UUID deliveryId);
}
