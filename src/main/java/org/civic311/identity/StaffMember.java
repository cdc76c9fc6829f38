package org.civic311.identity;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person of the city who signs in to Civic311, as the console and the audit log see them (never
 * their password).
 *
 * @param id internal id
 * @param email sign-in name, as typed when the account was created
 * @param name display name
 * @param roles what they may do
 * @param departments codes of the catalog departments they work for
 * @param crew the crew they belong to, if any
 * @param enabled false when an admin disabled the account
 * @param language the language of their console pages and emails, one of {@link #LANGUAGES}
 */
public record StaffMember(
    StaffMemberId id,
    String email,
    String name,
    Set<StaffRole> roles,
    Set<String> departments,
    @Nullable Crew crew,
    boolean enabled,
    String language) {

  /** The languages the console and staff emails exist in; the first is the default. */
  public static final List<String> LANGUAGES = List.of("en", "es");

  public StaffMember {
    roles = Set.copyOf(roles);
    departments = Set.copyOf(departments);
  }

  /** A member who reads English. */
  public StaffMember(
      StaffMemberId id, String email, String name, Set<StaffRole> roles, Set<String> departments, @Nullable Crew crew, boolean enabled) {
    this(id, email, name, roles, departments, crew, enabled, LANGUAGES.getFirst());
  }

  /** Whether the member has this role. */
  public boolean has(StaffRole role) {
    return roles.contains(role);
  }

  /** Whether the member works for this department. */
  public boolean worksFor(String departmentCode) {
    return departments.contains(departmentCode);
  }

  /**
   * Whether the member may read requests of this department (queues, request pages, watching one):
   * call-takers, managers and admins read every department, because a caller does not know which
   * one fixes what; dispatchers and supervisors their own; crew members their crew's.
   */
  public boolean maySeeDepartment(String departmentCode) {
    if (has(StaffRole.CALL_TAKER) || has(StaffRole.MANAGER) || has(StaffRole.ADMIN)) return true;
    if ((has(StaffRole.DISPATCHER) || has(StaffRole.SUPERVISOR)) && worksFor(departmentCode)) return true;
    return has(StaffRole.CREW) && crew != null && crew.department().equals(departmentCode);
  }
}
