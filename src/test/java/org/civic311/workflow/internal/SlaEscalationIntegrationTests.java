package org.civic311.workflow.internal;

import org.civic311.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.CloseReason;
import org.civic311.requests.Location;
import org.civic311.requests.Priority;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.civic311.workflow.BusinessCalendars;
import org.civic311.workflow.CalendarSettings;
import org.civic311.workflow.Holiday;
import org.civic311.workflow.InvalidCalendar;
import org.civic311.workflow.SlaBreached;
import org.civic311.workflow.SlaWarningReached;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Due dates, holds and escalation in the running application, with Springfield's seeded calendar
 * (Monday to Friday 08:00-17:00 in Los Angeles, US federal holidays). Time is a clock the tests move
 * forward; the escalation job is called directly instead of waiting for its schedule.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"civic311.workflow.escalation.enabled=false", "civic311.webhooks.sender-enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class SlaEscalationIntegrationTests {

  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MovableClock movableClock() {
      // Monday 1 February 2027, 08:00 in Springfield.
      return new MovableClock(LocalDateTime.parse("2027-02-01T08:00").atZone(LOS_ANGELES).toInstant());
    }

    @Bean
    Escalations escalations() {
      return new Escalations();
    }

    @Bean
    FailingListener failingListener() {
      return new FailingListener();
    }
  }

  /**
   * A listener in the escalation's transaction that fails for the requests named, as a broken
   * downstream (a full disk, a lost connection) would: the escalation's transaction rolls back.
   */
  static class FailingListener {
    final Set<RequestNumber> failFor = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final Map<RequestNumber, Integer> breachAttempts = new java.util.concurrent.ConcurrentHashMap<>();

    @org.springframework.context.event.EventListener
    void on(SlaWarningReached event) {
      if (failFor.contains(event.number())) throw new IllegalStateException("warning cannot be handled right now");
    }

    @org.springframework.context.event.EventListener
    void on(SlaBreached event) {
      breachAttempts.merge(event.number(), 1, Integer::sum);
      if (failFor.contains(event.number())) throw new IllegalStateException("breach cannot be handled right now");
    }

    /** How many times escalation tried to breach the request, failed attempts included. */
    int breachAttempts(RequestNumber number) {
      return breachAttempts.getOrDefault(number, 0);
    }
  }

  /** What the notifications module would hear: escalation events that were committed. */
  @Component
  static class Escalations {
    final List<SlaWarningReached> warnings = new CopyOnWriteArrayList<>();
    final List<SlaBreached> breaches = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(SlaWarningReached event) {
      warnings.add(event);
    }

    @TransactionalEventListener
    void on(SlaBreached event) {
      breaches.add(event);
    }

    List<SlaWarningReached> warningsFor(RequestNumber number) {
      return warnings.stream().filter(w -> w.number().equals(number)).toList();
    }

    List<SlaBreached> breachesFor(RequestNumber number) {
      return breaches.stream().filter(b -> b.number().equals(number)).toList();
    }
  }

  @Autowired ServiceRequests requests;
  @Autowired BusinessCalendars calendars;
  @Autowired SlaEscalation escalation;
  @Autowired MovableClock clock;
  @Autowired Escalations escalations;
  @Autowired FailingListener failing;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  // --- helpers ---

  private static Instant local(LocalDate day, String time) {
    return day.atTime(LocalTime.parse(time)).atZone(LOS_ANGELES).toInstant();
  }

  private LocalDate today() {
    return clock.instant().atZone(LOS_ANGELES).toLocalDate();
  }

  /** The next Monday after today whose two weeks have no holiday, so expected dates are plain to read. */
  private LocalDate nextQuietMonday() {
    Set<LocalDate> holidays = new java.util.HashSet<>();
    calendars.calendar().holidays().forEach(h -> holidays.add(h.date()));
    LocalDate monday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    while (monday.datesUntil(monday.plusDays(14)).anyMatch(holidays::contains)) monday = monday.plusWeeks(1);
    return monday;
  }

  private RequestNumber submit(String category, Map<String, List<String>> answers) {
    return requests.submit(
            new SubmitServiceRequest(
                category,
                answers,
                new Location(34.0522, -118.2437, "200 N Spring St", null, "90012"),
                "Reported for the SLA tests",
                List.of(),
                Channel.PHONE,
                Reporter.ANONYMOUS,
                null,
                null))
        .number();
  }

  /** 8 hours around the clock, Parks. */
  private RequestNumber fallenTree() {
    return submit("FALLEN_TREE", Map.of("BLOCKING", List.of("street")));
  }

  /** 1 business day, Sanitation. */
  private RequestNumber missedPickup() {
    return submit("MISSED_PICKUP", Map.of("BINS", List.of("trash"), "OUT_BY", List.of("yes")));
  }

  /** 3 business days, Public Works. */
  private RequestNumber pothole() {
    return submit("POTHOLE", Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")));
  }

  private ServiceRequestDetails details(RequestNumber number) {
    return requests.find(number).orElseThrow();
  }

  private Instant due(RequestNumber number) {
    return details(number).expectedAt();
  }

  private void change(RequestNumber number, RequestChange change) {
    requests.change(number, change, Actor.staff("dispatcher"));
  }

  private Instant open311ExpectedDatetime(RequestNumber number) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests/" + number.value() + ".json")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    String text = JsonMapper.builder().build().readTree(response.body()).get(0).get("expected_datetime").asString();
    return OffsetDateTime.parse(text).toInstant();
  }

  // --- the calendar ---

  @Test
  void the_sample_city_starts_with_weekdays_from_eight_to_five_and_the_us_federal_holidays() {
    CalendarSettings calendar = calendars.calendar();
    assertThat(calendar.timeZone()).isEqualTo(LOS_ANGELES);
    assertThat(calendar.workingDays()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(calendar.opens()).isEqualTo(LocalTime.of(8, 0));
    assertThat(calendar.closes()).isEqualTo(LocalTime.of(17, 0));
    assertThat(calendar.holidays()).hasSize(23).contains(new Holiday(LocalDate.parse("2026-11-26"), "Thanksgiving Day"));
  }

  @Test
  void due_dates_count_working_hours_and_skip_weekends_and_holidays() {
    LocalDate monday = nextQuietMonday();

    clock.moveTo(local(monday, "18:30"));
    assertThat(due(missedPickup())).as("after hours: one working day from Tuesday's opening").isEqualTo(local(monday.plusDays(1), "17:00"));

    clock.moveTo(local(monday.plusDays(5), "10:00"));
    assertThat(due(pothole())).as("on Saturday: three working days from Monday's opening").isEqualTo(local(monday.plusDays(9), "17:00"));

    clock.moveTo(local(monday.plusDays(7), "09:00"));
    assertThat(due(fallenTree())).as("hours targets count around the clock").isEqualTo(local(monday.plusDays(7), "17:00"));

    // The next federal holiday on a weekday: a report the working day before, at 16:00, has one hour
    // that day and eight hours on the next working day after the holiday.
    LocalDate holiday =
        calendars.calendar().holidays().stream()
            .map(Holiday::date)
            .filter(d -> d.isAfter(today()) && d.getDayOfWeek().getValue() <= 5)
            .findFirst()
            .orElseThrow();
    LocalDate before = holiday.minusDays(holiday.getDayOfWeek() == DayOfWeek.MONDAY ? 3 : 1);
    LocalDate after = holiday.plusDays(holiday.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
    clock.moveTo(local(before, "16:00"));
    assertThat(due(missedPickup())).as("skips " + holiday).isEqualTo(local(after, "16:00"));
  }

  @Test
  void changing_the_calendar_applies_to_new_due_dates_here_at_once_and_on_other_nodes_after_the_cache_time() {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "10:00"));
    assertThat(due(pothole())).isEqualTo(local(monday.plusDays(3), "10:00"));

    calendars.addHoliday(new Holiday(monday.plusDays(1), "Founders' Day"));
    assertThat(due(pothole())).as("Tuesday off: Monday 7 h, Wednesday 9 h, Thursday 9 h, Friday 2 h").isEqualTo(local(monday.plusDays(4), "10:00"));
    assertThat(calendars.removeHoliday(monday.plusDays(1))).isTrue();
    assertThat(calendars.removeHoliday(monday.plusDays(1))).isFalse();
    assertThat(due(pothole())).isEqualTo(local(monday.plusDays(3), "10:00"));

    // Another node's admin adds a holiday: this node sees it once its cached copy expires.
    jdbc.sql("INSERT INTO workflow.holiday (date, name) VALUES (?, 'Snow day')").param(java.sql.Date.valueOf(monday.plusDays(2))).update();
    assertThat(due(pothole())).as("still the cached calendar").isEqualTo(local(monday.plusDays(3), "10:00"));
    clock.advance(Duration.ofSeconds(31));
    assertThat(due(pothole())).isEqualTo(local(monday.plusDays(4), "10:00").plusSeconds(31));
    calendars.removeHoliday(monday.plusDays(2));

    calendars.saveWorkingTime(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(7, 0), LocalTime.of(19, 0));
    try {
      clock.moveTo(local(monday.plusDays(4), "18:00"));
      assertThat(due(missedPickup())).as("Friday 1 h, Saturday 11 h").isEqualTo(local(monday.plusDays(5), "18:00"));
    } finally {
      calendars.saveWorkingTime(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0));
    }
  }

  @Test
  void a_calendar_that_cannot_work_is_refused_with_a_clear_message_and_nothing_changes() {
    assertThatThrownBy(() -> calendars.saveWorkingTime(Set.of(), LocalTime.of(8, 0), LocalTime.of(17, 0)))
        .isInstanceOf(InvalidCalendar.class)
        .hasMessageContaining("at least one working day");
    assertThatThrownBy(() -> calendars.saveWorkingTime(Set.of(DayOfWeek.MONDAY), LocalTime.of(17, 0), LocalTime.of(8, 0)))
        .isInstanceOf(InvalidCalendar.class)
        .hasMessageContaining("close after it opens");
    assertThatThrownBy(() -> calendars.addHoliday(new Holiday(LocalDate.parse("2027-03-17"), "  ")))
        .isInstanceOf(InvalidCalendar.class)
        .hasMessageContaining("name");
    assertThat(calendars.calendar().workingDays()).hasSize(5);
    assertThat(calendars.calendar().holidays()).noneMatch(h -> h.date().equals(LocalDate.parse("2027-03-17")));
  }

  // --- holds ---

  @Test
  void a_hold_pauses_the_clock_and_open311_shows_the_later_expected_datetime() throws Exception {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "10:00"));
    RequestNumber tree = fallenTree();
    assertThat(open311ExpectedDatetime(tree)).isEqualTo(local(monday, "18:00"));

    clock.moveTo(local(monday, "12:00"));
    change(tree, new RequestChange.PutOnHold("Waiting for the power company to make the lines safe"));
    clock.moveTo(local(monday, "17:00"));
    change(tree, new RequestChange.Resume());
    assertThat(due(tree)).as("8 hours target: 5 hours on hold are added").isEqualTo(local(monday, "23:00"));
    assertThat(open311ExpectedDatetime(tree)).isEqualTo(local(monday, "23:00"));

    // A business-day target moves by the working time on hold only: Thursday 16:00 to Monday 09:00
    // is 1 + 9 + 1 = 11 working hours.
    clock.moveTo(local(monday.plusDays(3), "10:00"));
    RequestNumber pothole = pothole();
    assertThat(due(pothole)).isEqualTo(local(monday.plusDays(8), "10:00"));
    clock.moveTo(local(monday.plusDays(3), "16:00"));
    change(pothole, new RequestChange.PutOnHold("Waiting for a utility mark-out"));
    clock.moveTo(local(monday.plusDays(7), "09:00"));
    change(pothole, new RequestChange.Resume());
    assertThat(open311ExpectedDatetime(pothole)).isEqualTo(local(monday.plusDays(9), "12:00"));
  }

  // --- escalation ---

  @Test
  void the_dispatcher_is_warned_once_when_three_quarters_of_the_target_have_passed() {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "08:00"));
    RequestNumber tree = fallenTree(); // due 16:00, warning at 14:00

    clock.moveTo(local(monday, "13:55"));
    escalation.run();
    assertThat(escalations.warningsFor(tree)).isEmpty();

    clock.moveTo(local(monday, "14:01"));
    escalation.run();
    escalation.run();
    assertThat(escalations.warningsFor(tree))
        .singleElement()
        .isEqualTo(new SlaWarningReached(tree, "FALLEN_TREE", "PARKS", local(monday, "16:00")));
    assertThat(details(tree).priority()).as("a warning changes nothing on the request").isEqualTo(Priority.NORMAL);

    clock.moveTo(local(monday, "15:00"));
    escalation.run();
    assertThat(escalations.warningsFor(tree)).hasSize(1);
    assertThat(escalations.breachesFor(tree)).isEmpty();
  }

  @Test
  void a_business_day_request_is_warned_with_three_quarters_of_its_working_time_gone() {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "08:00"));
    RequestNumber pothole = pothole(); // 27 working hours: due Wednesday 17:00, warning after 20h15: Wednesday 10:15

    clock.moveTo(local(monday.plusDays(2), "10:10"));
    escalation.run();
    assertThat(escalations.warningsFor(pothole)).isEmpty();
    clock.moveTo(local(monday.plusDays(2), "10:20"));
    escalation.run();
    assertThat(escalations.warningsFor(pothole)).singleElement().extracting(SlaWarningReached::dueAt).isEqualTo(local(monday.plusDays(2), "17:00"));
  }

  @Test
  void a_breach_raises_the_priority_one_step_and_is_published_once_even_on_two_nodes_at_once() throws Exception {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "08:00"));
    RequestNumber tree = fallenTree();
    clock.moveTo(local(monday, "16:01"));

    // Two nodes run the job at the same moment, then each runs it again.
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(nodes.submit(() -> {
          start.await();
          return escalation.run();
        }));
      }
      start.countDown();
      for (Future<Integer> run : runs) run.get();
    } finally {
      nodes.shutdown();
    }
    escalation.run();
    escalation.run();
    // A node whose view of the scan is an hour old looks at the same due dates again.
    jdbc.sql("UPDATE workflow.sla_scan SET last_run_at = last_run_at - interval '1 hour'").update();
    escalation.run();

    assertThat(escalations.breachesFor(tree))
        .singleElement()
        .isEqualTo(new SlaBreached(tree, "FALLEN_TREE", "PARKS", local(monday, "16:00"), Priority.HIGH));
    ServiceRequestDetails breached = details(tree);
    assertThat(breached.priority()).as("one step up from normal, once").isEqualTo(Priority.HIGH);
    assertThat(breached.overdueAt(clock.instant())).isTrue();
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM requests.history_entry h JOIN requests.service_request r ON r.id = h.request_id
                    WHERE r.number = ? AND h.kind = 'PRIORITY_CHANGED' AND h.actor_name = 'sla'
                    """)
                .param(tree.value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void resolved_closed_and_held_requests_are_not_escalated() {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "08:00"));
    RequestNumber open = fallenTree();
    RequestNumber resolved = fallenTree();
    RequestNumber closed = fallenTree();
    RequestNumber held = fallenTree();
    change(resolved, new RequestChange.Resolve("Tree cut up and removed"));
    change(closed, new RequestChange.Close(CloseReason.REFERRED, "This tree is on private land"));
    change(held, new RequestChange.PutOnHold("Waiting for the power company"));

    clock.moveTo(local(monday, "20:00"));
    escalation.run();

    assertThat(escalations.breachesFor(open)).hasSize(1);
    for (RequestNumber quiet : List.of(resolved, closed, held)) {
      assertThat(escalations.warningsFor(quiet)).as(quiet.value()).isEmpty();
      assertThat(escalations.breachesFor(quiet)).as(quiet.value()).isEmpty();
      assertThat(details(quiet).priority()).isEqualTo(Priority.NORMAL);
      assertThat(details(quiet).overdueAt(clock.instant())).as("not flagged overdue in queues").isFalse();
    }
    assertThat(requests.openRequestsDue(Instant.EPOCH, null, clock.instant(), Set.of("FALLEN_TREE"), 1000))
        .as("the overdue queue")
        .extracting(r -> r.number())
        .contains(open)
        .doesNotContain(resolved, closed, held);
  }

  @Test
  void a_reopened_request_gets_a_new_clock_that_warns_and_breaches_again() {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "08:00"));
    RequestNumber tree = fallenTree();
    clock.moveTo(local(monday, "16:30"));
    escalation.run();
    assertThat(escalations.breachesFor(tree)).hasSize(1);
    assertThat(escalations.warningsFor(tree)).as("past due when first seen: a breach, no late warning").isEmpty();
    change(tree, new RequestChange.Resolve("Branch removed"));

    clock.moveTo(local(monday.plusDays(1), "09:00"));
    requests.change(tree, new RequestChange.Reopen("The trunk is still across the sidewalk"), Actor.resident());
    assertThat(due(tree)).isEqualTo(local(monday.plusDays(1), "17:00"));

    clock.moveTo(local(monday.plusDays(1), "15:30"));
    escalation.run();
    assertThat(escalations.warningsFor(tree))
        .singleElement()
        .extracting(SlaWarningReached::dueAt)
        .isEqualTo(local(monday.plusDays(1), "17:00"));
    clock.moveTo(local(monday.plusDays(1), "17:05"));
    escalation.run();
    assertThat(escalations.breachesFor(tree)).extracting(SlaBreached::priority).containsExactly(Priority.HIGH, Priority.URGENT);
  }

  @Test
  void a_warning_that_keeps_failing_for_longer_than_the_rescan_window_is_sent_once_it_succeeds() {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "08:00"));
    RequestNumber tree = fallenTree(); // due 16:00, warning at 14:00
    failing.failFor.add(tree);
    try {
      clock.moveTo(local(monday, "14:01"));
      for (int minute = 0; minute < 15; minute++) {
        escalation.run();
        clock.advance(Duration.ofMinutes(1));
      }
      assertThat(escalations.warningsFor(tree)).as("failing for 15 minutes").isEmpty();
    } finally {
      failing.failFor.remove(tree);
    }

    escalation.run();
    escalation.run();
    assertThat(escalations.warningsFor(tree))
        .singleElement()
        .isEqualTo(new SlaWarningReached(tree, "FALLEN_TREE", "PARKS", local(monday, "16:00")));
    assertThat(pendingRetries(tree)).as("nothing left to retry").isZero();
  }

  @Test
  void a_failing_breach_is_retried_until_the_request_is_closed_and_then_dropped() {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "08:00"));
    RequestNumber tree = fallenTree();
    failing.failFor.add(tree);
    try {
      clock.moveTo(local(monday, "16:30"));
      escalation.run();
      clock.moveTo(local(monday, "17:30"));
      escalation.run();
      assertThat(pendingRetries(tree)).as("still due an hour later").isOne();

      change(tree, new RequestChange.Close(CloseReason.REFERRED, "The tree is on private land"));
      clock.moveTo(nextAttempt(tree));
      escalation.run();
      assertThat(pendingRetries(tree)).as("closed: no longer relevant").isZero();
    } finally {
      failing.failFor.remove(tree);
    }
    clock.moveTo(local(monday, "18:30"));
    escalation.run();
    assertThat(escalations.breachesFor(tree)).isEmpty();
    assertThat(details(tree).priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void a_failing_breach_waits_longer_after_each_failure_up_to_an_hour_and_is_made_at_the_first_attempt_after_it_works(
      CapturedOutput output) {
    LocalDate monday = nextQuietMonday();
    clock.moveTo(local(monday, "08:00"));
    RequestNumber tree = fallenTree(); // due 16:00
    failing.failFor.add(tree);
    List<Long> waits = new ArrayList<>();
    try {
      clock.moveTo(local(monday, "16:01"));
      escalation.run();
      assertThat(failing.breachAttempts(tree)).isOne();
      for (int attempt = 2; attempt <= 9; attempt++) {
        Instant next = nextAttempt(tree);
        waits.add(Duration.between(clock.instant(), next).toMinutes());
        // The first of these runs still has the due date in its scan window: the wait holds there too.
        clock.moveTo(next.minusSeconds(1));
        escalation.run();
        assertThat(failing.breachAttempts(tree)).as("a second before attempt %d is due", attempt).isEqualTo(attempt - 1);
        clock.moveTo(next);
        escalation.run();
        assertThat(failing.breachAttempts(tree)).as("attempt %d when it is due", attempt).isEqualTo(attempt);
      }
    } finally {
      failing.failFor.remove(tree);
    }
    assertThat(waits).as("minutes waited after each failure").containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    assertThat(escalations.breachesFor(tree)).isEmpty();
    assertThat(details(tree).priority()).as("failed attempts leave the request as it was").isEqualTo(Priority.NORMAL);

    Instant next = nextAttempt(tree);
    clock.moveTo(next.minusSeconds(1));
    escalation.run();
    assertThat(escalations.breachesFor(tree)).as("working again, but still waiting").isEmpty();
    clock.moveTo(next);
    escalation.run();
    clock.advance(Duration.ofHours(2));
    escalation.run();
    assertThat(escalations.breachesFor(tree))
        .singleElement()
        .isEqualTo(new SlaBreached(tree, "FALLEN_TREE", "PARKS", local(monday, "16:00"), Priority.HIGH));
    assertThat(details(tree).priority()).isEqualTo(Priority.HIGH);
    assertThat(pendingRetries(tree)).as("made: nothing left to retry").isZero();

    String failedAgain = "SLA BREACH of request " + tree.value() + " failed again (%d attempts)";
    assertThat(output.getAll())
        .contains("SLA BREACH of request " + tree.value() + " failed; tried again from")
        .contains(failedAgain.formatted(2), failedAgain.formatted(4), failedAgain.formatted(8))
        .doesNotContain(failedAgain.formatted(3), failedAgain.formatted(5), failedAgain.formatted(6), failedAgain.formatted(7))
        .doesNotContain(failedAgain.formatted(9));
  }

  private Instant nextAttempt(RequestNumber number) {
    return jdbc.sql("SELECT next_attempt_at FROM workflow.sla_escalation_retry WHERE request_number = ?")
        .param(number.value())
        .query((rs, i) -> rs.getTimestamp(1).toInstant())
        .single();
  }

  private int pendingRetries(RequestNumber number) {
    return jdbc.sql("SELECT count(*) FROM workflow.sla_escalation_retry WHERE request_number = ?")
        .param(number.value())
        .query(Integer.class)
        .single();
  }
}
