package org.civic311.webhooks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.ServiceRequestsMerged;
import org.civic311.webhooks.WebhookEndpoint;
import org.civic311.webhooks.WebhookEventTypes;
import org.springframework.stereotype.Component;

/**
 * Which active endpoints want an event. The listener's condition asks it before Spring Modulith
 * stores the event in the outbox, so a city without webhooks pays nothing per request. The list is
 * kept for a few seconds: an endpoint registered on another node starts receiving within that time.
 */
@Component("webhookRouting")
class WebhookRouting {

  static final Duration REFRESH = Duration.ofSeconds(10);

  private record Snapshot(List<WebhookEndpoint> endpoints, Instant loadedAt) {}

  private final WebhookStore store;
  private final Clock clock;
  private volatile Snapshot snapshot;

  WebhookRouting(WebhookStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Used in the listeners' conditions. */
  public boolean wants(Object event) {
    String type = typeOf(event);
    return type != null && !endpointsFor(type).isEmpty();
  }

  List<UUID> endpointsFor(String type) {
    return current().stream()
        .filter(e -> e.eventTypes().contains(WebhookEventTypes.ALL) || e.eventTypes().contains(type))
        .map(WebhookEndpoint::id)
        .toList();
  }

  void forget() {
    snapshot = null;
  }

  private List<WebhookEndpoint> current() {
    Snapshot s = snapshot;
    Instant now = clock.instant();
    if (s == null || s.loadedAt().plus(REFRESH).isBefore(now) || s.loadedAt().isAfter(now)) {
      s = new Snapshot(store.activeEndpoints(), now);
      snapshot = s;
    }
    return s.endpoints();
  }

  private static String typeOf(Object event) {
    return switch (event) {
      case ServiceRequestSubmitted ignored -> WebhookEventTypes.of(HistoryEntry.Kind.SUBMITTED);
      case ServiceRequestChanged changed -> WebhookEventTypes.of(changed.kind());
      case ServiceRequestsMerged ignored -> WebhookEventTypes.MERGED;
      default -> null;
    };
  }
}
