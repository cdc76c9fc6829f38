package org.civic311.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything an admin edits on an existing account, saved together or not at all.
 *
 * @param roles at least one role
 * @param departments codes of catalog departments
 * @param crewCode code of an existing crew of one of these departments, or null for none
 * @param language the member's language (console pages and emails), one of {@link StaffMember#LANGUAGES}
 */
public record StaffAccountChange(Set<StaffRole> roles, Set<String> departments, @Nullable String crewCode, String language) {

  public StaffAccountChange {
    roles = Set.copyOf(roles);
    departments = Set.copyOf(departments);
  }
}
