package org.civic311.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RequestNumberBlocksTests {

  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger roundTrips = new AtomicInteger();

  private List<Long> fromSequence(int count) {
    roundTrips.incrementAndGet();
    return LongStream.range(0, count).map(i -> sequence.incrementAndGet()).boxed().toList();
  }

  @Test
  void numbers_come_in_order_with_one_sequence_round_trip_per_block() {
    var numbers = new RequestNumberBlocks(this::fromSequence);
    List<Long> handed = new ArrayList<>();
    for (int i = 0; i < RequestNumberBlocks.BLOCK * 2 + 1; i++) handed.add(numbers.next());
    assertThat(handed).isSorted().doesNotHaveDuplicates().startsWith(1L, 2L, 3L);
    assertThat(roundTrips).hasValue(3);
  }

  @Test
  void two_nodes_on_one_sequence_never_hand_out_the_same_number() throws Exception {
    var first = new RequestNumberBlocks(this::fromSequence);
    var second = new RequestNumberBlocks(this::fromSequence);
    var seen = ConcurrentHashMap.<Long>newKeySet();
    AtomicInteger duplicates = new AtomicInteger();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int t = 0; t < 8; t++) {
        var node = t % 2 == 0 ? first : second;
        pool.submit(() -> {
          for (int i = 0; i < 500; i++) if (!seen.add(node.next())) duplicates.incrementAndGet();
        });
      }
    }
    assertThat(duplicates).hasValue(0);
    assertThat(seen).hasSize(4_000);
  }
}
