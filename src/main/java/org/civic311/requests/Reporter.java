package org.civic311.requests;

import org.jspecify.annotations.Nullable;

/**
 * Who reported the problem: personal data, never shown in public pages, Open311 output, exports or
 * logs. All fields empty means an anonymous report.
 *
 * @param smsConsent whether the reporter agreed to status updates by SMS on {@code phone}
 * @param language the language the reporter wants to hear back in ({@code en}, {@code es}); null for
 *     the city's default
 */
public record Reporter(
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String deviceId,
    @Nullable String accountId,
    boolean smsConsent,
    @Nullable String language) {

  public static final Reporter ANONYMOUS = new Reporter(null, null, null, null, null, null);

  /** A reporter who gave no SMS consent and no language (Open311 clients send neither). */
  public Reporter(
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String deviceId,
      @Nullable String accountId) {
    this(firstName, lastName, email, phone, deviceId, accountId, false, null);
  }

  public boolean isAnonymous() {
    return firstName == null && lastName == null && email == null && phone == null;
  }

  /** Keeps the fields out of {@code toString}, which may end up in logs. */
  @Override
  public String toString() {
    return isAnonymous() ? "Reporter[anonymous]" : "Reporter[redacted]";
  }
}
