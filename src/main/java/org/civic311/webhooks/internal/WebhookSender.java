package org.civic311.webhooks.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: signs each body, posts it, and records the outcome. Several nodes may run it
 * at once; each takes its own rows. A delivery may reach a receiver twice (a node dies after the send
 * and before recording it), always with the same id, which is why the id is there.
 */
@Component
class WebhookSender {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  static final int MAX_ERROR = 300;

  private final WebhookStore store;
  private final WebhookProperties properties;
  private final Clock clock;
  private final HttpClient http;

  WebhookSender(WebhookStore store, WebhookProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
  }

  /** Sends what is due now, in parallel; returns how many deliveries were attempted. */
  int sendDue() {
    Instant now = clock.instant();
    List<WebhookStore.Claimed> due = store.claimDue(now, now.plus(properties.lease()), properties.batchSize());
    if (due.isEmpty()) return 0;
    try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running = new ArrayList<>();
      for (var delivery : due) running.add(sends.submit(() -> send(delivery)));
      for (var f : running) {
        try {
          f.get();
        } catch (Exception e) {
          log.warn("Webhook send task failed", e);
        }
      }
    }
    return due.size();
  }

  private void send(WebhookStore.Claimed d) {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(d.url())
            .timeout(properties.timeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Civic311-Webhooks/1")
            .header("Civic311-Delivery", d.id().toString())
            .header("Civic311-Event", d.eventType())
            .header("Civic311-Timestamp", Long.toString(timestamp))
            .header("Civic311-Signature", WebhookSignature.sign(d.secret(), timestamp, d.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
            .build();
    Integer status = null;
    String error;
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status >= 200 && status < 300) {
        store.delivered(d.id(), status, clock.instant());
        return;
      }
      error = "The endpoint answered HTTP " + status;
    } catch (IOException e) {
      error = "No answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "Interrupted while sending";
    }
    failed(d, status, error);
  }

  private void failed(WebhookStore.Claimed d, @Nullable Integer status, String error) {
    Instant now = clock.instant();
    Instant next = now.plus(backoff(d.attempts() + 1));
    boolean givesUp = next.isAfter(d.giveUpAt());
    String shortError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    store.attemptFailed(d.id(), status, shortError, givesUp ? null : next);
    log.info("Webhook delivery {} attempt {} failed ({}){}", d.id(), d.attempts() + 1,
        status == null ? "no answer" : "HTTP " + status, givesUp ? "; giving up" : "; retrying at " + next);
  }

  /**
   * The wait after the n-th failed attempt: the first retry waits {@code firstRetry}, each later one
   * twice as long up to {@code maxRetryInterval}, give or take a fifth so that many deliveries that
   * failed together do not all come back at the same second.
   */
  Duration backoff(int failedAttempts) {
    long base = properties.firstRetry().toMillis();
    long max = properties.maxRetryInterval().toMillis();
    long wait = failedAttempts >= 40 ? max : Math.min(max, base << Math.min(failedAttempts - 1, 30));
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (wait * jitter));
  }
}
