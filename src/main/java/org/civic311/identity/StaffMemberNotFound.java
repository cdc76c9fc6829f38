package org.civic311.identity;

/** No staff member has the given id (a 404 for web callers). */
public class StaffMemberNotFound extends RuntimeException {

  public StaffMemberNotFound(StaffMemberId id) {
    super("No staff member " + id);
  }
}
