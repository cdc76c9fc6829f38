package org.civic311.requests;

/** How a request reached the city. */
public enum Channel {
  WEB,
  MOBILE,
  PHONE,
  OPEN311,
  EMAIL,
  SMS;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
