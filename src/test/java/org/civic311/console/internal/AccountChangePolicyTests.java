package org.civic311.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.civic311.identity.StaffRole;
import org.junit.jupiter.api.Test;

class AccountChangePolicyTests {

  static StaffMember member(StaffRole... roles) {
    return new StaffMember(new StaffMemberId(UUID.randomUUID()), "m@springfield.example.gov", "M", Set.of(roles), Set.of(), null, true);
  }

  final StaffMember me = member(StaffRole.ADMIN);
  final StaffMember other = member(StaffRole.ADMIN);

  @Test
  void an_admin_cannot_take_away_their_own_admin_role() {
    assertThat(AccountChangePolicy.changeRoles(me, me, Set.of(StaffRole.DISPATCHER))).contains(AccountChangePolicy.Refusal.OWN_ADMIN_ROLE);
  }

  @Test
  void an_admin_may_add_roles_to_their_own_account_while_keeping_admin() {
    assertThat(AccountChangePolicy.changeRoles(me, me, Set.of(StaffRole.ADMIN, StaffRole.MANAGER))).isEmpty();
  }

  @Test
  void an_admin_may_take_the_admin_role_from_another_admin() {
    assertThat(AccountChangePolicy.changeRoles(me, other, Set.of(StaffRole.CREW))).isEmpty();
  }

  @Test
  void an_admin_cannot_disable_themselves_but_may_disable_another() {
    assertThat(AccountChangePolicy.disable(me, me)).contains(AccountChangePolicy.Refusal.DISABLE_SELF);
    assertThat(AccountChangePolicy.disable(me, other)).isEmpty();
  }
}
