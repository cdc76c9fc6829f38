package org.civic311.notifications.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.notifications.Deliveries;
import org.civic311.notifications.Delivery;
import org.civic311.notifications.DeliveryId;
import org.civic311.notifications.DeliveryNotFound;
import org.civic311.notifications.DeliveryState;
import org.civic311.requests.RequestNumber;
import org.springframework.stereotype.Component;

/** The delivery log for admins, read from the delivery table. */
@Component
class StoredDeliveries implements Deliveries {

  private final DeliveryStore store;
  private final Clock clock;

  StoredDeliveries(DeliveryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public List<Delivery> failed(int limit) {
    return store.failed(Math.clamp(limit, 1, 1000));
  }

  @Override
  public List<Delivery> recent(int limit) {
    return store.recent(Math.clamp(limit, 1, 1000));
  }

  @Override
  public Optional<Delivery> find(DeliveryId id) {
    return store.find(id.value());
  }

  @Override
  public List<Delivery> ofRequest(RequestNumber number) {
    return store.ofRequest(number);
  }

  @Override
  public Map<DeliveryState, Long> countByState() {
    return store.countByState();
  }

  @Override
  public Delivery retry(DeliveryId id) {
    Delivery found = store.find(id.value()).orElseThrow(() -> new DeliveryNotFound(id));
    if (!store.retry(id.value(), clock.instant())) return found;
    return store.find(id.value()).orElseThrow(() -> new DeliveryNotFound(id));
  }
}
