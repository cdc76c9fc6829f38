package org.civic311.requests;

/**
 * Changes made on other app nodes, as local events: {@link ServiceRequestChangedElsewhere} for every
 * change, {@link ServiceRequestSubmittedElsewhere} for new requests while some page wants them, and
 * {@link ChangesElsewhereResumed} after a break. Carried by PostgreSQL {@code LISTEN/NOTIFY} on one
 * connection per node; a lost notification only delays a page until its next load.
 */
public interface ChangesElsewhere {

  /**
   * Tells the other nodes whether pages on this node want to hear of new requests. A submission sends
   * a notification only while some other node wants it, so reports cost nothing extra when no staff
   * page is open elsewhere.
   */
  void wantSubmissions(boolean wanted);

  /** Whether this node hears other nodes right now. */
  boolean listening();
}
