package org.civic311.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic311.catalog.SlaTarget;
import org.civic311.requests.Actor;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry.Kind;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.civic311.requests.TransitionNotAllowed;
import org.junit.jupiter.api.Test;

class ServiceRequestTests {

  private static final Instant MONDAY = Instant.parse("2026-11-23T17:00:00Z");
  private final Actor dispatcher = Actor.staff("dispatcher");

  private static ValidSubmission smallPothole() {
    return SubmissionPolicy.check(
        Fixtures.pothole(Map.of("SIZE", List.of("small")), Fixtures.downtown()),
        Optional.of(Fixtures.POTHOLE),
        Fixtures.SPRINGFIELD);
  }

  private ServiceRequest newRequest() {
    return newRequest(null);
  }

  private ServiceRequest newRequest(Instant expectedAt) {
    ServiceRequest r =
        ServiceRequest.submit(
            UUID.randomUUID(), RequestNumber.of(2026, 1), smallPothole(), "PW", null, MONDAY, expectedAt, Actor.resident());
    r.clearPending();
    return r;
  }

  @Test
  void a_new_request_starts_new_with_a_public_submitted_entry() {
    ServiceRequest r =
        ServiceRequest.submit(
            UUID.randomUUID(), RequestNumber.of(2026, 7), smallPothole(), "PW", null, MONDAY, null, Actor.resident());
    assertThat(r.status()).isEqualTo(Status.NEW);
    assertThat(r.pendingEntries()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(Kind.SUBMITTED);
      assertThat(e.isPublic()).isTrue();
    });
  }

  @Test
  void a_closed_request_cannot_be_assigned() {
    ServiceRequest r = newRequest();
    r.apply(new RequestChange.Close(CloseReason.CANCELLED, null), dispatcher, MONDAY);
    assertThatThrownBy(() -> r.apply(new RequestChange.Assign("Crew 4", null), dispatcher, MONDAY))
        .isInstanceOf(TransitionNotAllowed.class)
        .hasMessageContaining("it is closed");
    assertThat(r.status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void a_request_follows_the_usual_path_to_closure() {
    ServiceRequest r = newRequest();
    r.apply(new RequestChange.Acknowledge(null), dispatcher, MONDAY);
    r.apply(new RequestChange.Assign("Crew 4", null), dispatcher, MONDAY);
    r.apply(new RequestChange.StartWork("Crew on site"), Actor.staff("crew4"), MONDAY);
    r.apply(new RequestChange.Resolve("Filled with hot asphalt"), Actor.staff("crew4"), MONDAY);
    r.apply(new RequestChange.Close(CloseReason.COMPLETED, null), dispatcher, MONDAY);
    assertThat(r.pendingEntries())
        .extracting(ServiceRequest.PendingEntry::kind)
        .containsExactly(Kind.ACKNOWLEDGED, Kind.ASSIGNED, Kind.WORK_STARTED, Kind.RESOLVED, Kind.CLOSED);
    assertThat(r.status()).isEqualTo(Status.CLOSED);
    assertThat(r.status().open311()).isEqualTo("closed");
    assertThat(r.statusNotes()).isEqualTo("Filled with hot asphalt");
    assertThat(r.closedAt()).isEqualTo(MONDAY);
  }

  @Test
  void a_request_on_hold_returns_to_where_it_was() {
    ServiceRequest r = newRequest();
    r.apply(new RequestChange.Assign("Crew 4", null), dispatcher, MONDAY);
    r.apply(new RequestChange.PutOnHold("Waiting for the gas company"), dispatcher, MONDAY);
    assertThatThrownBy(() -> r.apply(new RequestChange.Assign("Crew 5", null), dispatcher, MONDAY))
        .isInstanceOf(TransitionNotAllowed.class)
        .hasMessageContaining("resume it first");
    r.apply(new RequestChange.Resume(), dispatcher, MONDAY);
    assertThat(r.status()).isEqualTo(Status.ASSIGNED);
  }

  @Test
  void reopening_clears_the_closure_and_needs_a_reason() {
    ServiceRequest r = newRequest();
    r.apply(new RequestChange.Resolve("Fixed"), dispatcher, MONDAY);
    assertThatThrownBy(() -> r.apply(new RequestChange.Reopen(" "), Actor.resident(), MONDAY))
        .isInstanceOf(InvalidServiceRequest.class);
    r.apply(new RequestChange.Reopen("Still a hole there"), Actor.resident(), MONDAY);
    assertThat(r.status()).isEqualTo(Status.NEW);
    assertThat(r.closeReason()).isNull();
    assertThat(r.closedAt()).isNull();
  }

  @Test
  void an_open_request_cannot_be_reopened() {
    ServiceRequest r = newRequest();
    assertThatThrownBy(() -> r.apply(new RequestChange.Reopen("again"), Actor.resident(), MONDAY))
        .isInstanceOf(TransitionNotAllowed.class);
  }

  @Test
  void internal_notes_are_not_public_and_do_not_change_status_notes() {
    ServiceRequest r = newRequest();
    r.apply(new RequestChange.PostPublicUpdate("Scheduled for Thursday"), dispatcher, MONDAY);
    r.apply(new RequestChange.AddInternalNote("Caller was rude"), dispatcher, MONDAY);
    assertThat(r.pendingEntries()).extracting(ServiceRequest.PendingEntry::isPublic).containsExactly(true, false);
    assertThat(r.statusNotes()).isEqualTo("Scheduled for Thursday");
  }

  @Test
  void merging_closes_the_duplicate_and_points_to_the_parent() {
    ServiceRequest r = newRequest();
    r.apply(new RequestChange.MarkDuplicate(RequestNumber.of(2026, 99)), dispatcher, MONDAY);
    assertThat(r.status()).isEqualTo(Status.CLOSED);
    assertThat(r.closeReason()).isEqualTo(CloseReason.DUPLICATE);
    assertThat(r.duplicateOf()).isEqualTo(RequestNumber.of(2026, 99));
  }

  @Test
  void a_request_cannot_duplicate_itself() {
    ServiceRequest r = newRequest();
    assertThatThrownBy(() -> r.apply(new RequestChange.MarkDuplicate(r.number()), dispatcher, MONDAY))
        .isInstanceOf(InvalidServiceRequest.class);
  }

  @Test
  void putting_a_request_on_hold_and_resuming_it_moves_its_due_date_by_the_time_on_hold() {
    DueDatePolicy.SlaClock fortyEightHours =
        new DueDatePolicy.SlaClock(new SlaTarget(48, SlaTarget.Unit.HOURS), new WeekdaysAroundTheClock(() -> Fixtures.SPRINGFIELD.timeZone()));
    ServiceRequest r = newRequest(MONDAY.plus(Duration.ofHours(48)));
    r.apply(new RequestChange.PutOnHold("Waiting for the gas company"), dispatcher, MONDAY.plus(Duration.ofHours(10)), fortyEightHours);
    assertThat(r.onHoldSince()).isEqualTo(MONDAY.plus(Duration.ofHours(10)));
    r.apply(new RequestChange.Resume(), dispatcher, MONDAY.plus(Duration.ofHours(30)), fortyEightHours);
    assertThat(r.expectedAt()).isEqualTo(MONDAY.plus(Duration.ofHours(68)));
    assertThat(r.onHoldSince()).isNull();
  }

  @Test
  void a_request_closed_while_on_hold_is_no_longer_on_hold() {
    ServiceRequest r = newRequest(MONDAY.plus(Duration.ofHours(48)));
    r.apply(new RequestChange.PutOnHold("Waiting for parts"), dispatcher, MONDAY);
    r.apply(new RequestChange.Close(CloseReason.CANCELLED, null), dispatcher, MONDAY.plus(Duration.ofHours(1)));
    assertThat(r.onHoldSince()).isNull();
    assertThat(r.expectedAt()).isEqualTo(MONDAY.plus(Duration.ofHours(48)));
  }

  @Test
  void a_reopened_request_gets_a_new_due_date_counted_from_the_reopening() {
    DueDatePolicy.SlaClock eightHours =
        new DueDatePolicy.SlaClock(new SlaTarget(8, SlaTarget.Unit.HOURS), new WeekdaysAroundTheClock(() -> Fixtures.SPRINGFIELD.timeZone()));
    ServiceRequest r = newRequest(MONDAY.plus(Duration.ofHours(8)));
    r.apply(new RequestChange.Resolve("Tree removed"), dispatcher, MONDAY.plus(Duration.ofHours(2)), eightHours);
    Instant reopened = MONDAY.plus(Duration.ofDays(3));
    r.apply(new RequestChange.Reopen("Branches are still on the sidewalk"), Actor.resident(), reopened, eightHours);
    assertThat(r.expectedAt()).isEqualTo(reopened.plus(Duration.ofHours(8)));
  }

  @Test
  void the_public_sees_the_crew_but_not_the_name_of_the_staff_member_assigned() {
    ServiceRequest r = newRequest();
    r.apply(new RequestChange.Assign(null, "Jane Smith"), dispatcher, MONDAY);
    assertThat(r.assignee()).isEqualTo("Jane Smith");
    assertThat(r.statusNotes()).isEqualTo("Assigned to a member of staff");
    r.apply(new RequestChange.Assign("Asphalt crew 2", "Jane Smith"), dispatcher, MONDAY);
    assertThat(r.statusNotes()).isEqualTo("Assigned to Asphalt crew 2");
    assertThat(r.pendingEntries()).noneMatch(e -> e.text() != null && e.text().contains("Jane"));
  }
}
