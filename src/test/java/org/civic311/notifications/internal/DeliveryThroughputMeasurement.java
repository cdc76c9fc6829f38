package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civic311.requests.Actor;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement run by hand for docs/performance.md ("Notifications"), in the notification tests'
 * context (embedded PostgreSQL, GreenMail and a fake Twilio on loopback, worker defaults: batches of
 * 50, one worker per node), plus a tiny smoke of the same code in every build.
 *
 * <pre>./mvnw -o test -Dtest=DeliveryThroughputMeasurement -Dcivic311.measure=true</pre>
 *
 * <ol>
 *   <li>POST latency: {@code ServiceRequests.submit} (what an Open311 or portal POST does after
 *       parsing) alternating a report without contact details (notifications have nothing to do) and
 *       one with an email address (an outbox event, a delivery row, an email sent meanwhile);
 *   <li>status changes: N requests with an email address are acknowledged by four staff threads at
 *       once; timed from the first change to the last acknowledgement email GreenMail holds, so the
 *       outbox, the listener and the worker are all in it;
 *   <li>SMS: N text messages that failed once wait for their retry, then are timed to the fake
 *       Twilio as the worker drains them.
 * </ol>
 */
class DeliveryThroughputMeasurement extends NotificationsIntegrationSupport {

  private static final Actor DISPATCHER = Actor.staff("dispatcher@springfield.example.gov");

  @Test
  @EnabledIfSystemProperty(named = "civic311.measure", matches = "true")
  void measure() throws Exception {
    for (int i = 0; i < 200; i++) submit(null, "en"); // warm-up
    run(2000, 2000, 1000, true);
  }

  @Test
  void the_measurement_runs_in_small() throws Exception {
    run(20, 20, 10, false);
  }

  private void run(int latencyPairs, int changes, int texts, boolean print) throws Exception {
    // 1. POST latency with and without notifications to make.
    String latencyDomain = "latency-" + UUID.randomUUID().toString().substring(0, 6) + ".example.org";
    long[] anonymous = new long[latencyPairs];
    long[] withEmail = new long[latencyPairs];
    for (int i = 0; i < latencyPairs; i++) {
      anonymous[i] = timed(() -> submit(null, "en"));
      withEmail[i] = timed(() -> submit(uniqueAddress(latencyDomain), "en"));
    }
    report(print, "MEASURE submit, no contact details (nothing to notify): mean %.2f ms, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
        mean(anonymous), pct(anonymous, 50), pct(anonymous, 95), pct(anonymous, 99));
    report(print, "MEASURE submit, with an email address:                 mean %.2f ms, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
        mean(withEmail), pct(withEmail, 50), pct(withEmail, 95), pct(withEmail, 99));
    await().atMost(Duration.ofMinutes(5)).until(() -> SMTP.getReceivedMessagesForDomain(latencyDomain).length >= latencyPairs);

    // 2. Status changes through the outbox to GreenMail.
    String domain = "changes-" + UUID.randomUUID().toString().substring(0, 6) + ".example.org";
    List<RequestNumber> numbers = new ArrayList<>();
    for (int i = 0; i < changes; i++) numbers.add(submit(uniqueAddress(domain), i % 2 == 0 ? "en" : "es"));
    await().atMost(Duration.ofMinutes(10)).until(() -> SMTP.getReceivedMessagesForDomain(domain).length >= changes);
    long start = System.nanoTime();
    try (ExecutorService staff = Executors.newFixedThreadPool(4)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        done.add(staff.submit(() -> {
          for (int i = offset; i < numbers.size(); i += 4) {
            requests.change(numbers.get(i), new RequestChange.Acknowledge("We have seen it."), DISPATCHER);
          }
        }));
      }
      for (Future<?> f : done) f.get();
    }
    double changeSeconds = (System.nanoTime() - start) / 1e9;
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
        .until(() -> SMTP.getReceivedMessagesForDomain(domain).length >= 2 * changes);
    double seconds = (System.nanoTime() - start) / 1e9;
    report(print, "MEASURE %d status changes made in %.2f s (4 threads); their %d emails delivered to GreenMail %.2f s after the first: %.0f messages/s",
        changes, changeSeconds, changes, seconds, changes / seconds);

    // 3. SMS to the fake Twilio: every first attempt fails, the retries are timed.
    Set<String> phones = new HashSet<>();
    List<String> e164 = new ArrayList<>();
    for (int i = 0; i < texts; i++) {
      String[] phone = uniquePhone();
      if (!phones.add(phone[1])) continue;
      TWILIO.answer(phone[1], 503);
      e164.add(phone[1]);
      submit(null, phone[0], true, "en");
    }
    await().atMost(Duration.ofMinutes(10)).until(() -> jdbc.sql(
            "SELECT count(*) FROM notifications.delivery WHERE channel = 'SMS' AND recipient = ANY(?) AND state = 'PENDING' AND attempts = 1")
        .param(e164.toArray(String[]::new)).query(Long.class).single() == e164.size());
    long smsStart = System.nanoTime();
    clock.advance(PAST_ANY_BACKOFF);
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> TWILIO.deliveredCount(phones) >= e164.size());
    double smsSeconds = (System.nanoTime() - smsStart) / 1e9;
    report(print, "MEASURE %d SMS delivered to the fake Twilio in %.2f s: %.0f messages/s", e164.size(), smsSeconds, e164.size() / smsSeconds);
    assertThat(TWILIO.deliveredCount(phones)).isEqualTo(e164.size());
  }

  private static long timed(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return System.nanoTime() - t;
  }

  private static void report(boolean print, String format, Object... args) {
    if (print) System.out.printf(format + "%n", args);
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0) / 1e6;
  }

  private static double pct(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))] / 1e6;
  }
}
