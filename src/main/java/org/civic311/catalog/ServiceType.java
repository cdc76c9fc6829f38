package org.civic311.catalog;

/** How a category answers a new request in Open311: an id at once, a token, or nothing. */
public enum ServiceType {
  REALTIME,
  BATCH,
  BLACKBOX;

  /** The Open311 spelling. */
  public String open311() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
