package org.civic311.console.internal;

import java.util.Set;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the console: the one place these rules live, so pages, actions and the
 * access matrix test agree. Roles add up; an account without a role sees only its home page.
 *
 * <ul>
 *   <li>Call-takers take phone reports and look up a caller's earlier requests, in every department,
 *       because a caller does not know which department fixes what.
 *   <li>Dispatchers and supervisors work the queues of their own departments.
 *   <li>Crews see and update the jobs of their own crew.
 *   <li>Managers read every department's queue; admins run the catalog, accounts, keys and audit log.
 * </ul>
 */
@Component
public class ConsoleAccess {

  /** Whether the member may take a report for a caller (intake page, caller lookup). */
  public boolean canTakeReports(StaffMember member) {
    return any(member, StaffRole.CALL_TAKER, StaffRole.DISPATCHER, StaffRole.SUPERVISOR, StaffRole.ADMIN);
  }

  /** Whether the member has a queue page at all. */
  public boolean canSeeQueues(StaffMember member) {
    return any(member, StaffRole.DISPATCHER, StaffRole.SUPERVISOR, StaffRole.MANAGER, StaffRole.ADMIN, StaffRole.CALL_TAKER);
  }

  /** Whether the member may read requests of this department (queue rows, detail page). */
  public boolean canSeeDepartment(StaffMember member, String departmentCode) {
    return member.maySeeDepartment(departmentCode);
  }

  /** Whether the member may change requests of this department (acknowledge, assign, resolve...). */
  public boolean canWorkDepartment(StaffMember member, String departmentCode) {
    if (member.has(StaffRole.ADMIN)) return true;
    return any(member, StaffRole.DISPATCHER, StaffRole.SUPERVISOR) && member.worksFor(departmentCode);
  }

  /** Whether the member may act on requests as a crew member (my jobs, on site, done). */
  public boolean isCrew(StaffMember member) {
    return member.has(StaffRole.CREW) && member.crew() != null;
  }

  /**
   * Whether the member may see a reporter's name, email and phone: those who talk to residents and
   * run the department; never crews or managers (reports and dashboards need no one's contact).
   * Every view is audited.
   */
  public boolean canSeeReporterContact(StaffMember member, String departmentCode) {
    if (any(member, StaffRole.CALL_TAKER, StaffRole.ADMIN)) return true;
    return any(member, StaffRole.DISPATCHER, StaffRole.SUPERVISOR) && member.worksFor(departmentCode);
  }

  /** Whether the member runs Civic311: categories, departments, crews, accounts, API keys. */
  public boolean canAdminister(StaffMember member) {
    return member.has(StaffRole.ADMIN);
  }

  /** Whether the member may read the audit log. */
  public boolean canReadAuditLog(StaffMember member) {
    return member.has(StaffRole.ADMIN);
  }

  private static boolean any(StaffMember member, StaffRole... roles) {
    return Set.of(roles).stream().anyMatch(member::has);
  }
}
