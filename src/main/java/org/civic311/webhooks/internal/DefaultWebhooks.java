package org.civic311.webhooks.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civic311.webhooks.InvalidWebhook;
import org.civic311.webhooks.RegisteredEndpoint;
import org.civic311.webhooks.WebhookDelivery;
import org.civic311.webhooks.WebhookEndpoint;
import org.civic311.webhooks.WebhookEventTypes;
import org.civic311.webhooks.Webhooks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultWebhooks implements Webhooks {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_URL = 2_000;
  private static final int MAX_DESCRIPTION = 500;

  private final WebhookStore store;
  private final WebhookRouting routing;
  private final WebhookProperties properties;
  private final Clock clock;

  DefaultWebhooks(WebhookStore store, WebhookRouting routing, WebhookProperties properties, Clock clock) {
    this.store = store;
    this.routing = routing;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  @Transactional
  public RegisteredEndpoint register(URI url, Set<String> eventTypes, String description) {
    URI checked = checkedUrl(url);
    Set<String> types = checkedTypes(eventTypes);
    String text = description == null ? "" : description.strip();
    if (text.length() > MAX_DESCRIPTION || text.indexOf('\0') >= 0) {
      throw new InvalidWebhook("The description must be at most " + MAX_DESCRIPTION + " characters");
    }
    // One active endpoint per address: a second one (a form sent twice, a page refreshed) would send
    // every event twice, and its secret would never be known to the receiver.
    if (store.endpoints().stream().anyMatch(e -> e.active() && e.url().equals(checked))) {
      throw new InvalidWebhook("An active endpoint already receives events at " + checked + "; remove it first to register it again");
    }
    var endpoint = new WebhookEndpoint(UUID.randomUUID(), checked, types, text, true, clock.instant());
    String secret = newSecret();
    store.insertEndpoint(endpoint, secret);
    routing.forget();
    return new RegisteredEndpoint(endpoint, secret);
  }

  @Override
  public List<WebhookEndpoint> endpoints() {
    return store.endpoints();
  }

  @Override
  public Optional<WebhookEndpoint> endpoint(UUID id) {
    return store.endpoint(id);
  }

  @Override
  @Transactional
  public boolean deactivate(UUID id) {
    boolean found = store.deactivate(id, clock.instant());
    routing.forget();
    return found;
  }

  @Override
  public List<WebhookDelivery> deliveries(UUID endpointId, int limit) {
    return store.deliveries(endpointId, Math.clamp(limit, 1, 1_000));
  }

  @Override
  public List<WebhookDelivery> failedDeliveries(int limit) {
    return store.failed(Math.clamp(limit, 1, 1_000));
  }

  @Override
  public boolean retry(UUID deliveryId) {
    Instant now = clock.instant();
    return store.retry(deliveryId, now, now.plus(properties.giveUpAfter()));
  }

  private static URI checkedUrl(URI url) {
    if (url == null) throw new InvalidWebhook("A URL is required");
    String text = url.toString();
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getHost().isBlank()) {
      throw new InvalidWebhook("The URL must be an http or https address with a host, like https://workorders.example.gov/civic311");
    }
    if (text.length() > MAX_URL) throw new InvalidWebhook("The URL must be at most " + MAX_URL + " characters");
    if (url.getUserInfo() != null) throw new InvalidWebhook("Put no user name or password in the URL: deliveries are signed instead");
    return url;
  }

  private static Set<String> checkedTypes(Set<String> eventTypes) {
    if (eventTypes == null || eventTypes.isEmpty()) {
      throw new InvalidWebhook("Name at least one event type, or * for all of them");
    }
    Set<String> known = WebhookEventTypes.known();
    Set<String> types = new LinkedHashSet<>();
    for (String given : eventTypes) {
      String type = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
      if (!type.equals(WebhookEventTypes.ALL) && !known.contains(type)) {
        throw new InvalidWebhook(
            "Unknown event type '" + given + "'; use * or some of: " + known.stream().sorted().toList());
      }
      types.add(type);
    }
    return types.contains(WebhookEventTypes.ALL) ? Set.of(WebhookEventTypes.ALL) : types;
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
