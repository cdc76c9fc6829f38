package org.civic311.notifications;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.requests.RequestNumber;

/** The messages the city sent or tries to send, for admin pages: what failed, and a retry. */
public interface Deliveries {

  /** Deliveries that gave up, latest attempt first, with their error. */
  List<Delivery> failed(int limit);

  /** The latest deliveries in any state, newest first. */
  List<Delivery> recent(int limit);

  Optional<Delivery> find(DeliveryId id);

  /** Every delivery about one request, oldest first. */
  List<Delivery> ofRequest(RequestNumber number);

  /** How many deliveries are in each state (every state is a key). */
  Map<DeliveryState, Long> countByState();

  /**
   * Sends a failed delivery again as soon as the worker next runs, with a fresh count of attempts; the
   * receiver gets the same Message-ID. A delivery that was sent, or cancelled because its person
   * unsubscribed or replied STOP, is left as it is and returned unchanged (its state says so).
   *
   * @throws DeliveryNotFound when there is no such delivery
   */
  Delivery retry(DeliveryId id);
}
