package org.civic311.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

class WebhookBackoffTests {

  private final WebhookSender sender =
      new WebhookSender(
          null,
          new WebhookProperties(
              Duration.ofSeconds(1), 50, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24),
              Duration.ofSeconds(10), Duration.ofSeconds(60)),
          Clock.systemUTC());

  @RepeatedTest(20)
  void each_retry_waits_about_twice_as_long_as_the_one_before_up_to_an_hour() {
    assertThat(sender.backoff(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
    assertThat(sender.backoff(2)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
    assertThat(sender.backoff(5)).isBetween(Duration.ofSeconds(128), Duration.ofSeconds(192));
    assertThat(sender.backoff(12)).isBetween(Duration.ofMinutes(48), Duration.ofMinutes(72));
    assertThat(sender.backoff(500)).isBetween(Duration.ofMinutes(48), Duration.ofMinutes(72));
  }
}
