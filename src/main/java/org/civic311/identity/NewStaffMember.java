package org.civic311.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an admin gives to create a staff account.
 *
 * @param email sign-in name; unique regardless of case
 * @param name display name
 * @param roles at least one role
 * @param departments codes of catalog departments
 * @param crewCode code of an existing crew of one of these departments, or null
 * @param language the language of their emails, one of {@link StaffMember#LANGUAGES}
 */
public record NewStaffMember(
    String email, String name, Set<StaffRole> roles, Set<String> departments, @Nullable String crewCode, String language) {

  public NewStaffMember {
    roles = Set.copyOf(roles);
    departments = Set.copyOf(departments);
  }

  /** A member who reads English. */
  public NewStaffMember(String email, String name, Set<StaffRole> roles, Set<String> departments, @Nullable String crewCode) {
    this(email, name, roles, departments, crewCode, StaffMember.LANGUAGES.getFirst());
  }
}
