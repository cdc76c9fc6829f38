package org.civic311.requests;

import java.util.regex.Pattern;

/** The number residents and staff quote for a request, e.g. {@code 2026-000123}; never the internal key. */
public record RequestNumber(String value) {

  private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{6,}");

  public RequestNumber {
    if (!isWellFormed(value)) throw new IllegalArgumentException("Not a request number: " + value);
  }

  public static boolean isWellFormed(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  /** Number {@code sequence} of the given year, zero-padded to six digits. */
  public static RequestNumber of(int year, long sequence) {
    return new RequestNumber(String.format("%04d-%06d", year, sequence));
  }

  @Override
  public String toString() {
    return value;
  }
}
