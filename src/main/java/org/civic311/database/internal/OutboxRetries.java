package org.civic311.database.internal;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the outbox's unfinished events to their listeners again. A listener that failed once (the
 * database away for a moment, a full pool, a deadlock) leaves its event in {@code event_publication};
 * Spring Modulith itself only tries again at the next start, and a node may run for weeks, so without
 * this the emails, texts and webhooks of that event would wait until then. Every outbox listener is
 * idempotent (its rows carry a key), so an event handed over twice changes nothing the second time.
 * One node at a time does it (ShedLock).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "civic311.outbox.retry-enabled", havingValue = "true", matchIfMissing = true)
class OutboxRetries {

  private static final Logger log = LoggerFactory.getLogger(OutboxRetries.class);
  private final IncompleteEventPublications incomplete;
  private final Duration after;

  OutboxRetries(IncompleteEventPublications incomplete, @Value("${civic311.outbox.retry-after:5m}") Duration after) {
    this.incomplete = incomplete;
    this.after = after;
  }

  @Scheduled(
      fixedDelayString = "${civic311.outbox.retry-interval:1m}",
      initialDelayString = "${civic311.outbox.retry-interval:1m}")
  @SchedulerLock(name = "outbox-retry", lockAtMostFor = "PT5M")
  void resubmit() {
    try {
      incomplete.resubmitIncompletePublicationsOlderThan(after);
    } catch (RuntimeException e) {
      log.warn("Could not hand unfinished outbox events over again; the next round tries", e);
    }
  }
}
