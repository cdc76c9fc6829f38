package org.civic311.requests;

/** The stage a request is in; Open311 only knows open and closed. */
public enum Status {
  NEW,
  ACKNOWLEDGED,
  ASSIGNED,
  IN_PROGRESS,
  ON_HOLD,
  RESOLVED,
  CLOSED;

  public boolean isOpen() {
    return this != RESOLVED && this != CLOSED;
  }

  /** The Open311 GeoReport v2 status: {@code open} or {@code closed}. */
  public String open311() {
    return isOpen() ? "open" : "closed";
  }
}
