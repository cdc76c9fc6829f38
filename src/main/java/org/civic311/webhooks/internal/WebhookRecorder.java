package org.civic311.webhooks.internal;

import java.time.Clock;
import java.time.Instant;
import org.civic311.catalog.Catalog;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.ServiceRequestSubmitted;
import org.civic311.requests.ServiceRequestsMerged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns request events into deliveries, one per endpoint that wants them. It runs from the outbox
 * after the request's commit; a redelivered event adds nothing, because each endpoint has at most one
 * delivery per event.
 */
@Component
class WebhookRecorder {

  private final WebhookStore store;
  private final WebhookRouting routing;
  private final Catalog catalog;
  private final WebhookProperties properties;
  private final Clock clock;
  private final String publicUrl;

  WebhookRecorder(
      WebhookStore store,
      WebhookRouting routing,
      Catalog catalog,
      WebhookProperties properties,
      Clock clock,
      @Value("${civic311.public-url}") String publicUrl) {
    this.store = store;
    this.routing = routing;
    this.catalog = catalog;
    this.properties = properties;
    this.clock = clock;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @ApplicationModuleListener(condition = "@webhookRouting.wants(#event)")
  void on(ServiceRequestSubmitted event) {
    record(WebhookPayloads.submitted(event, catalog.jurisdiction().id(), publicUrl));
  }

  @ApplicationModuleListener(condition = "@webhookRouting.wants(#event)")
  void on(ServiceRequestChanged event) {
    record(WebhookPayloads.changed(event, catalog.jurisdiction().id(), publicUrl));
  }

  @ApplicationModuleListener(condition = "@webhookRouting.wants(#event)")
  void on(ServiceRequestsMerged event) {
    record(WebhookPayloads.merged(event, catalog.jurisdiction().id(), publicUrl));
  }

  private void record(WebhookPayloads.Event event) {
    Instant now = clock.instant();
    for (var endpoint : routing.endpointsFor(event.type())) {
      store.insertDelivery(endpoint, event, now, now.plus(properties.giveUpAfter()));
    }
  }
}
