package org.civic311.requests;

import org.jspecify.annotations.Nullable;

/**
 * Who reported the problem: personal data, never shown in public pages, Open311 output, exports or
 * logs. All fields empty means an anonymous report.
 */
public record Reporter(
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String deviceId,
    @Nullable String accountId) {

  public static final Reporter ANONYMOUS = new Reporter(null, null, null, null, null, null);

  public boolean isAnonymous() {
    return firstName == null && lastName == null && email == null && phone == null;
  }

  /** Keeps the fields out of {@code toString}, which may end up in logs. */
  @Override
  public String toString() {
    return isAnonymous() ? "Reporter[anonymous]" : "Reporter[redacted]";
  }
}
