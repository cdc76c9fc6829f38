package org.civic311.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The staff accounts of the city: who may sign in, with which roles, departments and crew. */
public interface StaffAccounts {

  /** The rules every staff password must meet: 12 characters at least, 72 bytes (UTF-8) at most. */
  int MIN_PASSWORD_LENGTH = 12;

  /**
   * Creates an enabled account with this password.
   *
   * @throws StaffAccountRejected when the email is taken or malformed, a department or crew is
   *     unknown, the crew works for none of the member's departments ({@link CrewOfAnotherDepartment}),
   *     no role is given, or the password is too weak
   */
  StaffMember create(NewStaffMember member, String password);

  /** A member by sign-in email, in any case. */
  Optional<StaffMember> findByEmail(String email);

  Optional<StaffMember> find(StaffMemberId id);

  /** Every member, enabled or not, by name. */
  List<StaffMember> list();

  /** Replaces the member's roles (at least one). */
  StaffMember changeRoles(StaffMemberId id, Set<StaffRole> roles);

  /**
   * Replaces the member's roles, departments, crew and language in one transaction: when one of
   * them is refused, nothing is saved.
   *
   * @throws StaffAccountRejected when no role is given, a department or crew is unknown, the crew
   *     works for none of the new departments ({@link CrewOfAnotherDepartment}), or the language is
   *     not one of {@link StaffMember#LANGUAGES}
   */
  StaffMember update(StaffMemberId id, StaffAccountChange change);

  /** Sets the member's language (one of {@link StaffMember#LANGUAGES}) for their console pages and emails, e.g. their own choice. */
  StaffMember changeLanguage(StaffMemberId id, String language);

  /** Stops the member from signing in and ends their sessions on every node. */
  StaffMember disable(StaffMemberId id);

  /** Lets a disabled member sign in again. */
  StaffMember enable(StaffMemberId id);

  /** Sets a new password (and lifts a lockout); ends every session of the member, who signs in again with it. */
  void setPassword(StaffMemberId id, String password);

  /** Creates a crew or renames / moves an existing one. */
  Crew saveCrew(Crew crew);

  /** Every crew, by department and code. */
  List<Crew> crews();
}
