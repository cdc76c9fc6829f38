package org.civic311.console.internal.web.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.civic311.identity.StaffRole;
import org.civic311.requests.Priority;
import org.civic311.requests.QueueQuery;
import org.civic311.requests.Status;
import org.junit.jupiter.api.Test;

class QueuePolicyTests {

  static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  static final List<String> DEPARTMENTS = List.of("PW", "PARKS", "SAN");
  final ConsoleAccess access = new ConsoleAccess();

  static StaffMember member(Set<StaffRole> roles, Set<String> departments) {
    return new StaffMember(new StaffMemberId(UUID.randomUUID()), "x@example.gov", "X", roles, departments, null, true);
  }

  static QueueFilter filter(String department, String status, String contact, String olderThan, String bbox, String sort) {
    return new QueueFilter(status == null ? null : List.of(status), null, null, null, olderThan, department, null, null, null,
        contact, null, null, bbox, sort, null);
  }

  QueuePolicy.Outcome build(StaffMember me, QueueFilter filter) {
    return QueuePolicy.build(filter, me, access, DEPARTMENTS, NOW, address -> Optional.empty());
  }

  @Test
  void a_dispatcher_sees_only_the_departments_they_work_for() {
    var outcome = build(member(Set.of(StaffRole.DISPATCHER), Set.of("PW")), QueueFilter.empty());
    assertThat(outcome.query().departments()).containsExactly("PW");
  }

  @Test
  void a_manager_sees_every_department_as_one_unfiltered_scope() {
    var outcome = build(member(Set.of(StaffRole.MANAGER), Set.of()), QueueFilter.empty());
    assertThat(outcome.query().departments()).isNull();
  }

  @Test
  void asking_for_another_departments_queue_is_refused_not_silently_widened() {
    var outcome = build(member(Set.of(StaffRole.DISPATCHER), Set.of("PARKS")), filter("PW", null, null, null, null, null));
    assertThat(outcome.refused()).isTrue();
    assertThat(outcome.query()).isNull();
  }

  @Test
  void no_stage_ticked_means_the_open_stages_and_all_means_every_stage() {
    var me = member(Set.of(StaffRole.SUPERVISOR), Set.of("PW"));
    assertThat(build(me, QueueFilter.empty()).query().statuses())
        .containsExactlyInAnyOrder(Status.NEW, Status.ACKNOWLEDGED, Status.ASSIGNED, Status.IN_PROGRESS, Status.ON_HOLD);
    assertThat(build(me, filter(null, "ALL", null, null, null, null)).query().statuses()).isEmpty();
    assertThat(build(me, filter(null, "resolved", null, null, null, null)).query().statuses()).containsExactly(Status.RESOLVED);
  }

  @Test
  void bad_values_are_each_named_instead_of_failing_the_page() {
    var outcome = build(member(Set.of(StaffRole.DISPATCHER), Set.of("PW")), filter("MOON", "SOON", null, "-3", "1,2,3", "sideways"));
    assertThat(outcome.query()).isNull();
    assertThat(outcome.problems()).extracting(QueuePolicy.Problem::field)
        .containsExactlyInAnyOrder("department", "status", "olderThan", "bbox", "sort");
  }

  @Test
  void age_becomes_a_submitted_before_time_and_sorts_map_to_keyset_orders() {
    var query = build(member(Set.of(StaffRole.ADMIN), Set.of()), filter(null, null, null, "7", "34,-119,35,-118", "priority")).query();
    assertThat(query.submittedBefore()).isEqualTo(NOW.minusSeconds(7 * 86_400));
    assertThat(query.sort()).isEqualTo(QueueQuery.Sort.PRIORITY);
    assertThat(query.area().minLatitude()).isEqualTo(34.0);
    assertThat(query.limit()).isEqualTo(QueuePolicy.PAGE_SIZE);
  }

  @Test
  void only_roles_that_may_see_contact_may_search_by_it() {
    assertThat(build(member(Set.of(StaffRole.MANAGER), Set.of()), filter(null, null, "ana@example.org", null, null, null)).problems())
        .extracting(QueuePolicy.Problem::field).containsExactly("contact");
    var dispatcher = build(member(Set.of(StaffRole.DISPATCHER), Set.of("PW")), filter(null, null, "ana@example.org", null, null, null));
    assertThat(dispatcher.contactSearch()).isTrue();
    assertThat(dispatcher.query().contact()).isEqualTo("ana@example.org");
    // A call-taker sees every department and talks to callers.
    assertThat(build(member(Set.of(StaffRole.CALL_TAKER), Set.of()), filter(null, null, "555 0100", null, null, null)).problems()).isEmpty();
  }

  @Test
  void near_an_address_becomes_a_box_around_its_point() {
    var me = member(Set.of(StaffRole.DISPATCHER), Set.of("PW"));
    var near = new QueueFilter(null, null, List.of("HIGH"), "true", null, null, null, null, null, null, "200 N Spring St", "1000", null, null, null);
    var outcome = QueuePolicy.build(near, me, access, DEPARTMENTS, NOW, a -> Optional.of(new double[] {34.05, -118.24}));
    var area = outcome.query().area();
    assertThat(area.minLatitude()).isLessThan(34.05).isGreaterThan(34.04);
    assertThat(area.maxLongitude()).isGreaterThan(-118.24).isLessThan(-118.22);
    assertThat(outcome.query().overdueOnly()).isTrue();
    assertThat(outcome.query().priorities()).containsExactly(Priority.HIGH);
    var unknown = QueuePolicy.build(near, me, access, DEPARTMENTS, NOW, a -> Optional.empty());
    assertThat(unknown.problems()).extracting(QueuePolicy.Problem::field).containsExactly("near");
  }

  @Test
  void a_saved_query_string_never_carries_a_contact_or_a_page_cursor() {
    var f = new QueueFilter(List.of("NEW", "ASSIGNED"), List.of("POTHOLE"), null, "true", null, "PW", null, null, "main st", "ana@example.org",
        null, null, null, "due", "abc");
    assertThat(f.toQueryString()).isEqualTo("status=NEW&status=ASSIGNED&category=POTHOLE&overdue=true&department=PW&q=main+st&sort=due");
    assertThat(f.withAfter("xyz")).endsWith("&after=xyz").doesNotContain("ana");
  }
}
