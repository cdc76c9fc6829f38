package org.civic311.console.internal.web.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic311.identity.Crew;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.civic311.identity.StaffRole;
import org.civic311.requests.CloseReason;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.junit.jupiter.api.Test;

class RequestActionsTests {

  static final List<Crew> CREWS = List.of(new Crew("PW-EAST", "Public Works East", "PW"), new Crew("PK-N", "Parks North", "PARKS"));
  static final List<StaffMember> STAFF = List.of(
      new StaffMember(new StaffMemberId(UUID.randomUUID()), "Lee@City.gov", "Lee", Set.of(StaffRole.CREW), Set.of("PW"), null, true),
      new StaffMember(new StaffMemberId(UUID.randomUUID()), "gone@city.gov", "Gone", Set.of(StaffRole.CREW), Set.of("PW"), null, false),
      new StaffMember(new StaffMemberId(UUID.randomUUID()), "park@city.gov", "Park", Set.of(StaffRole.DISPATCHER), Set.of("PARKS"), null, true));

  static ActionForm form(String field, String value) {
    return new ActionForm(
        field.equals("message") ? value : null, field.equals("crew") ? value : null, field.equals("assignee") ? value : null,
        field.equals("priority") ? value : null, null, field.equals("reason") ? value : null, field.equals("agency") ? value : null,
        field.equals("closeReason") ? value : null, field.equals("parent") ? value : null, null);
  }

  static RequestChange change(String action, ActionForm form) {
    return RequestActions.change(action, form, "PW", CREWS, STAFF);
  }

  @Test
  void assigning_takes_a_crew_of_the_requests_department_or_an_enabled_person() {
    assertThat(change("assign", form("crew", "PW-EAST"))).isEqualTo(new RequestChange.Assign("PW-EAST", null));
    assertThat(change("assign", form("assignee", "lee@city.gov"))).isEqualTo(new RequestChange.Assign(null, "lee@city.gov"));
    assertThatThrownBy(() -> change("assign", form("crew", "PK-N"))).hasMessage("queue.action.problem.crewDepartment");
    assertThatThrownBy(() -> change("assign", form("crew", "NOPE"))).hasMessage("queue.action.problem.crew");
    assertThatThrownBy(() -> change("assign", form("assignee", "gone@city.gov"))).hasMessage("queue.action.problem.person");
    assertThatThrownBy(() -> change("assign", form("assignee", "park@city.gov")))
        .as("someone of another department, from a hand-made form").hasMessage("queue.action.problem.person");
    assertThatThrownBy(() -> change("assign", ActionForm.empty())).hasMessage("queue.action.problem.assignee");
  }

  @Test
  void referring_closes_as_referred_with_the_agency_in_the_public_text() {
    var form = new ActionForm(null, null, null, null, null, "State highway", "Caltrans", null, null, null);
    assertThat(change("refer", form)).isEqualTo(new RequestChange.Close(CloseReason.REFERRED, "Referred to Caltrans: State highway"));
    assertThatThrownBy(() -> change("refer", ActionForm.empty())).hasMessage("queue.action.problem.required.agency");
  }

  @Test
  void closing_as_duplicate_or_referred_goes_through_their_own_actions() {
    assertThatThrownBy(() -> change("close", form("closeReason", "DUPLICATE"))).hasMessage("queue.action.problem.closeReasonAction");
    assertThatThrownBy(() -> change("close", form("closeReason", "MAYBE"))).hasMessage("queue.action.problem.closeReason");
    assertThat(change("close", form("closeReason", "cancelled"))).isEqualTo(new RequestChange.Close(CloseReason.CANCELLED, null));
  }

  @Test
  void merging_needs_a_well_formed_parent_number() {
    assertThat(change("merge", form("parent", " 2026-000123 "))).isEqualTo(new RequestChange.MarkDuplicate(new RequestNumber("2026-000123")));
    assertThatThrownBy(() -> change("merge", form("parent", "123"))).hasMessage("queue.action.problem.parent");
  }

  @Test
  void texts_the_resident_or_staff_read_are_required_where_the_action_needs_one() {
    assertThatThrownBy(() -> change("resolve", form("message", "  "))).hasMessage("queue.action.problem.required.message");
    assertThatThrownBy(() -> change("hold", ActionForm.empty())).hasMessage("queue.action.problem.required.reason");
    assertThat(change("note", form("message", "Call first"))).isEqualTo(new RequestChange.AddInternalNote("Call first"));
    assertThat(change("acknowledge", ActionForm.empty())).isEqualTo(new RequestChange.Acknowledge(null));
    assertThat(change("priority", form("priority", "urgent"))).isEqualTo(new RequestChange.ChangePriority(Priority.URGENT));
  }
}
