package org.civic311.notifications.internal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civic311.requests.RequestNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a measurement run by hand for docs/performance.md, in the notification tests' context
 * (embedded PostgreSQL, GreenMail on loopback, worker defaults: batches of 50, one worker).
 *
 * <pre>./mvnw -o test -Dtest=DeliveryThroughputMeasurement -Dcivic311.measure=true</pre>
 */
@EnabledIfSystemProperty(named = "civic311.measure", matches = "true")
class DeliveryThroughputMeasurement extends NotificationsIntegrationSupport {

  private static final int MESSAGES = 2000;

  @Test
  void measure() {
    // 1. Submissions with and without an address: the request thread's time, notifications or not.
    for (int i = 0; i < 200; i++) submit(null, "en"); // warm-up
    long[] anonymous = timeSubmissions(500, false);
    long[] withEmail = timeSubmissions(500, true);
    System.out.printf("MEASURE submit without email: mean %.2f ms, p95 %.2f ms%n", mean(anonymous), p95(anonymous));
    System.out.printf("MEASURE submit with email:    mean %.2f ms, p95 %.2f ms%n", mean(withEmail), p95(withEmail));
    await().atMost(Duration.ofMinutes(2)).until(() -> SMTP.getReceivedMessagesForDomain("latency.example.org").length >= 500);

    // 2. Sending alone: queue MESSAGES deliveries while the server is down, then time the drain.
    String domain = "throughput.example.org";
    List<RequestNumber> numbers = new ArrayList<>();
    SMTP.stop();
    try {
      for (int i = 0; i < MESSAGES; i++) numbers.add(submit(uniqueAddress(domain), i % 2 == 0 ? "en" : "es"));
      await().atMost(Duration.ofMinutes(5)).until(() -> jdbc.sql(
              "SELECT count(*) FROM notifications.delivery WHERE request_number = ANY(?) AND state = 'PENDING' AND attempts = 1")
          .param(numbers.stream().map(RequestNumber::value).toArray(String[]::new)).query(Long.class).single() == MESSAGES);
    } finally {
      SMTP.start();
    }
    long start = System.nanoTime();
    clock.advance(PAST_ANY_BACKOFF);
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
        .until(() -> SMTP.getReceivedMessagesForDomain(domain).length >= MESSAGES);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("MEASURE %d emails (text + HTML) delivered to GreenMail in %.2f s: %.0f messages/s%n",
        MESSAGES, seconds, MESSAGES / seconds);
  }

  private long[] timeSubmissions(int count, boolean withEmail) {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      submit(withEmail ? uniqueAddress("latency.example.org") : null, "en");
      nanos[i] = System.nanoTime() - t;
    }
    return nanos;
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0) / 1e6;
  }

  private static double p95(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[(int) (sorted.length * 0.95)] / 1e6;
  }
}
