package org.civic311.portal.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.civic311.portal.internal.PortalProperties;
import org.springframework.stereotype.Component;

/**
 * How many reports each client address submitted in the last hour, so one machine cannot flood the
 * city's queues. Kept in memory per app node: several nodes each allow the limit (a shared limit in
 * PostgreSQL is left for when there are several nodes).
 */
@Component
class ReportRateLimit {

  private static final Duration WINDOW = Duration.ofHours(1);
  /** Beyond this many tracked addresses, addresses with nothing in the window are dropped. */
  private static final int TIDY_ABOVE = 10_000;

  private final Clock clock;
  private final int maxPerHour;
  private final ConcurrentHashMap<String, Deque<Instant>> submissions = new ConcurrentHashMap<>();

  ReportRateLimit(Clock clock, PortalProperties properties) {
    this.clock = clock;
    this.maxPerHour = properties.maxReportsPerHour();
  }

  /** Counts a submission from this address if it is still within the limit; false when it is not. */
  boolean tryAcquire(String client) {
    Instant now = clock.instant();
    if (submissions.size() > TIDY_ABOVE) tidy(now);
    boolean[] allowed = {false};
    submissions.compute(client, (key, times) -> {
      Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
      expire(kept, now);
      if (kept.size() < maxPerHour) {
        kept.addLast(now);
        allowed[0] = true;
      }
      return kept;
    });
    return allowed[0];
  }

  /** Gives a submission back when it was refused for another reason and stored nothing. */
  void release(String client) {
    submissions.computeIfPresent(client, (key, times) -> {
      times.pollLast();
      return times;
    });
  }

  private static void expire(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) times.pollFirst();
  }

  private void tidy(Instant now) {
    for (String client : submissions.keySet()) {
      submissions.computeIfPresent(client, (key, times) -> {
        expire(times, now);
        return times.isEmpty() ? null : times;
      });
    }
  }
}
