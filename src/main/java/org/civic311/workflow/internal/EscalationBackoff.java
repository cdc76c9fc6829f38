package org.civic311.workflow.internal;

import java.time.Duration;

/**
 * When a failed SLA warning or breach is tried again, and which failures are worth a log line. The wait
 * doubles with each failure (1, 2, 4, 8 ... minutes) up to an hour: a downstream that is down for a
 * moment gets the escalation a minute later, one that is down for a day is not hammered every minute by
 * every request it holds up.
 */
final class EscalationBackoff {

  static final Duration FIRST_WAIT = Duration.ofMinutes(1);
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  private EscalationBackoff() {}

  /** The wait before the next attempt, after {@code attempts} failed ones (1 or more). */
  static Duration waitAfter(int attempts) {
    if (attempts < 1) throw new IllegalArgumentException("attempts must be positive, was " + attempts);
    // Past 2^6 minutes the cap applies anyway; stopping the shift there keeps it from overflowing.
    Duration doubled = FIRST_WAIT.multipliedBy(1L << Math.min(attempts - 1, 6));
    return doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
  }

  /**
   * Whether failed attempt number {@code attempts} is logged: the first one, then the 2nd, 4th, 8th...
   * A failure that lasts hours would otherwise write a warning at every attempt for every request it
   * holds up and bury the other logs; at powers of two the log still shows it goes on, and how long,
   * in a few lines a day.
   */
  static boolean logged(int attempts) {
    return attempts > 0 && Integer.bitCount(attempts) == 1;
  }
}
