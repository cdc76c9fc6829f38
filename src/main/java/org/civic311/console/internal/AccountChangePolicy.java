package org.civic311.console.internal;

import java.util.Optional;
import java.util.Set;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;

/**
 * What an admin may not do to their own account: take away their own ADMIN role or disable
 * themselves. Either would lock the city out of its admin pages when they are the last admin, and
 * another admin can always do it for them.
 */
public final class AccountChangePolicy {

  /** Why a change was refused. */
  public enum Refusal {
    OWN_ADMIN_ROLE,
    DISABLE_SELF
  }

  private AccountChangePolicy() {}

  /** Whether {@code me} may give {@code target} exactly these roles. */
  public static Optional<Refusal> changeRoles(StaffMember me, StaffMember target, Set<StaffRole> roles) {
    if (me.id().equals(target.id()) && me.has(StaffRole.ADMIN) && !roles.contains(StaffRole.ADMIN)) {
      return Optional.of(Refusal.OWN_ADMIN_ROLE);
    }
    return Optional.empty();
  }

  /** Whether {@code me} may disable {@code target}. */
  public static Optional<Refusal> disable(StaffMember me, StaffMember target) {
    return me.id().equals(target.id()) ? Optional.of(Refusal.DISABLE_SELF) : Optional.empty();
  }
}
