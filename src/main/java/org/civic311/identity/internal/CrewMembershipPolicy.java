package org.civic311.identity.internal;

import java.util.Set;
import org.civic311.identity.Crew;
import org.civic311.identity.CrewOfAnotherDepartment;
import org.jspecify.annotations.Nullable;

/**
 * Who may be in which crew. A crew member sees and works the requests of their crew's department
 * ({@link org.civic311.identity.StaffMember#maySeeDepartment}), so a crew outside the member's own
 * departments would hand them another department's work behind its dispatchers' backs.
 */
final class CrewMembershipPolicy {

  private CrewMembershipPolicy() {}

  /**
   * Refuses a crew whose department is not one of the member's departments; no crew is always fine.
   *
   * @param departments the member's departments as they will be saved (catalog codes)
   * @throws CrewOfAnotherDepartment when the crew works for another department
   */
  static void check(@Nullable Crew crew, Set<String> departments) {
    if (crew != null && !departments.contains(crew.department())) throw new CrewOfAnotherDepartment(crew);
  }
}
