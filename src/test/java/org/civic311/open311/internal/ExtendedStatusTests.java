package org.civic311.open311.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.PublicUpdate;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtendedStatusTests {

  @ParameterizedTest
  @CsvSource({
    "FIXED, Resolve",
    "CLOSED, Close",
    "IN_PROGRESS, StartWork",
    "ACTION_SCHEDULED, StartWork",
    "DUPLICATE, Close",
    "NOT_COUNCILS_RESPONSIBILITY, Close",
    "NO_FURTHER_ACTION, Close",
    "INTERNAL_REFERRAL, Close",
    "CANCELLED, Close",
    "REOPEN, Reopen",
    "FOR_TRIAGE, PostPublicUpdate"
  })
  void each_posted_status_maps_to_one_kind_of_change(ExtendedStatus status, String change) {
    assertThat(status.toChange(Status.ASSIGNED, "note").getClass().getSimpleName()).isEqualTo(change);
  }

  @Test
  void closing_statuses_carry_their_reason() {
    assertThat(ExtendedStatus.CLOSED.toChange(Status.NEW, null)).isEqualTo(new RequestChange.Close(CloseReason.COMPLETED, null));
    assertThat(ExtendedStatus.DUPLICATE.toChange(Status.NEW, "x")).isEqualTo(new RequestChange.Close(CloseReason.DUPLICATE, "x"));
    assertThat(ExtendedStatus.NOT_COUNCILS_RESPONSIBILITY.toChange(Status.NEW, null))
        .isEqualTo(new RequestChange.Close(CloseReason.NOT_OUR_RESPONSIBILITY, null));
    assertThat(ExtendedStatus.NO_FURTHER_ACTION.toChange(Status.NEW, null))
        .isEqualTo(new RequestChange.Close(CloseReason.NO_FURTHER_ACTION, null));
    assertThat(ExtendedStatus.INTERNAL_REFERRAL.toChange(Status.NEW, null)).isEqualTo(new RequestChange.Close(CloseReason.REFERRED, null));
    assertThat(ExtendedStatus.CANCELLED.toChange(Status.NEW, null)).isEqualTo(new RequestChange.Close(CloseReason.CANCELLED, null));
  }

  @Test
  void investigating_acknowledges_a_new_request_and_is_a_public_update_for_one_already_past_that() {
    assertThat(ExtendedStatus.INVESTIGATING.toChange(Status.NEW, null)).isEqualTo(new RequestChange.Acknowledge(null));
    assertThat(ExtendedStatus.PLANNED.toChange(Status.IN_PROGRESS, "Next week"))
        .isEqualTo(new RequestChange.PostPublicUpdate("Next week"));
    assertThat(ExtendedStatus.OPEN.toChange(Status.ASSIGNED, null)).isEqualTo(new RequestChange.PostPublicUpdate("Status: open."));
  }

  @Test
  void changes_that_need_a_message_get_one_when_the_update_has_none() {
    assertThat(ExtendedStatus.FIXED.toChange(Status.IN_PROGRESS, " ")).isEqualTo(new RequestChange.Resolve("Fixed."));
    assertThat(ExtendedStatus.REOPEN.toChange(Status.RESOLVED, null)).isEqualTo(new RequestChange.Reopen("Reopened."));
    assertThat(ExtendedStatus.FOR_TRIAGE.toChange(Status.NEW, null)).isEqualTo(new RequestChange.PostPublicUpdate("Status: for triage."));
  }

  @ParameterizedTest
  @CsvSource({
    "IN_PROGRESS, IN_PROGRESS",
    "ACTION_SCHEDULED, IN_PROGRESS",
    "FIXED, RESOLVED",
    "FIXED, CLOSED",
    "CLOSED, CLOSED",
    "CANCELLED, CLOSED",
    "DUPLICATE, CLOSED"
  })
  void a_status_the_request_already_has_posts_the_message_instead_of_being_refused(
      ExtendedStatus status, Status current) {
    assertThat(status.toChange(current, "Crew came back for a second look"))
        .isEqualTo(new RequestChange.PostPublicUpdate("Crew came back for a second look"));
    assertThat(status.toChange(current, null)).isInstanceOf(RequestChange.PostPublicUpdate.class);
  }

  @ParameterizedTest
  @CsvSource({
    "NEW, , SUBMITTED, open",
    "ACKNOWLEDGED, , ACKNOWLEDGED, investigating",
    "ASSIGNED, , ASSIGNED, action_scheduled",
    "IN_PROGRESS, , WORK_STARTED, in_progress",
    "ON_HOLD, , PUT_ON_HOLD, planned",
    "RESOLVED, , RESOLVED, fixed",
    "CLOSED, COMPLETED, CLOSED, closed",
    "CLOSED, DUPLICATE, CLOSED, duplicate",
    "CLOSED, NOT_OUR_RESPONSIBILITY, CLOSED, not_councils_responsibility",
    "CLOSED, REFERRED, CLOSED, internal_referral",
    "CLOSED, CANCELLED, CLOSED, cancelled",
    "CLOSED, NO_FURTHER_ACTION, CLOSED, no_further_action",
    "NEW, , REOPENED, reopen",
    "CLOSED, DUPLICATE, MARKED_DUPLICATE, duplicate"
  })
  void the_feed_shows_the_lower_case_status_fixmystreet_expects(
      Status status, CloseReason reason, HistoryEntry.Kind kind, String expected) {
    var update = new PublicUpdate(1, new RequestNumber("2026-000001"), status, reason, kind, Instant.EPOCH, null);

    assertThat(ExtendedStatus.of(update).open311()).isEqualTo(expected);
  }
}
