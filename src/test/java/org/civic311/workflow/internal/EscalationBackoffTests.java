package org.civic311.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How long a failed SLA escalation waits, and which failures reach the log. */
class EscalationBackoffTests {

  @Test
  void the_wait_doubles_from_one_minute_after_each_failure_and_stops_growing_at_an_hour() {
    List<Long> minutes = IntStream.rangeClosed(1, 9).mapToObj(a -> EscalationBackoff.waitAfter(a).toMinutes()).toList();

    assertThat(minutes).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
  }

  @Test
  void a_failure_that_lasts_for_weeks_still_waits_an_hour_between_attempts() {
    assertThat(EscalationBackoff.waitAfter(24 * 30)).isEqualTo(Duration.ofHours(1));
    assertThat(EscalationBackoff.waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void there_is_no_wait_before_a_first_failure() {
    assertThatThrownBy(() -> EscalationBackoff.waitAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_first_failure_is_logged_and_then_only_the_attempts_that_are_a_power_of_two() {
    List<Integer> logged = IntStream.rangeClosed(1, 100).filter(EscalationBackoff::logged).boxed().toList();

    assertThat(logged).containsExactly(1, 2, 4, 8, 16, 32, 64);
  }
}
