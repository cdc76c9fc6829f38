package org.civic311.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.civic311.notifications.NotificationEvent;
import org.civic311.requests.HistoryEntry.Kind;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestChanged;
import org.civic311.requests.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The rules of delivery, without Spring: who hears of what, how long to wait, what may be logged. */
class DeliveryRulesTests {

  private static ServiceRequestChanged change(Kind kind, boolean isPublic) {
    return new ServiceRequestChanged(
        new RequestNumber("2026-000001"), "POTHOLE", "PW", kind, Status.NEW, Status.NEW, isPublic, 1, Instant.EPOCH);
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"PUT_ON_HOLD", "RESUMED", "PRIORITY_CHANGED", "REROUTED", "INTERNAL_NOTE", "FOLLOWED", "SUBMITTED"})
  void residents_hear_nothing_of_internal_changes(Kind kind) {
    assertThat(RequestEventListener.residentsHear(change(kind, true))).isEmpty();
    assertThat(RequestEventListener.residentsHear(change(kind, false))).isEmpty();
  }

  @Test
  void residents_hear_of_every_public_stage_and_message() {
    assertThat(RequestEventListener.residentsHear(change(Kind.WORK_STARTED, true))).contains(NotificationEvent.WORK_STARTED);
    assertThat(RequestEventListener.residentsHear(change(Kind.MARKED_DUPLICATE, true)))
        .as("a merge is told once, by ServiceRequestsMerged, which also moves the followers")
        .isEmpty();
    assertThat(RequestEventListener.residentsHear(change(Kind.PUBLIC_UPDATE, true))).contains(NotificationEvent.PUBLIC_UPDATE);
    assertThat(RequestEventListener.residentsHear(change(Kind.RESOLVED, false))).as("a change staff kept private").isEmpty();
  }

  @Test
  void the_wait_doubles_per_attempt_with_jitter_and_stays_under_the_maximum() {
    Random random = new Random(311);
    Duration base = Duration.ofSeconds(30);
    Duration max = Duration.ofHours(6);
    for (int attempt = 1; attempt <= 60; attempt++) {
      long full = Math.min(max.toMillis(), attempt >= 40 ? max.toMillis() : base.toMillis() << (attempt - 1));
      for (int i = 0; i < 50; i++) {
        long wait = DeliveryWorker.backoff(attempt, base, max, random).toMillis();
        assertThat(wait).isBetween(full / 2, full);
      }
    }
    assertThat(DeliveryWorker.backoff(1, base, max, new Random(1))).isLessThanOrEqualTo(base);
  }

  @Test
  void errors_kept_for_admins_carry_no_addresses() {
    var e = new jakarta.mail.SendFailedException("Invalid Addresses: ana.lopez@example.org, <b@x.org>",
        new IllegalStateException("550 5.1.1 <ana.lopez@example.org>: mailbox unavailable"));
    assertThat(DeliveryWorker.withoutAddresses(e))
        .doesNotContain("ana.lopez", "b@x.org")
        .contains("SendFailedException", "<address>", "550 5.1.1");
  }

  @Test
  void admins_see_a_masked_address() {
    assertThat(DeliveryStore.mask("ana.lopez@example.org")).isEqualTo("a***@example.org");
  }
}
