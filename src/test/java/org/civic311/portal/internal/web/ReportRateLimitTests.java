package org.civic311.portal.internal.web;

import org.civic311.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.civic311.portal.internal.PortalProperties;
import org.junit.jupiter.api.Test;

/** The hourly limit per client address, on a clock the test moves. */
class ReportRateLimitTests {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T08:00:00Z"));
  private final ReportRateLimit limit = new ReportRateLimit(clock, new PortalProperties("", "", 3));

  @Test
  void an_address_may_send_the_limit_per_hour_and_again_once_the_first_report_is_an_hour_old() {
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    clock.advance(Duration.ofMinutes(20));
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
    assertThat(limit.tryAcquire("10.0.0.2")).as("another address").isTrue();

    clock.advance(Duration.ofMinutes(39));
    assertThat(limit.tryAcquire("10.0.0.1")).as("59 minutes after the first").isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(limit.tryAcquire("10.0.0.1")).as("an hour after the first").isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
  }

  @Test
  void a_report_given_back_because_nothing_was_stored_does_not_count() {
    for (int i = 0; i < 3; i++) assertThat(limit.tryAcquire("10.0.0.3")).isTrue();
    limit.release("10.0.0.3");
    assertThat(limit.tryAcquire("10.0.0.3")).isTrue();
    assertThat(limit.tryAcquire("10.0.0.3")).isFalse();
  }

  @Test
  void unset_settings_fall_back_to_twenty_reports_and_openstreetmap_tiles() {
    var defaults = new PortalProperties(null, null, 0);
    assertThat(defaults.maxReportsPerHour()).isEqualTo(20);
    assertThat(defaults.mapTileUrl()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  }
}
