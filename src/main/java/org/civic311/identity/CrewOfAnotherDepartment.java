package org.civic311.identity;

/**
 * A member put in a crew that works for none of their departments; {@link #crew()} lets a page name
 * the crew and its department in the admin's language.
 */
public class CrewOfAnotherDepartment extends StaffAccountRejected {

  private final Crew crew;

  public CrewOfAnotherDepartment(Crew crew) {
    super("crew", "Crew " + crew.code() + " works for department " + crew.department()
        + ", which is not one of the member's departments");
    this.crew = crew;
  }

  /** The refused crew, with the department it works for. */
  public Crew crew() {
    return crew;
  }
}
