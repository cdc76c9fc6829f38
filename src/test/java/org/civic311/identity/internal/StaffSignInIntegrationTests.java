package org.civic311.identity.internal;

import org.civic311.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.civic311.Civic311Application;
import org.civic311.cli.CommandLine;
import org.civic311.identity.ApiKeys;
import org.civic311.identity.Crew;
import org.civic311.identity.CrewOfAnotherDepartment;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccountChange;
import org.civic311.identity.StaffAccountRejected;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign-in over real HTTP against the embedded PostgreSQL: pages, lockout (with a clock the test
 * moves), CSRF, public paths, security headers, sessions in the database shared by a second app node,
 * the bootstrap admin, the CLI admin and password reset through a real SMTP server (GreenMail).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=civic311-staff-sign-in-tests",
      "civic311.security.bootstrap-admin.email=" + StaffSignInIntegrationTests.BOOTSTRAP_EMAIL,
      "civic311.security.bootstrap-admin.password=" + StaffSignInIntegrationTests.BOOTSTRAP_PASSWORD,
      "civic311.security.bootstrap-admin.name=First Admin",
      "civic311.security.password-reset.mail-from=civic311@springfield.example.gov",
      "spring.mail.host=127.0.0.1",
      "civic311.demo.staff-accounts=true"
    })
class StaffSignInIntegrationTests {

  static final String BOOTSTRAP_EMAIL = "First.Admin@springfield.example.gov";
  static final String BOOTSTRAP_PASSWORD = "bootstrap-admin-password-1";
  static final String PASSWORD = "correct horse battery";
  static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-22T10:00:00Z"));
  static final String ENGLISH_PAGE = "<html[^>]*\\slang=\"en\"";
  static final String SPANISH_PAGE = "<html[^>]*\\slang=\"es\"";
  static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    MAIL.start();
  }

  @DynamicPropertySource
  static void mailPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
  }

  @AfterAll
  static void stopMail() {
    MAIL.stop();
  }

  @TestConfiguration
  static class FixedStart {
    @Bean
    @Primary
    Clock movableClock() {
      return CLOCK;
    }
  }

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired ApiKeys apiKeys;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired org.springframework.context.ApplicationContext context;

  StaffBrowser browser;

  @BeforeEach
  void newBrowser() {
    browser = new StaffBrowser(port);
  }

  StaffMember member(StaffRole role, String... departments) {
    String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";
    return accounts.create(new NewStaffMember(email, "Pat " + role, Set.of(role), Set.of(departments), null), PASSWORD);
  }

  @Test
  void a_staff_member_signs_in_and_the_staff_page_shows_who_and_with_which_roles() throws Exception {
    Crew crew = accounts.saveCrew(new Crew("PW-NORTH", "Public Works North", "PW"));
    StaffMember dispatcher = member(StaffRole.DISPATCHER, "PW");
    accounts.update(dispatcher.id(), new StaffAccountChange(Set.of(StaffRole.DISPATCHER), Set.of("PW"), crew.code(), "en"));
    accounts.changeRoles(dispatcher.id(), Set.of(StaffRole.DISPATCHER, StaffRole.SUPERVISOR));

    HttpResponse<String> signedIn = browser.signIn(dispatcher.email().toUpperCase(), PASSWORD);

    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff"));
    HttpResponse<String> home = browser.follow(signedIn);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body())
        .contains("Signed in as Pat DISPATCHER (" + dispatcher.email() + ")")
        .contains("data-role=\"DISPATCHER\"")
        .contains("data-role=\"SUPERVISOR\"")
        .contains("Public Works")
        .contains("Public Works North");
  }

  @Test
  void the_staff_pages_speak_spanish_to_a_spanish_browser() throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/staff/login"))
            .header("Accept-Language", "es-US,es;q=0.9")
            .build();
    String body = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    assertThat(body).contains("Acceso del personal").contains("Contraseña").contains("lang=\"es\"");
  }

  @Test
  void five_wrong_passwords_lock_the_account_even_for_the_right_password_until_the_lock_runs_out() throws Exception {
    StaffMember crew = member(StaffRole.CREW, "PW");
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertRefused(browser.signIn(crew.email(), "wrong password " + attempt));
    }
    assertThat(browser.follow(browser.signIn(crew.email(), PASSWORD)).statusCode()).as("4 failures do not lock").isEqualTo(200);
    browser = new StaffBrowser(port);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertRefused(browser.signIn(crew.email(), "wrong password " + attempt));
    }

    assertRefused(browser.signIn(crew.email(), PASSWORD));
    CLOCK.advance(Duration.ofMinutes(14));
    assertRefused(browser.signIn(crew.email(), PASSWORD));
    CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));

    HttpResponse<String> afterLock = browser.signIn(crew.email(), PASSWORD);
    assertThat(afterLock.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff"));
    assertThat(browser.follow(afterLock).body()).contains("Signed in as Pat CREW");
  }

  @Test
  void an_unknown_account_a_wrong_password_and_a_locked_account_get_the_same_message() throws Exception {
    StaffMember locked = member(StaffRole.CALL_TAKER);
    StaffMember plain = member(StaffRole.CALL_TAKER);
    for (int attempt = 1; attempt <= 5; attempt++) browser.signIn(locked.email(), "wrong password");

    String unknown = refusalMessage("nobody-" + UUID.randomUUID() + "@springfield.example.gov", PASSWORD);
    String wrong = refusalMessage(plain.email(), "not the password");
    String lockedOut = refusalMessage(locked.email(), PASSWORD);

    assertThat(unknown).contains("did not sign you in").contains("After 5 failed tries").contains("15 minutes");
    assertThat(wrong).isEqualTo(unknown);
    assertThat(lockedOut).isEqualTo(unknown);
  }

  @Test
  void a_refused_sign_in_keeps_the_email_typed_but_not_the_password() throws Exception {
    StaffMember member = member(StaffRole.MANAGER);

    HttpResponse<String> page = browser.follow(browser.signIn(member.email(), "the wrong one!"));

    assertThat(page.body()).contains("value=\"" + member.email() + "\"").doesNotContain("the wrong one!");
  }

  @Test
  void a_disabled_member_cannot_sign_in_and_loses_their_open_sessions() throws Exception {
    StaffMember member = member(StaffRole.DISPATCHER, "PW");
    browser.follow(browser.signIn(member.email(), PASSWORD));
    assertThat(browser.get("/staff").statusCode()).isEqualTo(200);

    accounts.disable(member.id());

    assertThat(browser.get("/staff").statusCode()).isEqualTo(302);
    assertRefused(new StaffBrowser(port).signIn(member.email(), PASSWORD));
  }

  @Test
  void staff_pages_send_an_anonymous_visitor_to_the_sign_in_page() throws Exception {
    for (String path : new String[] {"/staff", "/staff/admin/users", "/staff/anything"}) {
      HttpResponse<String> response = browser.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/login"));
    }
  }

  @Test
  void admin_pages_are_forbidden_to_a_dispatcher_but_not_to_an_admin() throws Exception {
    StaffMember dispatcher = member(StaffRole.DISPATCHER, "PW");
    browser.follow(browser.signIn(dispatcher.email(), PASSWORD));
    assertThat(browser.get("/staff/admin/users").statusCode()).isEqualTo(403);

    StaffBrowser admin = new StaffBrowser(port);
    admin.follow(admin.signIn(member(StaffRole.ADMIN).email(), PASSWORD));
    assertThat(admin.get("/staff/admin/users").statusCode()).isEqualTo(200);
  }

  @Test
  void a_role_an_admin_grants_or_takes_away_applies_at_the_next_page_without_signing_in_again() throws Exception {
    StaffMember dispatcher = member(StaffRole.DISPATCHER, "PW");
    browser.follow(browser.signIn(dispatcher.email(), PASSWORD));
    assertThat(browser.get("/staff/admin/users").statusCode()).isEqualTo(403);

    accounts.changeRoles(dispatcher.id(), Set.of(StaffRole.DISPATCHER, StaffRole.ADMIN));
    assertThat(browser.get("/staff/admin/users").statusCode()).as("granted").isEqualTo(200);
    assertThat(browser.get("/staff").body()).contains("data-role=\"ADMIN\"");

    accounts.changeRoles(dispatcher.id(), Set.of(StaffRole.DISPATCHER));
    assertThat(browser.get("/staff/admin/users").statusCode()).as("taken away").isEqualTo(403);
  }

  @Test
  void a_staff_form_without_its_csrf_token_is_forbidden() throws Exception {
    StaffMember member = member(StaffRole.SUPERVISOR, "PW");
    browser.get("/staff/login");
    assertThat(browser.postWithoutToken("/staff/login", Map.of("email", member.email(), "password", PASSWORD)).statusCode())
        .isEqualTo(403);

    browser.follow(browser.signIn(member.email(), PASSWORD));
    assertThat(browser.postWithoutToken("/staff/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(browser.get("/staff").statusCode()).as("still signed in").isEqualTo(200);

    HttpResponse<String> signedOut = browser.post("/staff/logout", Map.of());
    assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/login?signed-out"));
    assertThat(browser.get("/staff").statusCode()).isEqualTo(302);
  }

  @Test
  void an_open311_post_needs_no_csrf_token_and_creates_no_session() throws Exception {
    String key = apiKeys.create("Staff sign-in tests").secret();

    HttpResponse<String> posted =
        browser.postWithoutToken(
            "/open311/v2/requests.json",
            Map.of(
                "api_key", key,
                "service_code", "POTHOLE",
                "lat", "34.0522",
                "long", "-118.2437",
                "attribute[SIZE]", "large",
                "attribute[POSITION]", "traffic_lane",
                "description", "Deep hole in the right lane"));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(posted.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(browser.postWithoutToken("/notifications/unsubscribe/some-token", Map.of("List-Unsubscribe", "One-Click")).statusCode())
        .as("one-click unsubscribe is not refused for want of a CSRF token")
        .isNotEqualTo(403);
  }

  @Test
  void a_path_that_tries_to_slip_past_the_rules_is_refused_without_reaching_staff_pages() throws Exception {
    for (String path :
        new String[] {"/open311/%2e%2e/staff", "/open311/..;/staff", "/media/%2e%2e/staff/admin/users", "/open311//../staff", "/staff;x=1"}) {
      HttpResponse<String> response = browser.get(path);
      assertThat(response.statusCode()).as(path).isIn(302, 400, 404);
      assertThat(response.body()).as(path).doesNotContain("Signed in as");
    }
  }

  @Test
  void an_open311_client_is_refused_what_its_key_scopes_do_not_allow() throws Exception {
    String updatesOnly = apiKeys.create("Work orders", Set.of(org.civic311.identity.ApiKeyScope.OPEN311_UPDATES)).secret();
    String integrationOnly = apiKeys.create("Asset system", Set.of(org.civic311.identity.ApiKeyScope.INTEGRATION)).secret();
    Map<String, String> report =
        Map.of("service_code", "POTHOLE", "lat", "34.0522", "long", "-118.2437", "attribute[SIZE]", "large", "attribute[POSITION]", "traffic_lane");

    for (String key : new String[] {updatesOnly, integrationOnly}) {
      Map<String, String> post = new java.util.HashMap<>(report);
      post.put("api_key", key);
      HttpResponse<String> refused = browser.postWithoutToken("/open311/v2/requests.json", post);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("lacks the open311:post scope");
    }
    HttpResponse<String> update =
        browser.postWithoutToken(
            "/open311/v2/servicerequestupdates.json",
            Map.of("api_key", integrationOnly, "service_request_id", "2026-000001", "update_id", "u-1", "status", "OPEN",
                "updated_datetime", "2026-11-22T10:00:00Z", "description", "x"));
    assertThat(update.statusCode()).isEqualTo(403);
    assertThat(update.body()).contains("lacks the open311:updates scope");
  }

  @Test
  void public_paths_need_no_sign_in() throws Exception {
    for (String path :
        new String[] {"/", "/open311/discovery.json", "/open311/v2/services.json", "/actuator/health", "/identity/staff.css", "/staff/login", "/staff/password-reset"}) {
      assertThat(browser.get(path).statusCode()).as(path).isEqualTo(200);
    }
    for (String path : new String[] {"/report", "/requests/2026-000001", "/map", "/manifest.webmanifest", "/portal/app.css", "/notifications/unsubscribe/x"}) {
      HttpResponse<String> response = browser.get(path);
      assertThat(response.statusCode()).as(path + ": answered by the page itself (or its 404), no sign-in asked").isIn(200, 404);
      assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
    }
  }

  @Test
  void every_answer_carries_the_security_headers() throws Exception {
    String policy =
        "default-src 'self'; img-src 'self' data: blob: https://tile.openstreetmap.org; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    for (String path : new String[] {"/", "/staff/login", "/open311/v2/services.json", "/nope"}) {
      HttpResponse<String> response = browser.get(path);
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(policy);
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
    }
    assertThat(browser.get("/staff/login").headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    assertThat(browser.get("/open311/v2/services.json").headers().firstValue("Cache-Control").orElse(""))
        .as("public data keeps its own caching")
        .doesNotContain("no-store");
  }

  @Test
  void visitors_who_are_not_signed_in_create_no_session_row() throws Exception {
    int before = jdbc.sql("select count(*) from identity.spring_session").query(Integer.class).single();

    browser.get("/");
    browser.get("/staff");
    browser.get("/staff/login");
    browser.follow(browser.signIn("nobody@springfield.example.gov", "not a password at all"));
    browser.get("/staff/password-reset");

    assertThat(browser.cookie("SESSION")).isNull();
    assertThat(jdbc.sql("select count(*) from identity.spring_session").query(Integer.class).single()).isEqualTo(before);
  }

  @Test
  void the_session_is_stored_in_postgresql_and_a_second_node_on_the_same_database_knows_it() throws Exception {
    StaffMember member = member(StaffRole.CALL_TAKER);
    browser.follow(browser.signIn(member.email(), PASSWORD));

    String sessionCookie = browser.cookie("SESSION");
    assertThat(sessionCookie).isNotNull();
    assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = ?").param(member.id().toString()).query(Integer.class).single())
        .isEqualTo(1);

    String url = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
    String user = ((com.zaxxer.hikari.HikariDataSource) dataSource).getUsername();
    SpringApplication secondNode = new SpringApplication(Civic311Application.class);
    try (ConfigurableApplicationContext node =
        secondNode.run(
            "--server.port=0",
            "--spring.application.name=civic311-second-node",
            "--civic311.database.url=" + url,
            "--civic311.database.username=" + user,
            "--civic311.database.pool-size=4")) {
      int otherPort = ((org.springframework.boot.web.server.context.WebServerApplicationContext) node).getWebServer().getPort();
      HttpResponse<String> onSecondNode = browser.on(otherPort).get("/staff");
      assertThat(onSecondNode.statusCode()).isEqualTo(200);
      assertThat(onSecondNode.body()).contains("Signed in as Pat CALL_TAKER");
    }
  }

  @Test
  void demo_mode_has_one_account_per_role_with_the_passwords_of_the_readme() throws Exception {
    for (DemoStaffAccounts.Demo demo : DemoStaffAccounts.ACCOUNTS) {
      StaffMember member = accounts.findByEmail(demo.email()).orElseThrow();
      assertThat(member.roles()).containsExactly(demo.role());
      StaffBrowser demoBrowser = new StaffBrowser(port);
      assertThat(demoBrowser.follow(demoBrowser.signIn(demo.email(), demo.password())).body()).contains("Signed in as " + demo.name());
    }
    assertThat(DemoStaffAccounts.ACCOUNTS).extracting(DemoStaffAccounts.Demo::role).containsExactlyInAnyOrder(StaffRole.values());
    StaffMember dispatcher = accounts.findByEmail("dispatcher@springfield.example.gov").orElseThrow();
    assertThat(dispatcher.departments()).containsExactly("PW");
    assertThat(accounts.findByEmail("crew@springfield.example.gov").orElseThrow().crew()).isEqualTo(new Crew("PW-EAST", "Public Works East", "PW"));
    assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")))
        .contains("| dispatcher | `dispatcher@springfield.example.gov` | `demo-dispatcher-2026` | PW |");
    assertThat(new String(getClass().getResourceAsStream("/application-demo.yml").readAllBytes(), StandardCharsets.UTF_8))
        .contains("staff-accounts: true");
  }

  @Test
  void the_bootstrap_admin_from_the_environment_exists_and_signs_in() throws Exception {
    StaffMember admin = accounts.findByEmail(BOOTSTRAP_EMAIL.toLowerCase()).orElseThrow();
    assertThat(admin.roles()).containsExactly(StaffRole.ADMIN);
    assertThat(admin.name()).isEqualTo("First Admin");

    HttpResponse<String> signedIn = browser.signIn(BOOTSTRAP_EMAIL, BOOTSTRAP_PASSWORD);
    assertThat(browser.follow(signedIn).body()).contains("Signed in as First Admin");
    assertThat(jdbc.sql("select password_hash from identity.staff_member where id = ?").param(admin.id().value()).query(String.class).single())
        .startsWith("{bcrypt}$2a$10$");
  }

  @Test
  void the_cli_creates_an_admin_with_a_password_from_standard_input_who_can_sign_in() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String email = "cli-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";

    int code =
        CommandLine.run(
            new String[] {"admin", "create", "--email", email, "--name", "Terminal Admin", "--password-stdin"},
            () -> context,
            new ByteArrayInputStream("typed at the terminal\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Created admin Terminal Admin <" + email + ">").doesNotContain("typed at the terminal");
    assertThat(browser.follow(browser.signIn(email, "typed at the terminal")).body()).contains("Signed in as Terminal Admin");
  }

  @Test
  void the_cli_generates_and_prints_a_password_when_none_is_given_and_refuses_a_taken_email() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String email = "cli-generated-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";

    int code = CommandLine.run(new String[] {"admin", "create", "--email", email, "--name", "Generated"}, () -> context,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    Matcher password = Pattern.compile("Password: (\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(password.find()).isTrue();
    assertThat(browser.follow(browser.signIn(email, password.group(1))).body()).contains("Signed in as Generated");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int again = CommandLine.run(new String[] {"admin", "create", "--email", email.toUpperCase(), "--name", "Twice"}, () -> context,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(again).isEqualTo(CommandLine.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
  }

  @Test
  void a_password_reset_link_arrives_by_mail_sets_a_new_password_once() throws Exception {
    StaffMember member = member(StaffRole.DISPATCHER, "PW");
    MAIL.purgeEmailFromAllMailboxes();

    browser.get("/staff/password-reset");
    HttpResponse<String> sent = browser.post("/staff/password-reset", Map.of("email", member.email()));
    assertThat(sent.body()).contains("If " + member.email() + " belongs to a staff account");

    assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage mail = MAIL.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(member.email());
    assertThat(mail.getSubject()).isEqualTo("Reset your Civic311 password");
    Matcher link = Pattern.compile("http://localhost:\\d+(/staff/password-reset/[A-Za-z0-9_-]{22})").matcher(GreenMailUtil.getBody(mail));
    assertThat(link.find()).as(GreenMailUtil.getBody(mail)).isTrue();
    String path = link.group(1);

    assertThat(browser.get(path).body()).contains("Choose a new password");
    assertThat(browser.post(path, Map.of("password", "short", "confirmation", "short")).body()).contains("too short");
    assertThat(browser.post(path, Map.of("password", "a brand new password", "confirmation", "a different one!")).body())
        .contains("not the same");
    HttpResponse<String> changed = browser.post(path, Map.of("password", "a brand new password", "confirmation", "a brand new password"));
    assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/login?reset"));

    assertThat(browser.get(path).body()).as("used once").contains("This link does not work");
    assertRefused(new StaffBrowser(port).signIn(member.email(), PASSWORD));
    StaffBrowser again = new StaffBrowser(port);
    assertThat(again.follow(again.signIn(member.email(), "a brand new password")).body()).contains("Signed in as Pat DISPATCHER");
  }

  @Test
  void a_reset_link_expires_after_an_hour_and_an_unknown_email_gets_the_same_answer_and_no_mail() throws Exception {
    StaffMember member = member(StaffRole.CREW, "PW");
    MAIL.purgeEmailFromAllMailboxes();

    browser.get("/staff/password-reset");
    String unknownAnswer = browser.post("/staff/password-reset", Map.of("email", "nobody@springfield.example.gov")).body();
    assertThat(unknownAnswer).contains("If nobody@springfield.example.gov belongs to a staff account");
    browser.get("/staff/password-reset");
    browser.post("/staff/password-reset", Map.of("email", member.email()));
    assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    Matcher link = Pattern.compile("(/staff/password-reset/[A-Za-z0-9_-]{22})").matcher(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]));
    assertThat(link.find()).isTrue();

    CLOCK.advance(Duration.ofMinutes(61));

    assertThat(browser.get(link.group(1)).body()).contains("This link does not work");
    assertThat(browser.post(link.group(1), Map.of("password", "a brand new password", "confirmation", "a brand new password")).body())
        .contains("This link does not work");
  }

  @Test
  void accounts_refuse_a_taken_email_in_any_case_a_short_password_and_an_unknown_department() {
    StaffMember member = member(StaffRole.MANAGER);

    assertThatThrownBy(() -> accounts.create(new NewStaffMember(member.email().toUpperCase(), "Twin", Set.of(StaffRole.CREW), Set.of(), null), PASSWORD))
        .isInstanceOf(StaffAccountRejected.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> accounts.create(new NewStaffMember("short@springfield.example.gov", "Short", Set.of(StaffRole.CREW), Set.of(), null), "eleven-char"))
        .isInstanceOf(StaffAccountRejected.class)
        .hasMessageContaining("at least 12");
    assertThatThrownBy(() -> accounts.update(member.id(), new StaffAccountChange(member.roles(), Set.of("PW", "NASA"), null, "en")))
        .isInstanceOf(StaffAccountRejected.class)
        .hasMessageContaining("Unknown department NASA");
    assertThat(accounts.find(member.id()).orElseThrow().departments()).isEmpty();
    assertThat(accounts.update(member.id(), new StaffAccountChange(member.roles(), Set.of("pw", "SAN"), null, "en")).departments())
        .containsExactlyInAnyOrder("PW", "SAN");
    assertThat(accounts.list()).extracting(StaffMember::email).contains(member.email());
  }

  @Test
  void an_account_change_with_a_refused_crew_saves_nothing_and_a_valid_one_saves_roles_departments_crew_and_language_together() {
    Crew crew = accounts.saveCrew(new Crew("SAN-WEST", "Sanitation West", "SAN"));
    StaffMember member = member(StaffRole.DISPATCHER, "PW");

    assertThatThrownBy(() -> accounts.update(member.id(),
            new StaffAccountChange(Set.of(StaffRole.SUPERVISOR, StaffRole.CREW), Set.of("SAN"), "NO-SUCH-CREW", "es")))
        .isInstanceOf(StaffAccountRejected.class)
        .hasMessageContaining("Unknown crew NO-SUCH-CREW")
        .extracting(e -> ((StaffAccountRejected) e).field()).isEqualTo("crew");
    StaffMember unchanged = accounts.find(member.id()).orElseThrow();
    assertThat(unchanged.roles()).containsExactly(StaffRole.DISPATCHER);
    assertThat(unchanged.departments()).containsExactly("PW");
    assertThat(unchanged.crew()).isNull();
    assertThat(unchanged.language()).isEqualTo("en");

    assertThatThrownBy(() -> accounts.update(member.id(), new StaffAccountChange(Set.of(StaffRole.SUPERVISOR), Set.of("SAN"), null, "fr")))
        .isInstanceOf(StaffAccountRejected.class)
        .hasMessageContaining("Unknown language fr");
    assertThat(accounts.find(member.id()).orElseThrow().roles()).containsExactly(StaffRole.DISPATCHER);

    StaffMember changed = accounts.update(member.id(),
        new StaffAccountChange(Set.of(StaffRole.SUPERVISOR, StaffRole.CREW), Set.of("san"), crew.code(), "es"));
    assertThat(changed.roles()).containsExactlyInAnyOrder(StaffRole.SUPERVISOR, StaffRole.CREW);
    assertThat(changed.departments()).containsExactly("SAN");
    assertThat(changed.crew()).isEqualTo(crew);
    assertThat(changed.language()).isEqualTo("es");
    assertThat(accounts.find(member.id())).contains(changed);
  }

  @Test
  void a_member_is_refused_a_crew_of_a_department_they_do_not_work_for_and_nothing_of_the_change_is_saved() {
    Crew parks = accounts.saveCrew(new Crew("PARKS-TREES", "Parks Trees", "PARKS"));
    StaffMember member = member(StaffRole.CREW, "PW");

    assertThatThrownBy(() -> accounts.update(member.id(),
            new StaffAccountChange(Set.of(StaffRole.CREW, StaffRole.DISPATCHER), Set.of("PW", "SAN"), parks.code(), "es")))
        .isInstanceOf(CrewOfAnotherDepartment.class)
        .hasMessageContaining("Crew PARKS-TREES works for department PARKS")
        .satisfies(e -> {
          assertThat(((CrewOfAnotherDepartment) e).field()).isEqualTo("crew");
          assertThat(((CrewOfAnotherDepartment) e).crew()).isEqualTo(parks);
        });
    StaffMember unchanged = accounts.find(member.id()).orElseThrow();
    assertThat(unchanged.roles()).containsExactly(StaffRole.CREW);
    assertThat(unchanged.departments()).containsExactly("PW");
    assertThat(unchanged.crew()).isNull();
    assertThat(unchanged.language()).isEqualTo("en");

    // Taking the department away from a member of its crew is the same refusal.
    StaffMember inParks = accounts.update(member.id(), new StaffAccountChange(Set.of(StaffRole.CREW), Set.of("pw", "parks"), parks.code(), "en"));
    assertThat(inParks.crew()).isEqualTo(parks);
    assertThatThrownBy(() -> accounts.update(member.id(), new StaffAccountChange(Set.of(StaffRole.CREW), Set.of("PW"), parks.code(), "en")))
        .isInstanceOf(CrewOfAnotherDepartment.class);
    assertThat(accounts.find(member.id()).orElseThrow().departments()).containsExactlyInAnyOrder("PW", "PARKS");

    assertThatThrownBy(() -> accounts.create(new NewStaffMember("crew-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov",
            "Out Of Place", Set.of(StaffRole.CREW), Set.of("SAN"), parks.code()), PASSWORD))
        .isInstanceOf(CrewOfAnotherDepartment.class);
  }

  @Test
  void console_pages_speak_the_members_stored_language_and_the_header_link_stores_a_new_one() throws Exception {
    StaffMember member = accounts.create(new NewStaffMember("pages-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov",
        "Sol Supervisor", Set.of(StaffRole.SUPERVISOR), Set.of("PW"), null, "es"), PASSWORD);

    // The browser asks for English (StaffBrowser sends Accept-Language: en); the sign-in page follows it.
    assertThat(browser.get("/staff/login").body()).containsPattern(ENGLISH_PAGE);
    HttpResponse<String> home = browser.follow(browser.signIn(member.email(), PASSWORD));
    assertThat(home.body()).containsPattern(SPANISH_PAGE).contains("Su idioma").doesNotContain("Your language");
    assertThat(browser.get("/staff/queue").body()).containsPattern(SPANISH_PAGE);

    // The header link: the pages switch, and so does the stored language (and with it the emails).
    assertThat(browser.get("/staff/queue?lang=en").body()).containsPattern(ENGLISH_PAGE);
    assertThat(accounts.find(member.id()).orElseThrow().language()).isEqualTo("en");
    assertThat(browser.get("/staff").body()).contains("Your language").containsPattern("<option value=\"en\" lang=\"en\"\\s+selected");

    // Another device with a Spanish cookie and browser still gets the stored English on console pages.
    StaffBrowser other = new StaffBrowser(port);
    other.follow(other.signIn(member.email(), PASSWORD));
    assertThat(other.get("/staff?lang=es").body()).contains("Su idioma");
    assertThat(accounts.find(member.id()).orElseThrow().language()).isEqualTo("es");
    assertThat(browser.get("/staff").body()).as("the first device follows the stored choice").contains("Su idioma");

    // An unknown language in the link changes nothing.
    browser.get("/staff?lang=klingon");
    assertThat(accounts.find(member.id()).orElseThrow().language()).isEqualTo("es");
  }

  @Test
  void public_pages_keep_following_the_browser_for_a_signed_in_member() throws Exception {
    StaffMember member = accounts.create(new NewStaffMember("public-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov",
        "Sol Spanish", Set.of(StaffRole.DISPATCHER), Set.of("PW"), null, "es"), PASSWORD);
    browser.follow(browser.signIn(member.email(), PASSWORD));
    assertThat(browser.get("/staff").body()).containsPattern(SPANISH_PAGE);
    assertThat(browser.get("/").body()).containsPattern(ENGLISH_PAGE);
  }

  @Test
  void the_password_reset_mail_is_in_the_members_language_which_they_change_on_the_staff_home_page() throws Exception {
    StaffMember member = accounts.create(new NewStaffMember("lang-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov",
        "Paz Dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PW"), null, "es"), PASSWORD);
    MAIL.purgeEmailFromAllMailboxes();

    // Asked for on an English page: the mail still speaks the member's Spanish.
    browser.get("/staff/password-reset");
    browser.post("/staff/password-reset", Map.of("email", member.email()));
    assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage spanish = MAIL.getReceivedMessages()[0];
    assertThat(spanish.getSubject()).isEqualTo("Restablecer su contraseña de Civic311");
    assertThat(GreenMailUtil.getBody(spanish)).contains("Hola Paz Dispatcher");

    HttpResponse<String> home = browser.follow(browser.signIn(member.email(), PASSWORD));
    assertThat(home.body()).contains("id=\"email-language\"").containsPattern("<option value=\"es\" lang=\"es\"\\s+selected");
    HttpResponse<String> saved = browser.post("/staff/language", Map.of("language", "en"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(browser.follow(saved).body()).contains("Saved: the console and your emails now speak this language.");
    assertThat(accounts.find(member.id()).orElseThrow().language()).isEqualTo("en");
    browser.get("/staff");
    HttpResponse<String> refused = browser.post("/staff/language", Map.of("language", "klingon"));
    assertThat(browser.follow(refused).body()).contains("aria-invalid=\"true\"").contains("id=\"language-problem\"");
    assertThat(accounts.find(member.id()).orElseThrow().language()).isEqualTo("en");

    MAIL.purgeEmailFromAllMailboxes();
    StaffBrowser other = new StaffBrowser(port);
    other.get("/staff/password-reset");
    other.post("/staff/password-reset", Map.of("email", member.email()));
    assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("Reset your Civic311 password");
  }

  private void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/login?error"));
  }

  private String refusalMessage(String email, String password) throws Exception {
    StaffBrowser fresh = new StaffBrowser(port);
    HttpResponse<String> page = fresh.follow(fresh.signIn(email, password));
    Matcher message = Pattern.compile("<p class=\"problem\" role=\"alert\">([^<]*)</p>").matcher(page.body());
    assertThat(message.find()).as(page.body()).isTrue();
    return message.group(1);
  }
}
