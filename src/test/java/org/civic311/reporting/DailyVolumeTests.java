package org.civic311.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.civic311.requests.Actor;
import org.civic311.requests.CloseReason;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.DailyTotals;
import org.civic311.requests.TestReports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A manager's daily numbers follow what happens to requests, with nothing counted twice or lost. */
@SpringBootTest
class DailyVolumeTests {

  @Autowired Statistics statistics;
  @Autowired ServiceRequests requests;

  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @Test
  void a_report_is_received_today_and_closed_the_day_it_is_resolved_until_it_is_reopened() {
    DailyTotals before = potholesToday();
    RequestNumber n = requests.submit(TestReports.pothole(Reporter.ANONYMOUS)).number();
    assertThat(potholesToday().received()).isEqualTo(before.received() + 1);
    assertThat(potholesToday().closed()).isEqualTo(before.closed());

    Actor crew = Actor.staff("crew@springfield.example.gov");
    requests.change(n, new RequestChange.Resolve("Filled and compacted"), crew);
    assertThat(potholesToday().closed()).as("resolved today").isEqualTo(before.closed() + 1);

    requests.change(n, new RequestChange.Reopen("It opened up again after the rain"), Actor.resident());
    assertThat(potholesToday().closed()).as("a reopened request no longer counts as closed").isEqualTo(before.closed());

    requests.change(n, new RequestChange.Close(CloseReason.NOT_OUR_RESPONSIBILITY, "Private driveway"), crew);
    assertThat(potholesToday())
        .as("closed once more, and still received only once")
        .isEqualTo(new DailyTotals(today, "POTHOLE", before.received() + 1, before.closed() + 1));
  }

  @Test
  void volumes_come_by_day_then_category_and_a_backward_range_is_refused() {
    requests.submit(TestReports.pothole(Reporter.ANONYMOUS));
    List<DailyTotals> week = statistics.dailyVolume(today.minusDays(6), today);
    assertThat(week).isNotEmpty().isSortedAccordingTo(
        java.util.Comparator.comparing(DailyTotals::day).thenComparing(DailyTotals::categoryCode));
    assertThat(week).allSatisfy(v -> assertThat(v.day()).isBetween(today.minusDays(6), today));
    assertThat(statistics.dailyVolume(today.plusDays(1), today.plusDays(2))).as("nothing tomorrow yet").isEmpty();
    assertThatThrownBy(() -> statistics.dailyVolume(today, today.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the first day");
  }

  private DailyTotals potholesToday() {
    return statistics.dailyVolume(today, today).stream()
        .filter(v -> v.categoryCode().equals("POTHOLE"))
        .findFirst()
        .orElse(new DailyTotals(today, "POTHOLE", 0, 0));
  }

}
