package org.civic311.requests.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * Hands out request numbers from the database sequence a block at a time: one round trip per block
 * instead of one per report, on the hottest path of the system. Numbers stay unique across app nodes
 * (each block comes from the sequence) and are never computed from other rows. The price: the unused
 * rest of a block is skipped when the node stops, like a number taken by a refused report.
 */
@Component
class RequestNumberBlocks {

  static final int BLOCK = 32;

  private final IntFunction<List<Long>> sequence;
  private final ArrayDeque<Long> ready = new ArrayDeque<>(BLOCK);
  private final ReentrantLock lock = new ReentrantLock();

  @org.springframework.beans.factory.annotation.Autowired
  RequestNumberBlocks(ServiceRequestRepository repository) {
    this(repository::nextNumbersInSequence);
  }

  RequestNumberBlocks(IntFunction<List<Long>> sequence) {
    this.sequence = sequence;
  }

  long next() {
    lock.lock();
    try {
      if (ready.isEmpty()) ready.addAll(sequence.apply(BLOCK));
      return ready.removeFirst();
    } finally {
      lock.unlock();
    }
  }
}
