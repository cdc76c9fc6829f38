package org.civic311.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civic311.reporting.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The requests module on the embedded PostgreSQL, with the sample city loaded. */
@SpringBootTest
class ServiceRequestsIntegrationTests {

  @Autowired ServiceRequests requests;
  @Autowired JdbcClient jdbc;
  @Autowired Statistics statistics;

  private static SubmitServiceRequest pothole(String key, String scope) {
    return TestReports.pothole(
        Channel.OPEN311, new Reporter("Ana", "Lopez", "ana@example.org", "555-0100", null, null, true, "es"), key, scope);
  }

  /** Runs the same call from several clients released at the same instant; returns their results. */
  private static <T> List<T> atOnce(int clients, java.util.concurrent.Callable<T> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) results.add(f.get());
      return results;
    }
  }

  @Test
  void sixty_four_clients_submitting_at_once_get_sixty_four_different_numbers() throws Exception {
    List<Submission> results = atOnce(64, () -> requests.submit(pothole(null, null)));
    assertThat(results.stream().map(Submission::number).collect(java.util.stream.Collectors.toSet())).hasSize(64);
  }

  @Test
  void retrying_with_the_same_idempotency_key_returns_the_first_request() throws Exception {
    String key = UUID.randomUUID().toString();
    int before = count();
    List<Submission> results = atOnce(16, () -> requests.submit(pothole(key, "client-a")));
    assertThat(results.stream().map(Submission::number).distinct()).hasSize(1);
    assertThat(results.stream().filter(Submission::replayed)).hasSize(15);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void the_same_key_from_another_client_is_a_different_request() {
    String key = UUID.randomUUID().toString();
    Submission a = requests.submit(pothole(key, "client-a"));
    Submission b = requests.submit(pothole(key, "client-b"));
    assertThat(a.number()).isNotEqualTo(b.number());
  }

  @Test
  void a_key_reused_for_a_different_request_is_refused() {
    String key = UUID.randomUUID().toString();
    requests.submit(pothole(key, "client-a"));
    var first = pothole(key, "client-a");
    var other =
        new SubmitServiceRequest(
            first.categoryCode(), first.answers(), new Location(null, null, "1 Main St", null, null),
            "Another hole", List.of(), Channel.OPEN311, Reporter.ANONYMOUS, key, "client-a");
    assertThatThrownBy(() -> requests.submit(other))
        .isInstanceOf(InvalidServiceRequest.class)
        .hasMessageContaining("Idempotency-Key");
  }

  @Test
  void a_submitted_request_is_numbered_routed_and_due_by_its_sla() {
    Submission s = requests.submit(pothole(null, null));
    assertThat(s.number().value()).matches("\\d{4}-\\d{6,}");
    ServiceRequestDetails d = requests.find(s.number()).orElseThrow();
    assertThat(d.status()).isEqualTo(Status.NEW);
    assertThat(d.departmentCode()).isEqualTo("PW");
    assertThat(d.expectedAt()).isAfter(d.requestedAt());
    assertThat(d.history()).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.SUBMITTED);
    Reporter reporter = requests.reporterOf(s.number()).orElseThrow();
    assertThat(reporter.email()).isEqualTo("ana@example.org");
    assertThat(reporter.smsConsent()).as("SMS consent is kept").isTrue();
    assertThat(reporter.language()).isEqualTo("es");
  }

  @Test
  void a_refused_submission_stores_nothing() {
    int before = count();
    var broken =
        new SubmitServiceRequest(
            "POTHOLE", Map.of(), new Location(95.0, 0.0, null, null, null), "x", List.of(), Channel.WEB,
            Reporter.ANONYMOUS, null, null);
    assertThatThrownBy(() -> requests.submit(broken)).isInstanceOf(InvalidServiceRequest.class);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void every_change_is_in_the_history_and_internal_notes_stay_internal() {
    RequestNumber n = requests.submit(pothole(null, null)).number();
    Actor dispatcher = Actor.staff("dispatcher@springfield.example.gov");
    requests.change(n, new RequestChange.Acknowledge("We have it"), dispatcher);
    requests.change(n, new RequestChange.AddInternalNote("Needs the big truck"), dispatcher);
    requests.change(n, new RequestChange.Assign("Asphalt crew 2", null), dispatcher);
    ServiceRequestDetails d = requests.change(n, new RequestChange.Resolve("Filled"), dispatcher);

    assertThat(d.status()).isEqualTo(Status.RESOLVED);
    assertThat(d.history())
        .extracting(HistoryEntry::kind)
        .containsExactly(
            HistoryEntry.Kind.SUBMITTED, HistoryEntry.Kind.ACKNOWLEDGED, HistoryEntry.Kind.ASSIGNED,
            HistoryEntry.Kind.RESOLVED);
    assertThat(d.history()).noneMatch(e -> "Needs the big truck".equals(e.text()));
    int all = jdbc.sql("SELECT count(*) FROM requests.history_entry h JOIN requests.service_request r ON r.id = h.request_id WHERE r.number = ?")
        .param(n.value()).query(Integer.class).single();
    assertThat(all).isEqualTo(5);
  }

  @Test
  void a_closed_request_cannot_be_assigned_and_stays_as_it_was() {
    RequestNumber n = requests.submit(pothole(null, null)).number();
    requests.change(n, new RequestChange.Close(CloseReason.CANCELLED, null), Actor.staff("d"));
    assertThatThrownBy(() -> requests.change(n, new RequestChange.Assign("Crew", null), Actor.staff("d")))
        .isInstanceOf(TransitionNotAllowed.class);
    assertThat(requests.find(n).orElseThrow().status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void an_earlier_closing_keeps_its_own_reason_in_the_updates_feed_after_the_request_is_closed_again() {
    java.time.Instant from = java.time.Instant.now().minusSeconds(60);
    RequestNumber n = requests.submit(pothole(null, null)).number();
    Actor city = Actor.integration("workorders");
    requests.change(n, new RequestChange.Close(CloseReason.CANCELLED, "Cancelled by the caller"), city);
    requests.change(n, new RequestChange.Reopen("Still there"), city);
    requests.change(n, new RequestChange.Close(CloseReason.NOT_OUR_RESPONSIBILITY, "State highway"), city);

    List<PublicUpdate> closings =
        requests.publicUpdates(from, java.time.Instant.now().plusSeconds(60), 100_000).stream()
            .filter(u -> u.number().equals(n) && u.kind() == HistoryEntry.Kind.CLOSED)
            .toList();
    assertThat(closings)
        .extracting(PublicUpdate::closeReason)
        .containsExactly(CloseReason.CANCELLED, CloseReason.NOT_OUR_RESPONSIBILITY);
  }

  @Test
  void merging_a_duplicate_moves_its_reporter_to_the_parent_followers() {
    RequestNumber parent = requests.submit(pothole(null, null)).number();
    RequestNumber child = requests.submit(pothole(null, null)).number();
    ServiceRequestDetails closed = requests.change(child, new RequestChange.MarkDuplicate(parent), Actor.staff("d"));
    assertThat(closed.closeReason()).isEqualTo(CloseReason.DUPLICATE);
    assertThat(closed.duplicateOf()).isEqualTo(parent);
    assertThat(requests.find(parent).orElseThrow().followers()).isEqualTo(1);
  }

  @Test
  void merging_two_requests_into_each_other_at_once_merges_one_and_refuses_the_other() throws Exception {
    RequestNumber a = requests.submit(pothole(null, null)).number();
    RequestNumber b = requests.submit(pothole(null, null)).number();
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> aIntoB = pool.submit(() -> { start.await(); return requests.change(a, new RequestChange.MarkDuplicate(b), Actor.staff("d1")); });
      Future<?> bIntoA = pool.submit(() -> { start.await(); return requests.change(b, new RequestChange.MarkDuplicate(a), Actor.staff("d2")); });
      start.countDown();
      int merged = 0;
      for (Future<?> f : List.of(aIntoB, bIntoA)) {
        try {
          f.get();
          merged++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOfAny(InvalidServiceRequest.class, TransitionNotAllowed.class);
        }
      }
      assertThat(merged).isEqualTo(1);
    }
    long duplicates =
        java.util.stream.Stream.of(a, b).map(n -> requests.find(n).orElseThrow()).filter(d -> d.duplicateOf() != null).count();
    assertThat(duplicates).isEqualTo(1);
  }

  @Test
  void an_external_update_sent_twice_is_applied_once() {
    RequestNumber n = requests.submit(pothole(null, null)).number();
    long first = requests.changeFromExternalSystem(n, "wo-17", new RequestChange.StartWork("Crew dispatched"), Actor.integration("workorders"));
    long again = requests.changeFromExternalSystem(n, "wo-17", new RequestChange.StartWork("Crew dispatched"), Actor.integration("workorders"));
    assertThat(again).isEqualTo(first);
    assertThat(requests.find(n).orElseThrow().history()).hasSize(2);
  }

  @Test
  void the_same_external_update_sent_by_several_clients_at_once_is_applied_once_and_none_fails() throws Exception {
    RequestNumber n = requests.submit(pothole(null, null)).number();
    List<Long> entries =
        atOnce(16, () -> requests.changeFromExternalSystem(
            n, "wo-99", new RequestChange.PostPublicUpdate("Crew booked for Monday"), Actor.integration("workorders")));
    assertThat(entries.stream().distinct()).hasSize(1);
    assertThat(requests.find(n).orElseThrow().history()).hasSize(2);
  }

  @Test
  void a_database_error_about_a_request_row_does_not_quote_the_reporter_in_its_message() {
    RequestNumber n = requests.submit(pothole(null, null)).number();

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE requests.service_request SET followers = -1 WHERE number = ?").param(n.value()).update())
        .hasMessageContaining("service_request_followers_check")
        .satisfies(
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("ana@example.org", "555-0100", "Lopez");
              }
            });
  }

  @Test
  void a_request_that_does_not_exist_is_not_found() {
    assertThatThrownBy(() -> requests.change(RequestNumber.of(1999, 1), new RequestChange.Resume(), Actor.SYSTEM))
        .isInstanceOf(RequestNotFound.class);
  }

  @Test
  void a_submission_is_counted_at_once_and_a_refused_one_is_not() {
    var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    long before = receivedToday("POTHOLE", today);
    requests.submit(pothole(null, null));
    assertThat(receivedToday("POTHOLE", today)).as("counted at once").isEqualTo(before + 1);

    var refused = pothole(null, null);
    assertThatThrownBy(
            () -> requests.submit(
                new SubmitServiceRequest(
                    refused.categoryCode(), Map.of(), refused.location(), refused.description(), List.of(),
                    refused.channel(), refused.reporter(), null, null)))
        .isInstanceOf(InvalidServiceRequest.class);
    assertThat(receivedToday("POTHOLE", today)).isEqualTo(before + 1);
  }

  private long receivedToday(String category, java.time.LocalDate today) {
    return statistics.dailyVolume(today, today).stream()
        .filter(v -> v.categoryCode().equals(category))
        .mapToLong(DailyTotals::received)
        .sum();
  }

  @Test
  void search_filters_by_category_status_and_text() {
    RequestNumber n = requests.submit(pothole(null, null)).number();
    RequestPage page =
        requests.search(
            new RequestQuery(List.of(), List.of("POTHOLE"), Set.of("open"), null, null, null, null, null,
                "right lane", 1, 1000, false));
    assertThat(page.requests()).extracting(ServiceRequestDetails::number).contains(n);
    RequestPage byNumber =
        requests.search(new RequestQuery(List.of(n), List.of("NOPE"), Set.of("closed"), null, null, null, null, null, null, 1, 10, true));
    assertThat(byNumber.requests()).singleElement().satisfies(d -> assertThat(d.history()).isNotEmpty());
  }

  private int count() {
    return jdbc.sql("SELECT count(*) FROM requests.service_request").query(Integer.class).single();
  }
}
