package org.civic311.requests;

/**
 * Who made a change, as recorded in a request's history.
 *
 * @param kind a resident, staff member, integration (API key) or the system itself
 * @param name a user name, API key name or system job; shown to staff only
 */
public record Actor(Kind kind, String name) {

  public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "civic311");

  public enum Kind {
    RESIDENT,
    STAFF,
    INTEGRATION,
    SYSTEM
  }

  public static Actor resident() {
    return new Actor(Kind.RESIDENT, "resident");
  }

  public static Actor integration(String clientName) {
    return new Actor(Kind.INTEGRATION, clientName);
  }

  public static Actor staff(String userName) {
    return new Actor(Kind.STAFF, userName);
  }
}
