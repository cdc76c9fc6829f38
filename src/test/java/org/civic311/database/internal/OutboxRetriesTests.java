package org.civic311.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outbox listener that fails once (the database away for a moment) gets its event again from the
 * retry round, without a restart; the round itself runs here by hand (its timer is an hour away).
 */
@SpringBootTest(properties = {"civic311.outbox.retry-after=0s", "civic311.outbox.retry-interval=1h"})
class OutboxRetriesTests {

  record Pothole(String number) {}

  static class FailsOnce {
    final AtomicInteger attempts = new AtomicInteger();
    final List<String> handled = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(Pothole event) {
      if (attempts.incrementAndGet() == 1) throw new IllegalStateException("database away for a moment");
      handled.add(event.number());
    }

    // The listener is a proxy (async, transactional): tests read its state through methods.
    int attempts() {
      return attempts.get();
    }

    List<String> handled() {
      return handled;
    }
  }

  @TestConfiguration
  static class Listener {
    @Bean
    FailsOnce failsOnce() {
      return new FailsOnce();
    }
  }

  @Autowired FailsOnce listener;
  @Autowired OutboxRetries retries;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  private int unfinished() {
    return jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%OutboxRetriesTests$Pothole'")
        .query(Integer.class)
        .single();
  }

  @Test
  void an_event_whose_listener_failed_is_handled_at_the_next_retry_round() {
    transactions.executeWithoutResult(status -> events.publishEvent(new Pothole("2026-000042")));
    await().atMost(Duration.ofSeconds(10)).until(() -> listener.attempts() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> unfinished() == 1);
    assertThat(listener.handled()).isEmpty();

    retries.resubmit();

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.handled().contains("2026-000042"));
    await().atMost(Duration.ofSeconds(10)).until(() -> unfinished() == 0);
    retries.resubmit();
    assertThat(listener.handled()).as("handled once, not again by a later round").containsExactly("2026-000042");
  }
}
