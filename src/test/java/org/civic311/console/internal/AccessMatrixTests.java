package org.civic311.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.console.StaffHttp;
import org.civic311.identity.Crew;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The access matrix: every endpoint of the application (every handler mapping, Open311, media and
 * actuator ones included) called as an anonymous visitor and as a member of each role, and the
 * outcome compared with {@link #TABLE}. An endpoint missing from the table fails the test by name:
 * whoever adds an endpoint decides, here, who may reach it. Also: a dispatcher of one department
 * cannot read another department's request pages, and a reporter's name, email and phone never
 * appear in any page or API answer to those who must not see them (crews, managers, the public).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = StaffHttp.OWN_APPLICATION)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

  /** Who calls. */
  enum Who { ANONYMOUS, CALL_TAKER, DISPATCHER, CREW, SUPERVISOR, MANAGER, ADMIN }

  /** What the caller gets. */
  enum Outcome {
    /** The endpoint answered for itself (a page, a 302 of its own, a 400 or 404 about the input). */
    ALLOWED,
    /** Redirected to the staff sign-in page. */
    SIGN_IN,
    /** 403. */
    FORBIDDEN,
    /** 401. */
    UNAUTHORIZED
  }

  /** One row of the table: an endpoint as {@code METHOD /pattern}, the outcome per caller, a sample path. */
  record Row(String endpoint, Map<Who, Outcome> expected, String path) {}

  static Map<Who, Outcome> everyone(Outcome outcome) {
    Map<Who, Outcome> map = new EnumMap<>(Who.class);
    for (Who who : Who.values()) map.put(who, outcome);
    return map;
  }

  /** Anyone, signed in or not. */
  static final Map<Who, Outcome> PUBLIC = everyone(Outcome.ALLOWED);

  /** Any signed-in staff member; the anonymous visitor is sent to sign in. */
  static final Map<Who, Outcome> STAFF = staff(Set.of(Who.values()));

  /** Those who take phone reports (ConsoleAccess.canTakeReports). */
  static final Map<Who, Outcome> INTAKE = staff(Set.of(Who.CALL_TAKER, Who.DISPATCHER, Who.SUPERVISOR, Who.ADMIN));

  /** Crew members (ConsoleAccess.isCrew). */
  static final Map<Who, Outcome> CREW = staff(Set.of(Who.CREW));

  /**
   * Nobody but the crew a job is assigned to; the seeded requests are assigned to no crew, so every
   * caller is refused, the matrix crew included.
   */
  static final Map<Who, Outcome> ASSIGNED_CREW_ONLY = staff(Set.of());

  /** Those with a queue page (ConsoleAccess.canSeeQueues). */
  static final Map<Who, Outcome> QUEUE = staff(Set.of(Who.CALL_TAKER, Who.DISPATCHER, Who.SUPERVISOR, Who.MANAGER, Who.ADMIN));

  /** Those who may change a Public Works request (ConsoleAccess.canWorkDepartment; the matrix works for PW). */
  static final Map<Who, Outcome> WORK = staff(Set.of(Who.DISPATCHER, Who.SUPERVISOR, Who.ADMIN));

  /** Those who may see a Public Works reporter's contact (ConsoleAccess.canSeeReporterContact). */
  static final Map<Who, Outcome> CONTACT = staff(Set.of(Who.CALL_TAKER, Who.DISPATCHER, Who.SUPERVISOR, Who.ADMIN));

  /** Admins only (identity's rule for /staff/admin/** and ConsoleAccess.canAdminister). */
  static final Map<Who, Outcome> ADMIN = staff(Set.of(Who.ADMIN));

  /** Those who may read the audit log (ConsoleAccess.canReadAuditLog). */
  static final Map<Who, Outcome> AUDIT = staff(Set.of(Who.ADMIN));

  /**
   * The actuator endpoints other than health: admins and managers signed in, or a monitoring
   * system's key of the metrics scope (MonitoringAccessTests); anyone else without a session gets a
   * 401, not the sign-in page.
   */
  static final Map<Who, Outcome> MONITORING = monitoring();

  static Map<Who, Outcome> monitoring() {
    Map<Who, Outcome> map = staff(Set.of(Who.MANAGER, Who.ADMIN));
    map.put(Who.ANONYMOUS, Outcome.UNAUTHORIZED);
    return map;
  }

  /**
   * Machine endpoints that need an API key (Open311 POSTs) or a provider's signature (SMS replies):
   * refused to every caller who has neither, signed in or not; a staff session is not a key.
   */
  static final Map<Who, Outcome> KEY_OR_SIGNATURE = everyone(Outcome.FORBIDDEN);

  static Map<Who, Outcome> staff(Set<Who> allowed) {
    Map<Who, Outcome> map = new EnumMap<>(Who.class);
    for (Who who : Who.values()) {
      map.put(who, who == Who.ANONYMOUS ? Outcome.SIGN_IN : allowed.contains(who) ? Outcome.ALLOWED : Outcome.FORBIDDEN);
    }
    return map;
  }

  static Row row(String endpoint, Map<Who, Outcome> expected) {
    return new Row(endpoint, expected, "");
  }

  static Row row(String endpoint, Map<Who, Outcome> expected, String path) {
    return new Row(endpoint, expected, path);
  }

  /**
   * Who may reach what. {@code {number}} in a path is the seeded request's number, {@code {code}} a
   * category code; other variables get values that name nothing (so POSTs change nothing). A row's
   * third value overrides the sample path.
   */
  static final List<Row> TABLE = List.of(
      // Errors, Open311 (API keys are checked by the open311 module itself), photos, health and metrics.
      row("ANY /error", PUBLIC),
      row("ANY /open311", PUBLIC),
      row("ANY /open311/**", PUBLIC, "/open311/nothing-here"),
      row("GET /open311/discovery.{extension}", PUBLIC),
      row("GET /open311/v2/services.{extension}", PUBLIC),
      row("GET /open311/v2/services/{file}", PUBLIC, "/open311/v2/services/POTHOLE.json"),
      row("GET /open311/v2/requests.{extension}", PUBLIC),
      row("GET /open311/v2/requests/{file}", PUBLIC, "/open311/v2/requests/{number}.json"),
      row("GET /open311/v2/tokens/{file}", PUBLIC, "/open311/v2/tokens/no-such-token.json"),
      row("GET /open311/v2/servicerequestupdates.{extension}", PUBLIC),
      row("POST /open311/v2/requests.{extension}", KEY_OR_SIGNATURE),
      row("POST /open311/v2/servicerequestupdates.{extension}", KEY_OR_SIGNATURE),
      row("GET /media/{file}", PUBLIC, "/media/no-such-photo.jpg"),
      row("GET /media/{id}/thumbnail.jpg", PUBLIC),
      row("GET /actuator", MONITORING),
      row("GET /actuator/health", PUBLIC),
      row("GET /actuator/health/**", PUBLIC, "/actuator/health/liveness"),
      row("GET /actuator/info", MONITORING),
      row("GET /actuator/prometheus", MONITORING),
      // The resident portal.
      row("GET /", PUBLIC),
      row("GET /manifest.webmanifest", PUBLIC),
      row("GET /report", PUBLIC),
      row("GET /report/addresses", PUBLIC, "/report/addresses?q=200+n+spring"),
      row("GET /report/addresses/nearest", PUBLIC, "/report/addresses/nearest?lat=34.0522&lon=-118.2437"),
      row("GET /report/{code}", PUBLIC),
      row("POST /report/{code}", PUBLIC),
      row("POST /report/{code}/submit", PUBLIC),
      row("GET /report/done/{number}", PUBLIC),
      row("GET /track", PUBLIC),
      row("GET /map", PUBLIC),
      row("GET /map/requests.json", PUBLIC),
      row("GET /requests", PUBLIC),
      row("GET /requests/{number}", PUBLIC),
      row("GET /requests/{number}/timeline", PUBLIC),
      // A live stream: called for an unknown number, which answers at once.
      row("GET /requests/{number}/events", PUBLIC, "/requests/2026-999999/events"),
      row("GET /requests/{number}/follow", PUBLIC),
      row("POST /requests/{number}/follow", PUBLIC),
      row("GET /requests/{number}/reopen", PUBLIC),
      row("POST /requests/{number}/reopen", PUBLIC),
      // Notification links carry their own signed token; SMS replies a provider signature.
      row("GET /notifications/page.css", PUBLIC),
      row("GET /notifications/confirm/{token}", PUBLIC),
      row("POST /notifications/confirm/{token}", PUBLIC),
      row("GET /notifications/survey/{token}", PUBLIC),
      row("POST /notifications/survey/{token}", PUBLIC),
      row("GET /notifications/unsubscribe/{token}", PUBLIC),
      row("POST /notifications/unsubscribe/{token}", PUBLIC),
      row("POST /notifications/sms/inbound", KEY_OR_SIGNATURE),
      // Staff sign-in and password reset.
      row("GET /staff/login", PUBLIC),
      row("GET /staff/password-reset", PUBLIC),
      row("POST /staff/password-reset", PUBLIC),
      row("GET /staff/password-reset/{token}", PUBLIC),
      row("POST /staff/password-reset/{token}", PUBLIC),
      // The console.
      row("GET /report/following/{number}", PUBLIC),
      row("GET /report/{code}/nearby", PUBLIC, "/report/POTHOLE/nearby?lat=34.0522&lon=-118.2437"),
      row("POST /report/{code}/me-too", PUBLIC),
      row("GET /staff", STAFF),
      row("POST /staff/language", STAFF),
      row("GET /staff/intake", INTAKE),
      row("POST /staff/intake", INTAKE),
      row("POST /staff/intake/caller", INTAKE),
      row("GET /staff/intake/questions", INTAKE, "/staff/intake/questions?category=POTHOLE"),
      row("GET /staff/intake/addresses", INTAKE, "/staff/intake/addresses?q=200+n+spring"),
      row("GET /staff/intake/done/{number}", INTAKE),
      row("GET /staff/jobs", CREW),
      row("GET /staff/jobs/sw.js", CREW),
      row("GET /staff/queue", QUEUE),
      row("GET /staff/queue/live", QUEUE),
      // Bulk actions check each selected request (canWorkDepartment) and report the refused ones; an
      // empty selection changes nothing, so every queue role gets the summary page.
      row("POST /staff/queue/bulk", QUEUE),
      row("POST /staff/queue/views", QUEUE, "/staff/queue/views?name=Matrix+view"),
      row("POST /staff/queue/views/{id}/delete", QUEUE, "/staff/queue/views/0/delete"),
      // A Public Works request page: queue roles that may see Public Works (every one in the matrix);
      // crews see their jobs at /staff/jobs instead.
      row("GET /staff/requests/{number}", QUEUE),
      row("GET /staff/requests/{number}/live", QUEUE),
      row("GET /staff/requests/{number}/current", QUEUE),
      row("POST /staff/requests/{number}/contact", CONTACT),
      row("POST /staff/requests/{number}/actions/{action}", WORK, "/staff/requests/{number}/actions/note"),
      row("GET /staff/admin/canned-responses", ADMIN),
      row("POST /staff/admin/canned-responses", ADMIN),
      row("POST /staff/admin/canned-responses/{id}", ADMIN),
      row("POST /staff/admin/canned-responses/{id}/delete", ADMIN),
      row("POST /staff/jobs/{number}/on-site", ASSIGNED_CREW_ONLY),
      row("POST /staff/jobs/{number}/done", ASSIGNED_CREW_ONLY),
      row("GET /staff/audit", AUDIT),
      row("GET /staff/admin", ADMIN),
      row("GET /staff/admin/categories", ADMIN),
      row("GET /staff/admin/categories/new", ADMIN),
      row("POST /staff/admin/categories", ADMIN),
      row("GET /staff/admin/categories/{code}", ADMIN),
      row("POST /staff/admin/categories/{code}", ADMIN),
      row("POST /staff/admin/categories/{code}/questions", ADMIN),
      row("POST /staff/admin/categories/{code}/questions/{question}", ADMIN),
      row("POST /staff/admin/categories/{code}/questions/{question}/move", ADMIN),
      row("POST /staff/admin/categories/{code}/questions/{question}/remove", ADMIN),
      row("GET /staff/admin/departments", ADMIN),
      row("POST /staff/admin/departments", ADMIN),
      row("GET /staff/admin/departments/{code}", ADMIN, "/staff/admin/departments/PW"),
      row("POST /staff/admin/departments/{code}", ADMIN, "/staff/admin/departments/NO-SUCH-DEPARTMENT"),
      row("POST /staff/admin/crews", ADMIN),
      row("GET /staff/admin/crews/{code}", ADMIN, "/staff/admin/crews/MATRIX-PW"),
      row("POST /staff/admin/crews/{code}", ADMIN, "/staff/admin/crews/NO-SUCH-CREW"),
      row("GET /staff/admin/users", ADMIN),
      row("GET /staff/admin/users/new", ADMIN),
      row("POST /staff/admin/users", ADMIN),
      row("GET /staff/admin/users/{id}", ADMIN, "/staff/admin/users/{me}"),
      row("POST /staff/admin/users/{id}", ADMIN),
      row("POST /staff/admin/users/{id}/disable", ADMIN),
      row("POST /staff/admin/users/{id}/enable", ADMIN),
      row("POST /staff/admin/users/{id}/password-link", ADMIN),
      row("GET /staff/admin/templates", ADMIN),
      row("GET /staff/admin/templates/{event}/{channel}/{language}", ADMIN),
      row("POST /staff/admin/templates/{event}/{channel}/{language}", ADMIN),
      row("POST /staff/admin/templates/{event}/{channel}/{language}/preview", ADMIN),
      row("POST /staff/admin/templates/{event}/{channel}/{language}/reset", ADMIN),
      row("GET /staff/admin/deliveries", ADMIN),
      row("POST /staff/admin/deliveries/{id}/retry", ADMIN),
      row("GET /staff/admin/calendar", ADMIN),
      row("POST /staff/admin/calendar/hours", ADMIN),
      row("POST /staff/admin/calendar/holidays", ADMIN),
      row("POST /staff/admin/calendar/holidays/{date}/remove", ADMIN),
      row("GET /staff/admin/webhooks", ADMIN),
      row("POST /staff/admin/webhooks", ADMIN),
      row("POST /staff/admin/webhooks/{id}/remove", ADMIN),
      row("POST /staff/admin/webhooks/deliveries/{id}/retry", ADMIN),
      // Every role of the matrix works for Public Works, the seeded request's department.
      row("POST /staff/requests/{number}/watch", STAFF),
      row("POST /staff/requests/{number}/unwatch", STAFF),
      row("GET /staff/admin/api-keys", ADMIN),
      row("POST /staff/admin/api-keys", ADMIN),
      row("POST /staff/admin/api-keys/{keyId}/revoke", ADMIN)
  );

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired StaffAccounts accounts;
  @Autowired ServiceRequests requests;
  @Autowired org.civic311.catalog.Catalog catalog;

  static final String PASSWORD = "access matrix password";
  static final String REPORTER_NAME = "Zelda Quintessa Reporter";
  static final String REPORTER_EMAIL = "zelda.quintessa@resident.example.org";
  static final String REPORTER_PHONE = "+13105550199";

  final Map<Who, StaffHttp> browsers = new EnumMap<>(Who.class);
  final Map<Who, StaffMember> members = new EnumMap<>(Who.class);
  String pwNumber;
  String sanNumber;

  @BeforeAll
  void seed() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    accounts.saveCrew(new Crew("MATRIX-PW", "Matrix crew", "PW"));
    for (Who who : Who.values()) {
      if (who == Who.ANONYMOUS) {
        browsers.put(who, new StaffHttp(port));
        continue;
      }
      StaffRole role = StaffRole.valueOf(who.name());
      StaffMember member = accounts.create(new NewStaffMember(who.name().toLowerCase() + "-" + suffix + "@springfield.example.gov",
          "Matrix " + who, Set.of(role), Set.of("PW"), role == StaffRole.CREW ? "MATRIX-PW" : null), PASSWORD);
      members.put(who, member);
      browsers.put(who, StaffHttp.signedIn(port, member.email(), PASSWORD));
    }
    pwNumber = submit("POTHOLE");
    sanNumber = submit("MISSED_PICKUP");
  }

  /** A request with the reporter's contact, every required question answered, inside the city. */
  String submit(String categoryCode) {
    var category = catalog.category(categoryCode).orElseThrow();
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (var question : category.questions()) {
      if (!question.required()) continue;
      String answer = switch (question.datatype()) {
        case SINGLEVALUELIST, MULTIVALUELIST -> question.values().getFirst().key();
        case NUMBER -> "1";
        case DATETIME -> "2026-12-01T10:00:00Z";
        default -> "yes";
      };
      answers.put(question.code(), List.of(answer));
    }
    return requests.submit(new SubmitServiceRequest(categoryCode, answers, new Location(34.0522, -118.2437, "200 N Spring St", null, null),
        "Access matrix sample", List.of(), Channel.WEB,
        new Reporter("Zelda Quintessa", "Reporter", REPORTER_EMAIL, REPORTER_PHONE, null, null), null, null)).number().value();
  }

  /** Every endpoint of the application as {@code METHOD /pattern}. */
  List<String> endpoints() {
    Set<String> all = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) all.add("ANY " + pattern);
          else methods.forEach(method -> all.add(method.name() + " " + pattern));
        }
      }
    }
    return List.copyOf(all);
  }

  /** The sample path of a row: variables replaced, a request's number by the seeded one's. */
  String path(Row row, Who who, String number) {
    String endpoint = row.endpoint().substring(row.endpoint().indexOf(' ') + 1);
    String path = row.path().isEmpty() ? endpoint : row.path();
    if (path.endsWith("/**")) path = path.substring(0, path.length() - 3) + "/nothing-here";
    StaffMember me = members.get(who);
    path = path.replace("{me}", me == null ? UUID.randomUUID().toString() : me.id().toString())
        .replace("{number}", number)
        .replace("{code}", "POTHOLE")
        .replace("{extension}", "json");
    Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(path);
    return variable.replaceAll(m -> m.group(1).equals("id") ? UUID.randomUUID().toString() : "no-such-" + m.group(1));
  }

  /** Calls a row's endpoint as the caller; a POST sends an empty form with the caller's CSRF token. */
  HttpResponse<String> call(Row row, Who who, String number) throws Exception {
    StaffHttp browser = browsers.get(who);
    String path = path(row, who, number);
    String method = row.endpoint().substring(0, row.endpoint().indexOf(' '));
    if (method.equals("POST")) {
      browser.get(who == Who.ANONYMOUS ? "/staff/login" : "/staff");
      return browser.post(path, List.of());
    }
    return browser.get(path);
  }

  static Outcome outcome(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() == 302 && location.endsWith("/staff/login")) return Outcome.SIGN_IN;
    if (response.statusCode() == 403) return Outcome.FORBIDDEN;
    if (response.statusCode() == 401) return Outcome.UNAUTHORIZED;
    return Outcome.ALLOWED;
  }

  @Test
  void every_endpoint_answers_each_caller_as_the_table_says() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Row row : TABLE) {
      for (Who who : Who.values()) {
        HttpResponse<String> response = call(row, who, pwNumber);
        Outcome expected = row.expected().get(who);
        Outcome actual = outcome(response);
        if (actual != expected) {
          wrong.add(row.endpoint() + " as " + who + ": expected " + expected + ", got " + actual + " (" + response.statusCode() + ")");
        } else if (response.statusCode() >= 500) {
          wrong.add(row.endpoint() + " as " + who + ": " + response.statusCode() + " (a 500 is a bug)");
        }
      }
    }
    assertThat(wrong).as("Endpoints answering otherwise than AccessMatrixTests.TABLE says:%n%s",
        String.join(System.lineSeparator(), wrong)).isEmpty();
  }

  @Test
  void no_answer_to_a_crew_a_manager_or_the_public_carries_a_reporters_contact() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Row row : TABLE) {
      if (!row.endpoint().startsWith("GET ") && !row.endpoint().startsWith("ANY ")) continue;
      for (Who who : List.of(Who.ANONYMOUS, Who.CREW, Who.MANAGER)) {
        for (String number : List.of(pwNumber, sanNumber)) {
          String body = call(row, who, number).body();
          for (String contact : List.of(REPORTER_NAME, "Zelda Quintessa", REPORTER_EMAIL, REPORTER_PHONE, "310-555-0199", "3105550199")) {
            if (body.contains(contact)) leaks.add(row.endpoint() + " as " + who + " shows " + contact);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void a_dispatcher_reads_the_request_pages_of_their_department_and_not_of_another() throws Exception {
    List<Row> requestPages = TABLE.stream()
        .filter(row -> row.endpoint().startsWith("GET /staff/") && row.endpoint().contains("{number}"))
        // The intake confirmation shows what the public status page shows (number, category, stage,
        // expected date) to whoever took the call, whatever department fixes it.
        .filter(row -> !row.endpoint().equals("GET /staff/intake/done/{number}"))
        .toList();
    org.junit.jupiter.api.Assumptions.assumeFalse(requestPages.isEmpty(),
        "No staff request page in this build yet (the console-work branch adds them); nothing to check");
    for (Row row : requestPages) {
      assertThat(call(row, Who.DISPATCHER, pwNumber).statusCode()).as(row.endpoint() + " own department").isEqualTo(200);
      HttpResponse<String> other = call(row, Who.DISPATCHER, sanNumber);
      assertThat(other.statusCode()).as(row.endpoint() + " another department").isIn(403, 404);
      assertThat(other.body()).as(row.endpoint()).doesNotContain("Access matrix sample");
    }
  }

  @Test
  void every_endpoint_is_in_the_table() {
    Set<String> known = new TreeSet<>();
    TABLE.forEach(row -> known.add(row.endpoint()));
    List<String> missing = endpoints().stream().filter(e -> !known.contains(e)).toList();
    assertThat(missing).as("Endpoints without a row in AccessMatrixTests.TABLE: decide who may reach them:%n%s",
        String.join(System.lineSeparator(), missing)).isEmpty();
  }
}
