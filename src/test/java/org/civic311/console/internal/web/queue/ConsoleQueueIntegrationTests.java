package org.civic311.console.internal.web.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.MovableClock;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditSearch;
import org.civic311.catalog.Catalog;
import org.civic311.identity.Crew;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.requests.Actor;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Priority;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.ServiceRequestsMerged;
import org.civic311.requests.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The queue and request pages over real HTTP with signed-in staff, against the embedded PostgreSQL:
 * who sees and may change what, filters, keyset pages, actions through the aggregate, audited contact
 * views and searches, bulk actions, saved views, canned responses and live events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.AsApplicationClock.class)
@RecordApplicationEvents
class ConsoleQueueIntegrationTests {

  private static final Pattern ROW = Pattern.compile("<tr class=\"[^\"]*\" data-number=\"([0-9-]+)\"|<tr data-number=\"([0-9-]+)\"");
  private static final Pattern NEXT = Pattern.compile("id=\"next-page\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"next-page\"");

  @LocalServerPort int port;
  @Autowired StaffAccounts staff;
  @Autowired ServiceRequests requests;
  @Autowired Catalog catalog;
  @Autowired AuditLog audit;
  @Autowired MovableClock clock;

  ConsoleFixtures fx;
  StaffMember pwDispatcher;
  StaffMember parksDispatcher;
  StaffMember manager;
  StaffMember admin;
  Crew pwCrew;
  Crew parksCrew;

  @BeforeEach
  void setUp() {
    fx = new ConsoleFixtures(staff, requests, catalog);
    pwDispatcher = fx.member("pw-dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PW"));
    parksDispatcher = fx.member("parks-dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PARKS"));
    manager = fx.member("manager", Set.of(StaffRole.MANAGER), Set.of());
    admin = fx.member("admin", Set.of(StaffRole.ADMIN), Set.of());
    pwCrew = fx.crew("PW-E", "PW");
    parksCrew = fx.crew("PK-N", "PARKS");
  }

  ConsoleHttp as(StaffMember member) throws Exception {
    return ConsoleHttp.signedIn(port, member.email(), ConsoleFixtures.PASSWORD);
  }

  static List<String> rows(String html) {
    List<String> numbers = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) numbers.add(m.group(1) != null ? m.group(1) : m.group(2));
    return numbers;
  }

  @Test
  void a_parks_dispatcher_can_neither_see_nor_change_a_public_works_request() throws Exception {
    RequestNumber pothole = fx.request("POTHOLE", "hidden pothole");
    ConsoleHttp parks = as(parksDispatcher);

    assertThat(parks.get("/staff/requests/" + pothole.value()).statusCode()).isEqualTo(403);
    parks.get("/staff/queue");
    var assign = parks.post("/staff/requests/" + pothole.value() + "/actions/assign", Map.of("crew", pwCrew.code()));
    assertThat(assign.statusCode()).isEqualTo(403);
    assertThat(parks.post("/staff/requests/" + pothole.value() + "/contact", Map.of()).statusCode()).isEqualTo(403);
    assertThat(parks.get("/staff/queue?department=PW").statusCode()).isEqualTo(403);
    assertThat(rows(parks.get("/staff/queue?q=" + fx.run).body())).doesNotContain(pothole.value());
    // The bulk form cannot reach it either: refused in the summary, and nothing changed.
    parks.get("/staff/queue");
    var bulk = parks.post("/staff/queue/bulk", List.of(
        Map.entry("selected", pothole.value()), Map.entry("bulkAction", "assign"), Map.entry("bulkCrew", parksCrew.code())));
    assertThat(parks.follow(bulk).body()).contains("0 done, 1 refused.").contains("Not in a department you work for.");
    assertThat(requests.find(pothole).orElseThrow().status()).isEqualTo(Status.NEW);

    ConsoleHttp pw = as(pwDispatcher);
    assertThat(pw.get("/staff/requests/" + pothole.value()).statusCode()).isEqualTo(200);
    assertThat(rows(pw.get("/staff/queue?q=" + fx.run).body())).contains(pothole.value());
    // A manager reads every department but changes none.
    ConsoleHttp boss = as(manager);
    var page = boss.get("/staff/requests/" + pothole.value());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"read-only\"").doesNotContain("id=\"form-assign\"").doesNotContain("id=\"show-contact\"");
    assertThat(boss.post("/staff/requests/" + pothole.value() + "/actions/acknowledge", Map.of()).statusCode()).isEqualTo(403);
  }

  @Test
  void filters_narrow_the_queue_and_overdue_requests_are_flagged_in_words() throws Exception {
    RequestNumber old = fx.request("POTHOLE", "old crater");
    clock.advance(Duration.ofDays(12));
    RequestNumber fresh = fx.request("POTHOLE", "fresh crater");
    RequestNumber urgent = fx.request("POTHOLE", "urgent crater");
    requests.change(urgent, new RequestChange.ChangePriority(Priority.URGENT), Actor.staff("test"));
    RequestNumber held = fx.request("POTHOLE", "held crater");
    requests.change(held, new RequestChange.PutOnHold("Waiting for the gas company"), Actor.staff("test"));
    ConsoleHttp pw = as(pwDispatcher);

    String all = pw.get("/staff/queue?q=" + fx.run).body();
    assertThat(rows(all)).contains(old.value(), fresh.value(), urgent.value(), held.value());
    assertThat(all).contains("Overdue");

    assertThat(rows(pw.get("/staff/queue?overdue=true&q=" + fx.run).body())).containsExactly(old.value());
    assertThat(rows(pw.get("/staff/queue?priority=URGENT&q=" + fx.run).body())).containsExactly(urgent.value());
    assertThat(rows(pw.get("/staff/queue?status=ON_HOLD&q=" + fx.run).body())).containsExactly(held.value());
    assertThat(rows(pw.get("/staff/queue?olderThan=10&q=" + fx.run).body())).containsExactly(old.value());
    assertThat(rows(pw.get("/staff/queue?q=fresh+" + fx.run).body())).containsExactly(fresh.value());
    assertThat(rows(pw.get("/staff/queue?q=" + fresh.value()).body())).containsExactly(fresh.value());
    assertThat(rows(pw.get("/staff/queue?sort=priority&q=" + fx.run).body()).getFirst()).isEqualTo(urgent.value());
    assertThat(rows(pw.get("/staff/queue?sort=oldest&q=" + fx.run).body()).getFirst()).isEqualTo(old.value());
    assertThat(rows(pw.get("/staff/queue?bbox=34.0,-118.3,34.1,-118.2&q=" + fx.run).body())).hasSize(4);
    assertThat(rows(pw.get("/staff/queue?bbox=40.0,-75.0,40.1,-74.9&q=" + fx.run).body())).isEmpty();

    requests.change(fresh, new RequestChange.Assign(pwCrew.code(), null), Actor.staff("test"));
    assertThat(rows(pw.get("/staff/queue?crew=" + pwCrew.code() + "&q=" + fx.run).body())).containsExactly(fresh.value());
    requests.change(fresh, new RequestChange.Resolve("Filled"), Actor.staff("test"));
    assertThat(rows(pw.get("/staff/queue?q=" + fx.run).body())).doesNotContain(fresh.value());
    assertThat(rows(pw.get("/staff/queue?status=ALL&q=" + fx.run).body())).contains(fresh.value());

    var bad = pw.get("/staff/queue?olderThan=soon&bbox=1,2&sort=sideways&q=" + fx.run);
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("whole number of days").contains("four numbers").contains("Choose a sort")
        .contains("value=\"soon\"").contains("value=\"1,2\"");
    assertThat(pw.get("/staff/queue?after=not-a-cursor").body()).contains("This page link is out of date");
    // Well-formed parts in the wrong places (a rank where the time goes) are out of date too, not a 500.
    String swapped = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("0\n2026-000001".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var edited = pw.get("/staff/queue?after=" + swapped);
    assertThat(edited.statusCode()).isEqualTo(200);
    assertThat(edited.body()).contains("This page link is out of date");
  }

  @Test
  void keyset_pages_show_every_request_once_in_due_order() throws Exception {
    Set<String> mine = new HashSet<>();
    for (int i = 0; i < 120; i++) mine.add(fx.request("POTHOLE", "paged crater").value());
    ConsoleHttp pw = as(pwDispatcher);
    List<String> seen = new ArrayList<>();
    String url = "/staff/queue?sort=due&q=" + fx.run;
    int pages = 0;
    while (url != null) {
      String body = pw.get(url).body();
      seen.addAll(rows(body));
      Matcher next = NEXT.matcher(body);
      url = next.find() ? (next.group(1) != null ? next.group(1) : next.group(2)).replace("&amp;", "&") : null;
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(120).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(mine);
    assertThat(seen).isSortedAccordingTo((a, b) -> {
      var da = requests.find(new RequestNumber(a)).orElseThrow().expectedAt();
      var db = requests.find(new RequestNumber(b)).orElseThrow().expectedAt();
      int byDue = da.compareTo(db);
      return byDue != 0 ? byDue : a.compareTo(b);
    });
  }

  @Test
  void showing_a_reporters_contact_is_for_allowed_roles_and_always_audited() throws Exception {
    Reporter ana = new Reporter("Ana", "Lopez", "ana." + fx.run + "@example.org", "(213) 555-0100", null, null, true, "es");
    RequestNumber number = fx.request("POTHOLE", "contact crater", 34.05, -118.24, "200 N Spring St", ana);
    ConsoleHttp pw = as(pwDispatcher);

    String before = pw.get("/staff/requests/" + number.value()).body();
    assertThat(before).contains("id=\"show-contact\"").doesNotContain(ana.email()).doesNotContain("Lopez");
    String shown = pw.post("/staff/requests/" + number.value() + "/contact", Map.of()).body();
    assertThat(shown).contains(ana.email()).contains("Lopez").contains("(213) 555-0100");
    var entries = audit.search(new AuditSearch(pwDispatcher.email(), "viewed reporter contact", number.value(), null, null, null, 10));
    assertThat(entries).hasSize(1);
    assertThat(entries.getFirst().detail()).isNull();

    ConsoleHttp boss = as(manager);
    assertThat(boss.post("/staff/requests/" + number.value() + "/contact", Map.of()).statusCode()).isEqualTo(403);
    assertThat(boss.get("/staff/queue?contact=" + ConsoleHttp.enc(ana.email())).body())
        .contains("Your roles do not allow searching by a reporter");

    assertThat(rows(pw.get("/staff/queue?contact=" + ConsoleHttp.enc(ana.email().toUpperCase())).body())).containsExactly(number.value());
    assertThat(rows(pw.get("/staff/queue?contact=" + ConsoleHttp.enc("+1 213-555-0100") + "&q=" + fx.run).body())).containsExactly(number.value());
    var searches = audit.search(new AuditSearch(pwDispatcher.email(), "searched by reporter contact", null, null, null, null, 10));
    assertThat(searches).hasSize(2);

    // More of one caller's requests than a page holds: no page link (it could not carry the search
    // without putting the phone in the address bar, and without it would list everyone's requests).
    Reporter busyCaller = new Reporter("Bo", "Frequent", null, "(213) 555-0" + (100 + Math.abs(fx.run.hashCode() % 800)), null, null);
    for (int i = 0; i < QueuePolicy.PAGE_SIZE + 1; i++) fx.request("POTHOLE", "frequent " + i, 34.05, -118.24, null, busyCaller);
    String many = pw.get("/staff/queue?contact=" + ConsoleHttp.enc(busyCaller.phone())).body();
    assertThat(rows(many)).hasSize(QueuePolicy.PAGE_SIZE);
    assertThat(many).doesNotContain("id=\"next-page\"").contains("id=\"contact-more\"");
    assertThat(searches).allSatisfy(e -> assertThat(e.detail()).doesNotContain(ana.email()).doesNotContain("555"));
  }

  @Test
  void actions_go_through_the_request_and_a_refused_one_keeps_what_was_typed() throws Exception {
    RequestNumber number = fx.request("POTHOLE", "action crater");
    ConsoleHttp pw = as(pwDispatcher);
    pw.get("/staff/requests/" + number.value());

    var ack = pw.post("/staff/requests/" + number.value() + "/actions/acknowledge", Map.of("message", "We are on it"));
    assertThat(ack.statusCode()).isEqualTo(302);
    assertThat(pw.follow(ack).body()).contains("Acknowledged.");
    var assign = pw.post("/staff/requests/" + number.value() + "/actions/assign", Map.of("crew", pwCrew.code(), "assignee", ""));
    assertThat(assign.statusCode()).isEqualTo(302);
    pw.post("/staff/requests/" + number.value() + "/actions/priority", Map.of("priority", "HIGH"));
    pw.post("/staff/requests/" + number.value() + "/actions/note", Map.of("message", "Gas line nearby, call first"));

    ServiceRequestDetails now = requests.find(number).orElseThrow();
    assertThat(now.status()).isEqualTo(Status.ASSIGNED);
    assertThat(now.assignedCrew()).isEqualTo(pwCrew.code());
    assertThat(now.priority()).isEqualTo(Priority.HIGH);
    assertThat(now.history()).extracting(HistoryEntry::text).doesNotContain("Gas line nearby, call first");
    String page = pw.get("/staff/requests/" + number.value()).body();
    assertThat(page).contains("Gas line nearby, call first").contains("Internal").contains("Public").contains(pwCrew.name());

    // A crew of another department is refused by the form check, with the text kept.
    var wrongCrew = pw.post("/staff/requests/" + number.value() + "/actions/assign", Map.of("crew", parksCrew.code()));
    assertThat(wrongCrew.statusCode()).isEqualTo(422);
    assertThat(wrongCrew.body()).contains("This crew belongs to another department.");
    // The aggregate refuses resuming a request that is not on hold; the page says so and keeps the form.
    var resume = pw.post("/staff/requests/" + number.value() + "/actions/resume", Map.of());
    assertThat(resume.statusCode()).isEqualTo(422);
    assertThat(resume.body()).contains("id=\"action-problem\"").contains("it is not on hold");
    var reopen = pw.post("/staff/requests/" + number.value() + "/actions/reopen", Map.of("reason", "Residents say it is back"));
    assertThat(reopen.statusCode()).isEqualTo(422);
    assertThat(reopen.body()).contains("it is still open").contains("Residents say it is back");

    var refer = pw.post("/staff/requests/" + number.value() + "/actions/refer", Map.of("agency", "Caltrans", "reason", "State highway"));
    assertThat(refer.statusCode()).isEqualTo(302);
    ServiceRequestDetails referred = requests.find(number).orElseThrow();
    assertThat(referred.status()).isEqualTo(Status.CLOSED);
    assertThat(referred.closeReason()).isEqualTo(org.civic311.requests.CloseReason.REFERRED);
    assertThat(referred.statusNotes()).isEqualTo("Referred to Caltrans: State highway");
    var unknown = pw.post("/staff/requests/" + number.value() + "/actions/explode", Map.of());
    assertThat(unknown.statusCode()).isEqualTo(404);
    // Re-routed to a department the dispatcher does not see: back to the queue, told so.
    RequestNumber tree = fx.request("POTHOLE", "actually a tree root");
    var rerouted = pw.post("/staff/requests/" + tree.value() + "/actions/reroute", Map.of("department", "PARKS", "reason", "Tree roots lift the road"));
    assertThat(rerouted.statusCode()).isEqualTo(302);
    assertThat(rerouted.headers().firstValue("Location").orElseThrow()).endsWith("/staff/queue");
    assertThat(pw.follow(rerouted).body()).contains("Request " + tree.value() + " was re-routed to a department outside your queue.");
    assertThat(requests.find(tree).orElseThrow().departmentCode()).isEqualTo("PARKS");
  }

  @Test
  void merging_moves_the_reporter_and_followers_to_the_parent_and_says_so_in_an_event(ApplicationEvents events) throws Exception {
    RequestNumber parent = fx.request("POTHOLE", "parent crater");
    RequestNumber child = fx.request("POTHOLE", "child crater",
        34.0522, -118.2437, "200 N Spring St", new Reporter(null, null, "child." + fx.run + "@example.org", null, null, null));
    requests.change(child, new RequestChange.Follow(), Actor.resident());
    requests.change(child, new RequestChange.Follow(), Actor.resident());
    ConsoleHttp pw = as(pwDispatcher);
    pw.get("/staff/requests/" + child.value());

    var merge = pw.post("/staff/requests/" + child.value() + "/actions/merge", Map.of("parent", parent.value()));
    assertThat(merge.statusCode()).isEqualTo(302);
    assertThat(requests.find(child).orElseThrow().duplicateOf()).isEqualTo(parent);
    assertThat(requests.find(parent).orElseThrow().followers()).isEqualTo(3);
    // Made here rather than over HTTP: the recorded events are this thread's.
    RequestNumber another = fx.request("POTHOLE", "another child crater");
    requests.change(another, new RequestChange.Follow(), Actor.resident());
    requests.change(another, new RequestChange.MarkDuplicate(parent), Actor.staff(pwDispatcher.email()));
    assertThat(events.stream(ServiceRequestsMerged.class))
        .containsExactly(new ServiceRequestsMerged(another, parent, 2, clock.instant()));
    assertThat(requests.find(parent).orElseThrow().followers()).isEqualTo(5);
    assertThat(pw.get("/staff/requests/" + parent.value()).body()).containsPattern("id=\"fact-followers\">5<");
    var self = pw.post("/staff/requests/" + parent.value() + "/actions/merge", Map.of("parent", "not a number"));
    assertThat(self.statusCode()).isEqualTo(422);
    assertThat(self.body()).contains("Give the parent&#39;s request number").contains("value=\"not a number\"");
  }

  @Test
  void a_bulk_action_applies_to_each_request_and_reports_what_was_refused() throws Exception {
    RequestNumber a = fx.request("POTHOLE", "storm crater");
    RequestNumber b = fx.request("POTHOLE", "storm crater");
    RequestNumber closed = fx.request("POTHOLE", "storm crater");
    requests.change(closed, new RequestChange.Close(org.civic311.requests.CloseReason.CANCELLED, null), Actor.staff("test"));
    RequestNumber park = fx.request("PARK_MAINTENANCE", "storm park");
    ConsoleHttp pw = as(pwDispatcher);
    pw.get("/staff/queue?q=" + fx.run);

    var answer = pw.post("/staff/queue/bulk", List.of(
        Map.entry("selected", a.value()), Map.entry("selected", b.value()), Map.entry("selected", closed.value()),
        Map.entry("selected", park.value()), Map.entry("bulkAction", "assign"), Map.entry("bulkCrew", pwCrew.code()),
        Map.entry("back", "q=" + fx.run)));
    assertThat(answer.statusCode()).isEqualTo(302);
    String summary = pw.follow(answer).body();
    assertThat(summary).contains("2 done, 2 refused.").contains("is closed").contains("Not in a department you work for.");
    assertThat(requests.find(a).orElseThrow().assignedCrew()).isEqualTo(pwCrew.code());
    assertThat(requests.find(b).orElseThrow().assignedCrew()).isEqualTo(pwCrew.code());

    RequestNumber main = fx.request("POTHOLE", "storm main");
    pw.get("/staff/queue");
    var dup = pw.post("/staff/queue/bulk", List.of(
        Map.entry("selected", a.value()), Map.entry("selected", b.value()), Map.entry("bulkAction", "duplicate"),
        Map.entry("bulkParent", main.value())));
    assertThat(pw.follow(dup).body()).contains("2 done, 0 refused.");
    assertThat(requests.find(main).orElseThrow().followers()).isEqualTo(2);
    assertThat(pw.post("/staff/queue/bulk", List.of(Map.entry("bulkAction", "assign"))).headers().firstValue("Location")).isPresent();
  }

  @Test
  void a_refusal_of_the_request_reads_in_spanish_on_a_spanish_page() throws Exception {
    RequestNumber closed = fx.request("POTHOLE", "closed crater");
    requests.change(closed, new RequestChange.Close(org.civic311.requests.CloseReason.CANCELLED, null), Actor.staff("test"));
    ConsoleHttp pw = as(pwDispatcher);
    pw.get("/staff/requests/" + closed.value() + "?lang=es");

    var assign = pw.post("/staff/requests/" + closed.value() + "/actions/assign", Map.of("crew", pwCrew.code()));
    assertThat(assign.statusCode()).isEqualTo(422);
    assertThat(assign.body()).contains("La solicitud " + closed.value() + " no se puede asignar: está cerrada.")
        .doesNotContain("cannot");
    var resume = pw.post("/staff/requests/" + closed.value() + "/actions/resume", Map.of());
    assertThat(resume.body()).contains("no se puede reanudar: no está en espera");

    pw.get("/staff/queue?lang=es");
    var bulk = pw.post("/staff/queue/bulk", List.of(
        Map.entry("selected", closed.value()), Map.entry("bulkAction", "assign"), Map.entry("bulkCrew", pwCrew.code())));
    assertThat(pw.follow(bulk).body()).contains("no se puede asignar: está cerrada").doesNotContain("cannot assign");
  }

  @Test
  void a_bulk_action_is_audited_per_request_number_with_what_was_refused_and_no_typed_text() throws Exception {
    RequestNumber a = fx.request("POTHOLE", "audited crater");
    RequestNumber closed = fx.request("POTHOLE", "audited crater");
    requests.change(closed, new RequestChange.Close(org.civic311.requests.CloseReason.CANCELLED, null), Actor.staff("test"));
    RequestNumber main = fx.request("POTHOLE", "audited main");
    ConsoleHttp pw = as(pwDispatcher);
    pw.get("/staff/queue");
    var dup = pw.post("/staff/queue/bulk", List.of(
        Map.entry("selected", a.value()), Map.entry("selected", closed.value()), Map.entry("bulkAction", "duplicate"),
        Map.entry("bulkParent", main.value()), Map.entry("back", "q=secretword")));
    assertThat(pw.follow(dup).body()).contains("1 done, 1 refused.");

    var done = audit.search(new AuditSearch(null, null, a.value(), null, null, null, 10));
    assertThat(done).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(pwDispatcher.email());
      assertThat(e.action()).isEqualTo("bulk close as duplicate");
      assertThat(e.detail()).isEqualTo("parent " + main.value() + "; done");
    });
    var refused = audit.search(new AuditSearch(null, "bulk", closed.value(), null, null, null, 10));
    assertThat(refused).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("parent " + main.value() + "; refused (merge-not-open)"));
    var batch = audit.search(new AuditSearch(pwDispatcher.email(), "POST /staff/queue/bulk", null, null, null, null, 1));
    assertThat(batch).singleElement().satisfies(e -> assertThat(e.detail()).startsWith("bulk close as duplicate: 1 done, 1 refused"));
    assertThat(audit.search(new AuditSearch(pwDispatcher.email(), null, null, null, null, null, 20)))
        .allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain("secret"));

    // The audit page's search by request number answers "who closed it?".
    String page = as(admin).get("/staff/audit?target=" + a.value()).body();
    assertThat(page).contains("bulk close as duplicate").contains(pwDispatcher.email()).contains(main.value());
  }

  @Test
  void saved_views_belong_to_their_member_and_never_keep_a_contact_search() throws Exception {
    ConsoleHttp pw = as(pwDispatcher);
    pw.get("/staff/queue");
    var saved = pw.post("/staff/queue/views", Map.of("name", "Urgent potholes", "query", "priority=URGENT&category=POTHOLE&contact=ana%40example.org"));
    String page = pw.follow(saved).body();
    assertThat(page).contains("View saved: Urgent potholes").contains("href=\"/staff/queue?priority=URGENT&amp;category=POTHOLE\"");
    assertThat(as(parksDispatcher).get("/staff/queue").body()).doesNotContain("Urgent potholes");
    var empty = pw.post("/staff/queue/views", Map.of("name", " ", "query", "q=x"));
    assertThat(pw.follow(empty).body()).contains("Give the view a name");
    Matcher delete = Pattern.compile("/staff/queue/views/(\\d+)/delete").matcher(page);
    assertThat(delete.find()).isTrue();
    pw.post(delete.group(), Map.of());
    assertThat(pw.get("/staff/queue").body()).doesNotContain("Urgent potholes");
  }

  @Test
  void admins_edit_canned_responses_and_staff_post_one_as_a_public_update() throws Exception {
    assertThat(as(pwDispatcher).get("/staff/admin/canned-responses").statusCode()).isEqualTo(403);
    ConsoleHttp boss = as(admin);
    assertThat(boss.get("/staff/admin/canned-responses").body()).contains("Crew scheduled").contains("Cuadrilla programada");
    var bad = boss.post("/staff/admin/canned-responses", Map.of("language", "english", "title", "Road closed " + fx.run, "body", "x", "position", "5"));
    assertThat(bad.body()).contains("Give a language code").contains("Road closed " + fx.run);
    var added = boss.post("/staff/admin/canned-responses", Map.of("language", "en", "title", "Road closed " + fx.run, "body", "The road is closed while we work " + fx.run, "position", "99"));
    assertThat(added.statusCode()).isEqualTo(302);

    RequestNumber number = fx.request("POTHOLE", "canned crater");
    ConsoleHttp pw = as(pwDispatcher);
    String page = pw.get("/staff/requests/" + number.value()).body();
    Matcher option = Pattern.compile("<option value=\"(\\d+)\" data-body=\"The road is closed while we work " + fx.run + "\"").matcher(page);
    assertThat(option.find()).isTrue();
    var posted = pw.post("/staff/requests/" + number.value() + "/actions/update", Map.of("canned", option.group(1), "message", ""));
    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(requests.find(number).orElseThrow().statusNotes()).isEqualTo("The road is closed while we work " + fx.run);
  }

  @Test
  void an_open_request_page_hears_of_a_change_as_it_commits() throws Exception {
    RequestNumber number = fx.request("POTHOLE", "live crater");
    ConsoleHttp pw = as(pwDispatcher);
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> stream = client.send(
        HttpRequest.newBuilder(pw.uri("/staff/requests/" + number.value() + "/live")).header("Cookie", pw.cookieHeader())
            .header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    try (var reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> {
        try {
          String line;
          boolean inChanged = false;
          while ((line = reader.readLine()) != null) {
            if (line.equals("event:changed")) inChanged = true;
            else if (inChanged && line.startsWith("data:")) return line.substring(5);
          }
          return null;
        } catch (java.io.IOException e) {
          return null;
        }
      });
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        requests.change(number, new RequestChange.AddInternalNote("poke"), Actor.staff("test"));
        assertThat(changed.getNow(null)).isEqualTo(number.value());
      });
      assertThat(changed.get(10, TimeUnit.SECONDS)).isEqualTo(number.value());
    }
    ConsoleHttp parks = as(parksDispatcher);
    assertThat(parks.get("/staff/requests/" + number.value() + "/live").statusCode()).isEqualTo(403);
  }

  @Test
  void a_live_update_reads_the_facts_and_history_alone_and_leaves_the_confirmation_for_the_next_page() throws Exception {
    RequestNumber number = fx.request("POTHOLE", "fragment crater");
    ConsoleHttp pw = as(pwDispatcher);
    assertThat(pw.get("/staff/requests/" + number.value()).body()).contains("data-current-url=\"/staff/requests/" + number.value() + "/current\"");
    var posted = pw.post("/staff/requests/" + number.value() + "/actions/note", Map.of("message", "Checked the depth " + fx.run));
    assertThat(posted.statusCode()).isEqualTo(302);

    var current = pw.get("/staff/requests/" + number.value() + "/current");
    assertThat(current.statusCode()).isEqualTo(200);
    assertThat(current.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(current.body().strip()).startsWith("<div id=\"request-live\"");
    assertThat(current.body()).contains("Checked the depth " + fx.run).doesNotContain("<html").doesNotContain("id=\"action-done\"");

    assertThat(pw.get("/staff/requests/" + number.value()).body())
        .as("the confirmation is still there for the page the form led to")
        .contains("id=\"action-done\"");
    assertThat(as(parksDispatcher).get("/staff/requests/" + number.value() + "/current").statusCode()).isEqualTo(403);
    assertThat(pw.get("/staff/requests/2026-99999999/current").statusCode()).isEqualTo(404);
  }
}
