package org.civic311.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.civic311.identity.Crew;
import org.civic311.identity.CrewOfAnotherDepartment;
import org.junit.jupiter.api.Test;

class CrewMembershipPolicyTests {

  static final Crew PW_EAST = new Crew("PW-EAST", "Public Works East", "PW");

  @Test
  void a_member_may_join_a_crew_of_one_of_their_departments() {
    assertThatCode(() -> CrewMembershipPolicy.check(PW_EAST, Set.of("SAN", "PW"))).doesNotThrowAnyException();
  }

  @Test
  void a_member_is_refused_a_crew_of_a_department_they_do_not_work_for() {
    assertThatThrownBy(() -> CrewMembershipPolicy.check(PW_EAST, Set.of("SAN")))
        .isInstanceOfSatisfying(CrewOfAnotherDepartment.class, refused -> {
          assertThat(refused.field()).isEqualTo("crew");
          assertThat(refused.crew()).isEqualTo(PW_EAST);
        })
        .hasMessageContaining("PW-EAST").hasMessageContaining("PW");
  }

  @Test
  void a_member_of_no_department_cannot_be_in_a_crew() {
    assertThatThrownBy(() -> CrewMembershipPolicy.check(PW_EAST, Set.of())).isInstanceOf(CrewOfAnotherDepartment.class);
  }

  @Test
  void being_in_no_crew_needs_no_department() {
    assertThatCode(() -> CrewMembershipPolicy.check(null, Set.of())).doesNotThrowAnyException();
  }
}
