package org.civic311.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.civic311.audit.AuditEntry;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditSearch;
import org.civic311.identity.Crew;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffRole;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Status;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The call-taker's intake and the crews' job pages over real HTTP with the demo accounts: what a
 * call-taker types survives a refused report, a caller's history is found and the look-up audited, a
 * phone report is stored as such, a nearby duplicate is offered and followed, crew actions apply once
 * per client action id, and nobody acts outside their role or crew.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.application.name=civic311-console-intake-tests", "civic311.demo.staff-accounts=true"})
class IntakeAndJobsIntegrationTests {

  static final String CALL_TAKER = "calltaker@springfield.example.gov";
  static final String CREW = "crew@springfield.example.gov";

  @LocalServerPort int port;
  @Autowired ServiceRequests requests;
  @Autowired AuditLog audit;
  @Autowired StaffAccounts accounts;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void a_refused_report_keeps_every_typed_value_and_links_each_problem_to_its_field() throws Exception {
    ConsoleHttp browser = ConsoleHttp.signedIn(port, CALL_TAKER, "demo-calltaker-2026");
    browser.get("/staff/intake");
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("action", "submit");
    form.put("lookup", "213 555 0199");
    form.put("category", "POTHOLE");
    form.put("answer.POSITION", "bike_lane");
    form.put("address", "");
    form.put("description", "Deep hole near the <school> gate");
    form.put("name", "Rosa Martinez");
    form.put("email", "rosa-at-example");
    form.put("phone", "213 555 0199");
    form.put("smsConsent", "true");
    form.put("language", "es");

    HttpResponse<String> page = browser.post("/staff/intake", form);

    assertThat(page.statusCode()).isEqualTo(422);
    String html = page.body();
    assertThat(html).contains("id=\"error-summary\"")
        .contains("href=\"#address\"").contains("href=\"#answer-SIZE\"").contains("href=\"#email\"");
    assertThat(html).contains("Deep hole near the &lt;school&gt; gate")
        .contains("value=\"Rosa Martinez\"").contains("value=\"rosa-at-example\"").contains("value=\"213 555 0199\"");
    assertThat(html).containsPattern("value=\"bike_lane\"\\s+checked=\"checked\"|checked=\"checked\"[^>]*value=\"bike_lane\"");
    assertThat(html).containsPattern("id=\"smsConsent\"[^>]*checked");
    assertThat(html).containsPattern("<option value=\"es\"[^>]*selected");
    assertThat(html).containsPattern("<option value=\"POTHOLE\"[^>]*selected|selected=\"selected\"[^>]*value=\"POTHOLE\"");
  }

  @Test
  void a_phone_report_is_stored_with_channel_phone_the_call_taker_as_actor_and_the_callers_contact() throws Exception {
    ConsoleHttp browser = ConsoleHttp.signedIn(port, CALL_TAKER, "demo-calltaker-2026");
    browser.get("/staff/intake");
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("category", "POTHOLE");
    form.put("answer.SIZE", "large");
    form.put("answer.POSITION", "traffic_lane");
    form.put("address", "148 N St Andrews Pl");
    form.put("description", "Caller says two cars hit it");
    form.put("name", "Ana Lopez");
    form.put("phone", "(213) 555-0177");
    form.put("smsConsent", "true");
    form.put("language", "en");
    form.put("action", "submit");

    HttpResponse<String> answer = browser.post("/staff/intake", form);

    assertThat(answer.statusCode()).isEqualTo(302);
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/staff/intake/done/");
    RequestNumber number = new RequestNumber(location.substring(location.lastIndexOf('/') + 1));
    ServiceRequestDetails stored = requests.find(number).orElseThrow();
    assertThat(stored.channel()).isEqualTo(Channel.PHONE);
    assertThat(stored.location().latitude()).isEqualTo(34.074394);
    assertThat(stored.answers()).containsEntry("SIZE", List.of("large"));
    assertThat(stored.history().getFirst().actor()).isEqualTo(Actor.staff(CALL_TAKER));
    Reporter reporter = requests.reporterOf(number).orElseThrow();
    assertThat(reporter.phone()).isEqualTo("(213) 555-0177");
    assertThat(reporter.firstName()).isEqualTo("Ana");
    assertThat(reporter.lastName()).isEqualTo("Lopez");
    assertThat(reporter.smsConsent()).isTrue();

    HttpResponse<String> done = browser.get(java.net.URI.create(location).getPath());
    assertThat(done.body()).contains(number.value()).contains("Expected by").doesNotContain("555-0177");
  }

  @Test
  void filing_the_same_form_twice_files_one_report_and_a_changed_form_files_a_new_one() throws Exception {
    ConsoleHttp browser = ConsoleHttp.signedIn(port, CALL_TAKER, "demo-calltaker-2026");
    String page = browser.get("/staff/intake").body();
    String formId = page.replaceAll("(?s).*name=\"formId\" value=\"([0-9a-f-]{36})\".*", "$1");
    assertThat(formId).hasSize(36);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("formId", formId);
    form.put("category", "GRAFFITI");
    form.put("answer.SURFACE", "wall");
    form.put("answer.OFFENSIVE", "no");
    form.put("address", "148 N St Andrews Pl");
    form.put("description", "Tag on the side wall");
    form.put("duplicatesSeen", "true");
    form.put("action", "submit");
    form.put("language", "en");

    HttpResponse<String> first = browser.post("/staff/intake", form);
    HttpResponse<String> doubleClick = browser.post("/staff/intake", form);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
    assertThat(doubleClick.headers().firstValue("Location")).as("the same report, not a second one")
        .isEqualTo(first.headers().firstValue("Location"));

    form.put("description", "Tag on the side wall, and another on the door");
    HttpResponse<String> changed = browser.post("/staff/intake", form);
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(changed.headers().firstValue("Location")).isNotEqualTo(first.headers().firstValue("Location"));
  }

  @Test
  void a_caller_is_found_by_phone_however_it_is_written_and_the_look_up_is_audited_with_the_number_masked() throws Exception {
    RequestNumber earlier = submit("STREETLIGHT_OUT", Map.of("PROBLEM", List.of("out")), 34.049130, -118.206153,
        new Reporter("Lee", "Park", "Lee.Park@Example.com", "+1 (213) 555-0142", null, null));
    RequestNumber someoneElse = submit("STREETLIGHT_OUT", Map.of("PROBLEM", List.of("out")), 34.049130, -118.206153,
        new Reporter("Other", "Person", null, "+1 (213) 555-0143", null, null));
    ConsoleHttp browser = ConsoleHttp.signedIn(port, CALL_TAKER, "demo-calltaker-2026");
    browser.get("/staff/intake");

    HttpResponse<String> page = browser.post("/staff/intake", Map.of("action", "lookup", "lookup", "213.555.0142"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(earlier.value()).doesNotContain(someoneElse.value()).contains("Streetlight");
    assertThat(page.body()).as("the number looked up becomes the caller's phone").contains("value=\"213.555.0142\"");
    HttpResponse<String> byEmail = browser.post("/staff/intake/caller", Map.of("lookup", "lee.park@example.COM"));
    assertThat(byEmail.body()).contains(earlier.value());

    List<AuditEntry> entries = audit.search(new AuditSearch(CALL_TAKER, "looked up caller", null, null, null, null, 10));
    assertThat(entries).extracting(AuditEntry::target).contains("***0142", "l***@example.com");
    assertThat(entries).extracting(AuditEntry::target).noneMatch(t -> t.contains("555"));
  }

  @Test
  void a_dispatcher_taking_a_call_finds_only_the_callers_requests_of_their_own_departments() throws Exception {
    Reporter caller = new Reporter("Mo", "Reyes", null, "+1 (213) 555-0166", null, null);
    RequestNumber pothole = submit("POTHOLE", Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")), 34.049130, -118.206153, caller);
    RequestNumber tree = submit("FALLEN_TREE", Map.of("BLOCKING", List.of("street")), 34.049130, -118.206153, caller);
    assertThat(requests.find(tree).orElseThrow().departmentCode()).isNotEqualTo(requests.find(pothole).orElseThrow().departmentCode());

    ConsoleHttp dispatcher = ConsoleHttp.signedIn(port, "dispatcher@springfield.example.gov", "demo-dispatcher-2026");
    dispatcher.get("/staff/intake");
    HttpResponse<String> found = dispatcher.post("/staff/intake/caller", Map.of("lookup", "213 555 0166"));
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).as("Public Works' own request").contains(pothole.value())
        .as("the caller's Parks request is not Public Works' to see").doesNotContain(tree.value());

    ConsoleHttp callTaker = ConsoleHttp.signedIn(port, CALL_TAKER, "demo-calltaker-2026");
    callTaker.get("/staff/intake");
    assertThat(callTaker.post("/staff/intake/caller", Map.of("lookup", "213 555 0166")).body()).contains(pothole.value(), tree.value());
  }

  @Test
  void a_crew_member_can_neither_take_reports_nor_look_up_callers() throws Exception {
    ConsoleHttp crew = ConsoleHttp.signedIn(port, CREW, "demo-crew-2026");
    assertThat(crew.get("/staff/intake").statusCode()).isEqualTo(403);
    assertThat(crew.post("/staff/intake/caller", Map.of("lookup", "213 555 0142")).statusCode()).isEqualTo(403);
    assertThat(crew.post("/staff/intake", Map.of("action", "lookup", "lookup", "213 555 0142")).statusCode()).isEqualTo(403);
  }

  @Test
  void a_nearby_open_request_of_the_category_is_offered_and_choosing_it_makes_the_caller_a_follower() throws Exception {
    RequestNumber existing = submit("POTHOLE", Map.of("SIZE", List.of("small"), "POSITION", List.of("curb")), 34.049545, -118.205890, Reporter.ANONYMOUS);
    ConsoleHttp browser = ConsoleHttp.signedIn(port, CALL_TAKER, "demo-calltaker-2026");
    browser.get("/staff/intake");
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("category", "POTHOLE");
    form.put("answer.SIZE", "small");
    form.put("answer.POSITION", "curb");
    form.put("address", "600 N Soto St");
    form.put("description", "Same hole probably");
    form.put("action", "submit");

    HttpResponse<String> offered = browser.post("/staff/intake", form);

    assertThat(offered.statusCode()).isEqualTo(200);
    assertThat(offered.body()).contains("Is it one of these?").contains(existing.value())
        .contains("value=\"follow:" + existing.value() + "\"").contains("Same hole probably");
    form.put("duplicatesSeen", "true");
    form.put("latitude", "34.049545");
    form.put("longitude", "-118.20589");
    form.put("action", "follow:" + existing.value());
    HttpResponse<String> followed = browser.post("/staff/intake", form);
    assertThat(followed.statusCode()).isEqualTo(302);
    assertThat(followed.headers().firstValue("Location").orElseThrow()).endsWith("/staff/intake/done/" + existing.value() + "?followed=true");
    assertThat(requests.find(existing).orElseThrow().followers()).isEqualTo(1);

    assertThat(browser.get("/staff/intake/done/" + existing.value() + "?followed=true").body()).contains("The caller gave no email");

    // A caller who gives an email gets the confirmation link a resident following online gets.
    form.put("email", "not an address");
    HttpResponse<String> badEmail = browser.post("/staff/intake", form);
    assertThat(badEmail.statusCode()).isEqualTo(422);
    assertThat(badEmail.body()).contains("This is not an email address").contains("Same hole probably");
    assertThat(requests.find(existing).orElseThrow().followers()).as("nothing counted for a refused follow").isEqualTo(1);
    form.put("email", "Caller.Two@example.org");
    HttpResponse<String> byEmail = browser.post("/staff/intake", form);
    assertThat(byEmail.headers().firstValue("Location").orElseThrow()).endsWith("?followed=email");
    assertThat(browser.get("/staff/intake/done/" + existing.value() + "?followed=email").body()).contains("We emailed the caller a link");
    assertThat(jdbc.sql("SELECT state FROM notifications.subscription WHERE request_number = ? AND lower(email) = 'caller.two@example.org'")
            .param(existing.value()).query(String.class).list())
        .as("waiting for the caller's confirmation").containsExactly("PENDING");
    form.remove("email");

    form.put("action", "submit");
    HttpResponse<String> filedAnyway = browser.post("/staff/intake", form);
    assertThat(filedAnyway.statusCode()).as("none of these: a new request").isEqualTo(302);
  }

  @Test
  void crew_actions_are_applied_once_per_client_action_id() throws Exception {
    RequestNumber job = assignedJob("PW-EAST", 34.081160, -118.311128);
    ConsoleHttp crew = ConsoleHttp.signedIn(port, CREW, "demo-crew-2026");
    assertThat(crew.get("/staff/jobs").body()).contains(job.value()).contains("geo:34.08116,-118.311128");

    String onSiteId = UUID.randomUUID().toString();
    HttpResponse<String> first = crew.post("/staff/jobs/" + job.value() + "/on-site", Map.of("clientActionId", onSiteId));
    HttpResponse<String> again = crew.post("/staff/jobs/" + job.value() + "/on-site", Map.of("clientActionId", onSiteId));
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(again.statusCode()).as("a repeat is answered as applied").isEqualTo(302);
    assertThat(kinds(job)).containsOnlyOnce(HistoryEntry.Kind.WORK_STARTED);

    String doneId = UUID.randomUUID().toString();
    Map<String, String> fields = Map.of("clientActionId", doneId, "note", "Filled and rolled");
    HttpResponse<String> done = crew.postMultipart("/staff/jobs/" + job.value() + "/done", fields, "photo", png(), "after.png", true);
    HttpResponse<String> doneAgain = crew.postMultipart("/staff/jobs/" + job.value() + "/done", fields, "photo", png(), "after.png", true);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("\"applied\":true");
    assertThat(doneAgain.statusCode()).isEqualTo(200);
    assertThat(kinds(job)).containsOnlyOnce(HistoryEntry.Kind.RESOLVED);
    ServiceRequestDetails resolved = requests.find(job).orElseThrow();
    assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
    HistoryEntry resolution = resolved.history().getLast();
    assertThat(resolution.text()).isEqualTo("Filled and rolled");
    assertThat(resolution.actor()).isEqualTo(Actor.staff(CREW));
    assertThat(resolution.mediaUrls()).hasSize(1).allMatch(url -> url.contains("/media/"));
    assertThat(crew.get("/staff/jobs").body()).doesNotContain(job.value());

    // The dispatcher sees the crew's photo in the request's history, with the change it came with.
    String photo = resolution.mediaUrls().getFirst();
    String id = photo.substring(photo.lastIndexOf("/media/") + 7, photo.lastIndexOf('.'));
    String page = ConsoleHttp.signedIn(port, "dispatcher@springfield.example.gov", "demo-dispatcher-2026")
        .get("/staff/requests/" + job.value()).body();
    String history = page.substring(page.indexOf("id=\"history\""));
    assertThat(history).contains("/media/" + id + "/thumbnail.jpg").contains("Photo 1 of 1 that came with this change");
  }

  @Test
  void done_without_a_note_is_refused_and_keeps_the_page() throws Exception {
    RequestNumber job = assignedJob("PW-EAST", 34.073640, -118.194024);
    ConsoleHttp crew = ConsoleHttp.signedIn(port, CREW, "demo-crew-2026");
    crew.get("/staff/jobs");
    HttpResponse<String> refused =
        crew.postMultipart("/staff/jobs/" + job.value() + "/done", Map.of("clientActionId", UUID.randomUUID().toString(), "note", " "), "photo", null, null, false);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Write what was done.");
    assertThat(requests.find(job).orElseThrow().status()).isEqualTo(Status.ASSIGNED);
  }

  @Test
  void a_member_of_another_crew_is_refused_and_does_not_see_the_job() throws Exception {
    RequestNumber job = assignedJob("PW-EAST", 34.085875, -118.357554);
    if (accounts.crews().stream().noneMatch(c -> c.code().equals("PW-WEST"))) {
      accounts.saveCrew(new Crew("PW-WEST", "Public Works West", "PW"));
    }
    String email = "west-" + UUID.randomUUID() + "@springfield.example.gov";
    accounts.create(new NewStaffMember(email, "West Crew", Set.of(StaffRole.CREW), Set.of("PW"), "PW-WEST"), "west-crew-password-1");
    ConsoleHttp west = ConsoleHttp.signedIn(port, email, "west-crew-password-1");

    assertThat(west.get("/staff/jobs").body()).doesNotContain(job.value());
    HttpResponse<String> refused = west.post("/staff/jobs/" + job.value() + "/on-site", Map.of("clientActionId", UUID.randomUUID().toString()));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(west.post("/staff/jobs/2026-999999/on-site", Map.of("clientActionId", UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
    assertThat(requests.find(job).orElseThrow().status()).isEqualTo(Status.ASSIGNED);

    ConsoleHttp callTaker = ConsoleHttp.signedIn(port, CALL_TAKER, "demo-calltaker-2026");
    assertThat(callTaker.get("/staff/jobs").statusCode()).as("not a crew member").isEqualTo(403);
  }

  private RequestNumber assignedJob(String crew, double lat, double lon) {
    RequestNumber number = submit("POTHOLE", Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")), lat, lon, Reporter.ANONYMOUS);
    requests.change(number, new RequestChange.Assign(crew, null), Actor.staff("dispatcher@springfield.example.gov"));
    return number;
  }

  private RequestNumber submit(String category, Map<String, List<String>> answers, double lat, double lon, Reporter reporter) {
    return requests.submit(
            new SubmitServiceRequest(category, answers, new Location(lat, lon, null, null, null), "test", List.of(), Channel.WEB, reporter, null, null))
        .number();
  }

  private List<HistoryEntry.Kind> kinds(RequestNumber number) {
    return requests.find(number).orElseThrow().history().stream().map(HistoryEntry::kind).toList();
  }

  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) for (int y = 0; y < 48; y++) image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 90);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
