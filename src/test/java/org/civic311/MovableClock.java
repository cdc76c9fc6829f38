package org.civic311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock tests move by hand, forward only (jobs such as SLA escalation remember how far they got).
 * Import {@link AsApplicationClock} to make it the application's {@code Clock}.
 */
public final class MovableClock extends Clock {

  private volatile Instant now;

  /** Starts at the real time, so due dates and tokens look real. */
  public MovableClock() {
    this(Instant.now());
  }

  public MovableClock(Instant start) {
    this.now = start;
  }

  public void advance(Duration by) {
    if (by.isNegative()) throw new IllegalArgumentException("the clock only moves forward, not by " + by);
    now = now.plus(by);
  }

  public void moveTo(Instant to) {
    if (to.isBefore(now)) throw new IllegalArgumentException("the clock only moves forward: " + to + " is before " + now);
    now = to;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Makes a {@link MovableClock} starting at the real time the application's clock. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class AsApplicationClock {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }
}
