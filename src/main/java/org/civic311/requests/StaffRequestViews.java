package org.civic311.requests;

import java.util.Optional;

/**
 * The staff console's reads of requests: queues with filters and keyset paging, and a request with
 * its internal history. Callers decide who may see which department; these methods only filter.
 */
public interface StaffRequestViews {

  /**
   * One page of a queue.
   *
   * @throws IllegalArgumentException for a cursor this query did not make (e.g. edited by hand)
   */
  QueuePage queue(QueueQuery query);

  /** A request with its whole history, public and internal, oldest first. */
  Optional<StaffRequestDetails> staffView(RequestNumber number);
}
