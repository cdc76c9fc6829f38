package org.civic311.requests;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A caller's earlier requests, found by the phone number or email address they gave: staff only (a
 * call-taker telling a caller where their reports stand). Callers must check and audit access, as for
 * {@link ServiceRequests#reporterOf}.
 */
public interface CallerHistory {

  /** Fewest digits a phone number needs before it is looked up; fewer would match strangers. */
  int MIN_PHONE_DIGITS = 7;

  /**
   * Requests whose reporter gave this phone number (compared by its digits, so {@code (213) 555-0142}
   * finds {@code +1 213 555 0142}) or this email address (regardless of case), newest first. Input that
   * is neither an email address nor a number of at least {@link #MIN_PHONE_DIGITS} digits finds nothing.
   *
   * @param limit 1 to 100
   */
  List<CallerRequest> requestsOf(String phoneOrEmail, int limit);

  /** One earlier request of a caller: what a call-taker reads back, never the contact itself. */
  record CallerRequest(
      RequestNumber number,
      String categoryCode,
      String departmentCode,
      Status status,
      Instant submittedAt,
      @Nullable Instant expectedAt,
      @Nullable String address) {}
}
