package org.civic311.console.internal.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.audit.AuditEntry;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditSearch;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.console.StaffHttp;
import org.civic311.identity.ApiKeys;
import org.civic311.identity.Crew;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The admin pages over real HTTP as an admin uses them: categories and questions, departments and
 * crews, accounts, API keys; each change visible at once, refused input kept with a clear message,
 * and written to the audit log with a useful detail and never a password or a key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = StaffHttp.OWN_APPLICATION)
class AdminPagesTests {


  static final String PASSWORD = "admin pages test password";

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired Catalog catalog;
  @Autowired ApiKeys apiKeys;
  @Autowired AuditLog auditLog;

  StaffMember admin;
  StaffHttp browser;

  @BeforeEach
  void signIn() throws Exception {
    admin = member(StaffRole.ADMIN);
    browser = StaffHttp.signedIn(port, admin.email(), PASSWORD);
  }

  StaffMember member(StaffRole role, String... departments) {
    String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";
    return accounts.create(new NewStaffMember(email, "Pat " + role, Set.of(role), Set.of(departments), null), PASSWORD);
  }

  @Test
  void the_admin_index_links_every_admin_section_including_those_of_other_parts_of_the_console() throws Exception {
    String page = browser.get("/staff/admin").body();
    for (String path : List.of("/staff/admin/categories", "/staff/admin/departments", "/staff/admin/users", "/staff/admin/api-keys",
        "/staff/admin/templates", "/staff/admin/deliveries", "/staff/admin/calendar", "/staff/admin/webhooks",
        "/staff/admin/canned-responses", "/staff/audit")) {
      assertThat(page).contains("href=\"" + path + "\"");
    }
    assertThat(browser.get("/staff/admin?lang=es").body()).contains("Administración").contains("Cuentas del personal");
    browser.get("/staff/admin?lang=en");
  }

  @Test
  void an_admin_renames_a_category_and_residents_see_the_new_name_at_once_and_the_audit_log_says_what_changed() throws Exception {
    String code = newCategory("Graffiti on a bridge");
    browser.get("/staff/admin/categories/" + code);
    HttpResponse<String> saved = browser.post("/staff/admin/categories/" + code, Map.of(
        "name", "Graffiti and tags", "description", "Paint on walls", "group", "Streets", "keywords", "graffiti,tag",
        "department", "PW", "slaAmount", "3", "slaUnit", "BUSINESS_DAYS", "active", "on"));

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(catalog.category(code).orElseThrow().name()).isEqualTo("Graffiti and tags");
    assertThat(browser.follow(saved).body()).contains("Saved.").contains("the city file no longer changes this category");
    AuditEntry entry = latest(admin.email());
    assertThat(entry.action()).isEqualTo("POST /staff/admin/categories/{code}");
    assertThat(entry.target()).isEqualTo(code);
    assertThat(entry.detail()).contains("name 'Graffiti on a bridge' -> 'Graffiti and tags'").contains("SLA null -> 3 business days")
        .endsWith("status 302");
  }

  @Test
  void a_refused_category_edit_keeps_what_was_typed_and_names_the_problem() throws Exception {
    String code = newCategory("Pothole too");
    browser.get("/staff/admin/categories/" + code);
    HttpResponse<String> refused = browser.post("/staff/admin/categories/" + code, Map.of(
        "name", "  ", "description", "typed description stays", "slaAmount", "many"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("SLA target: write a whole number").contains("typed description stays");

    HttpResponse<String> noName = browser.post("/staff/admin/categories/" + code, Map.of("name", " ", "description", "kept"));
    assertThat(noName.body()).contains("Name: this is required.").contains("aria-invalid=\"true\"");
    assertThat(catalog.category(code).orElseThrow().name()).isEqualTo("Pothole too");
    assertThat(browser.get("/staff/admin/categories/NO-SUCH-THING").statusCode()).isEqualTo(404);
  }

  @Test
  void questions_of_every_datatype_are_added_changed_moved_and_removed() throws Exception {
    String code = "ADMIN-Q-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    browser.get("/staff/admin/categories/new");
    HttpResponse<String> created = browser.post("/staff/admin/categories", Map.of(
        "code", code, "name", "Fallen sign", "description", "A street sign on the ground", "department", "PW", "active", "on"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String path = "/staff/admin/categories/" + code;

    for (QuestionDatatype type : QuestionDatatype.values()) {
      browser.get(path);
      HttpResponse<String> added = browser.post(path + "/questions", Map.of(
          "code", type.open311(), "description", "Question " + type, "datatype", type.name(), "required", "on",
          "values", type.hasValueList() ? "a = First\nb = Second" : ""));
      assertThat(added.statusCode()).as(type + ": " + added.body()).isEqualTo(302);
    }
    assertThat(catalog.category(code).orElseThrow().questions()).extracting(q -> q.datatype())
        .containsExactly(QuestionDatatype.values());
    assertThat(catalog.category(code).orElseThrow().metadata()).isTrue();

    browser.get(path);
    HttpResponse<String> noValues = browser.post(path + "/questions", Map.of("code", "list2", "description", "Pick", "datatype", "SINGLEVALUELIST"));
    assertThat(noValues.body()).contains("Values: a list needs at least one value").contains("value=\"list2\"");
    HttpResponse<String> duplicate = browser.post(path + "/questions", Map.of("code", "string", "description", "Again", "datatype", "STRING"));
    assertThat(duplicate.body()).contains("another question already has this code");

    browser.post(path + "/questions/text/move", Map.of("direction", "up"));
    browser.post(path + "/questions/multivaluelist", Map.of("description", "Which ones now?", "datatype", "MULTIVALUELIST",
        "values", "a = First\nc = Third"));
    browser.post(path + "/questions/number/remove", Map.of());

    var questions = catalog.category(code).orElseThrow().questions();
    assertThat(questions).extracting(q -> q.code()).containsExactly("string", "text", "datetime", "singlevaluelist", "multivaluelist");
    assertThat(questions).extracting(q -> q.order()).containsExactly(1, 2, 3, 4, 5);
    assertThat(questions.get(4).description()).isEqualTo("Which ones now?");
    assertThat(questions.get(4).required()).as("unchecked box").isFalse();
    assertThat(questions.get(4).values()).extracting(v -> v.key()).containsExactly("a", "c");
  }

  @Test
  void departments_and_crews_are_added_and_edited() throws Exception {
    String code = "D" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
    browser.get("/staff/admin/departments");
    assertThat(browser.post("/staff/admin/departments", Map.of("code", code, "name", "Forestry", "email", "trees@springfield.example.gov")).statusCode())
        .isEqualTo(302);
    assertThat(catalog.department(code)).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("Forestry"));
    assertThat(browser.post("/staff/admin/departments", Map.of("code", code, "name", "Twice")).body()).contains("is already used");

    assertThat(browser.post("/staff/admin/crews", Map.of("code", code + "-A", "name", "Forestry A", "department", code)).statusCode()).isEqualTo(302);
    assertThat(accounts.crews()).anyMatch(c -> c.code().equals(code + "-A") && c.department().equals(code));
    browser.get("/staff/admin/crews/" + code + "-A");
    browser.post("/staff/admin/crews/" + code + "-A", Map.of("name", "Forestry Alpha", "department", code));
    assertThat(accounts.crews()).anyMatch(c -> c.name().equals("Forestry Alpha"));

    browser.get("/staff/admin/departments/" + code);
    browser.post("/staff/admin/departments/" + code, Map.of("name", "Urban Forestry"));
    assertThat(catalog.department(code)).as("unchecked 'active' retires it").isEmpty();
    assertThat(browser.get("/staff/admin/departments").body()).contains("Urban Forestry").contains("Retired");
  }

  @Test
  void an_admin_creates_an_account_with_an_initial_password_and_changes_its_roles() throws Exception {
    String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";
    browser.get("/staff/admin/users/new");
    HttpResponse<String> weak = browser.post("/staff/admin/users", List.of(Map.entry("email", email), Map.entry("name", "Nia New"),
        Map.entry("roles", "DISPATCHER"), Map.entry("passwordChoice", "password"), Map.entry("password", "short")));
    assertThat(weak.body()).contains("Initial password: at least 12 characters").contains("value=\"" + email + "\"").doesNotContain("value=\"short\"");
    String linked = "linked-" + email;
    HttpResponse<String> byLink = browser.post("/staff/admin/users", List.of(Map.entry("email", linked), Map.entry("name", "Lee Linked"),
        Map.entry("roles", "CALL_TAKER"), Map.entry("passwordChoice", "link")));
    assertThat(byLink.statusCode()).as(byLink.body()).isEqualTo(302);
    assertThat(browser.follow(byLink).body()).contains("A link to choose a password was mailed to " + linked);
    StaffMember linkedMember = accounts.findByEmail(linked).orElseThrow();
    assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("select count(*) from identity.password_reset where staff_member_id = ?").param(linkedMember.id().value())
        .query(Integer.class).single()).as("a reset link was made for the new account").isEqualTo(1);

    HttpResponse<String> created = browser.post("/staff/admin/users", List.of(Map.entry("email", email), Map.entry("name", "Nia New"),
        Map.entry("roles", "DISPATCHER"), Map.entry("departments", "PW"), Map.entry("passwordChoice", "password"),
        Map.entry("password", "river stone lantern 42")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    StaffMember member = accounts.findByEmail(email).orElseThrow();
    assertThat(member.roles()).containsExactly(StaffRole.DISPATCHER);
    StaffHttp.signedIn(port, email, "river stone lantern 42");

    browser.get("/staff/admin/users/" + member.id());
    browser.post("/staff/admin/users/" + member.id(), List.of(Map.entry("roles", "SUPERVISOR"), Map.entry("roles", "MANAGER"),
        Map.entry("departments", "SAN")));
    assertThat(accounts.find(member.id()).orElseThrow().roles()).containsExactlyInAnyOrder(StaffRole.SUPERVISOR, StaffRole.MANAGER);
    assertThat(accounts.find(member.id()).orElseThrow().departments()).containsExactly("SAN");
    browser.post("/staff/admin/users/" + member.id() + "/disable", Map.of());
    assertThat(accounts.find(member.id()).orElseThrow().enabled()).isFalse();

    List<AuditEntry> trail = auditLog.search(new AuditSearch(admin.email(), null, email, null, null, null, 10));
    assertThat(trail).extracting(AuditEntry::detail).anySatisfy(d -> assertThat(d).contains("created with roles [DISPATCHER]"))
        .anySatisfy(d -> assertThat(d).contains("roles [DISPATCHER] -> [MANAGER, SUPERVISOR]"))
        .anySatisfy(d -> assertThat(d).startsWith("disabled"))
        .allSatisfy(d -> assertThat(d).doesNotContain("river stone lantern").doesNotContain("short"));
  }

  @Test
  void a_crew_of_another_department_is_refused_next_to_the_crew_field_keeping_what_was_typed_and_saving_nothing() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Crew trees = accounts.saveCrew(new Crew("TREES-" + suffix, "Trees " + suffix, "PARKS"));
    String parks = catalog.department("PARKS").orElseThrow().name();
    StaffMember member = member(StaffRole.DISPATCHER, "PW");
    List<Map.Entry<String, String>> typed = List.of(Map.entry("roles", "DISPATCHER"), Map.entry("roles", "CREW"),
        Map.entry("departments", "PW"), Map.entry("departments", "SAN"), Map.entry("crew", trees.code()), Map.entry("language", "es"));

    browser.get("/staff/admin/users/" + member.id());
    HttpResponse<String> refused = browser.post("/staff/admin/users/" + member.id(), typed);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("Crew: Trees " + suffix + " works for " + parks + ", which is not one of this member")
        .containsPattern("<select id=\"crew\"[^>]*aria-describedby=\"crew-hint problem\"[^>]*aria-invalid=\"true\"")
        .containsPattern("<p class=\"problem\" role=\"alert\" id=\"problem\">Crew: Trees " + suffix)
        .containsPattern("value=\"" + trees.code() + "\"\\s+selected")
        .containsPattern("id=\"role-CREW\" value=\"CREW\"\\s+checked")
        .containsPattern("id=\"dept-SAN\" value=\"SAN\"\\s+checked")
        .containsPattern("<option value=\"es\" lang=\"es\"\\s+selected");
    StaffMember unchanged = accounts.find(member.id()).orElseThrow();
    assertThat(unchanged.roles()).containsExactly(StaffRole.DISPATCHER);
    assertThat(unchanged.departments()).containsExactly("PW");
    assertThat(unchanged.crew()).isNull();
    assertThat(unchanged.language()).isEqualTo("en");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(latest(admin.email()).detail()).contains("refused: Crew " + trees.code() + " works for department PARKS"));

    browser.get("/staff/admin/users/" + member.id() + "?lang=es");
    assertThat(browser.post("/staff/admin/users/" + member.id(), typed).body())
        .contains("Cuadrilla: Trees " + suffix + " trabaja para " + parks + ", que no es uno de los departamentos de esta persona");
    browser.get("/staff/admin?lang=en");

    browser.get("/staff/admin/users/" + member.id());
    HttpResponse<String> saved = browser.post("/staff/admin/users/" + member.id(), List.of(Map.entry("roles", "CREW"),
        Map.entry("departments", "PW"), Map.entry("departments", "PARKS"), Map.entry("crew", trees.code()), Map.entry("language", "en")));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(accounts.find(member.id()).orElseThrow().crew()).isEqualTo(trees);
  }

  @Test
  void an_admin_cannot_take_away_their_own_admin_role_or_disable_themselves() throws Exception {
    browser.get("/staff/admin/users/" + admin.id());
    HttpResponse<String> ownRole = browser.post("/staff/admin/users/" + admin.id(), List.of(Map.entry("roles", "DISPATCHER")));
    assertThat(ownRole.statusCode()).isEqualTo(200);
    assertThat(ownRole.body()).contains("You cannot take away your own admin role");
    HttpResponse<String> disable = browser.post("/staff/admin/users/" + admin.id() + "/disable", Map.of());
    assertThat(disable.body()).contains("You cannot disable your own account");

    StaffMember still = accounts.find(admin.id()).orElseThrow();
    assertThat(still.roles()).contains(StaffRole.ADMIN);
    assertThat(still.enabled()).isTrue();
    assertThat(browser.get("/staff/admin/users/not-an-id").statusCode()).isEqualTo(404);
    assertThat(browser.get("/staff/admin/users/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
  }

  @Test
  void an_api_key_is_shown_once_works_and_stops_working_when_revoked_and_is_never_audited() throws Exception {
    browser.get("/staff/admin/api-keys");
    HttpResponse<String> created = browser.post("/staff/admin/api-keys", List.of(Map.entry("client", "Work orders"),
        Map.entry("scopes", "open311:updates")));
    Matcher secret = Pattern.compile("id=\"secret\" readonly value=\"([^\"]+)\"").matcher(created.body());
    assertThat(secret.find()).as(created.body()).isTrue();
    assertThat(apiKeys.authenticate(secret.group(1))).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Work orders"));
    assertThat(browser.get("/staff/admin/api-keys").body()).doesNotContain(secret.group(1)).contains("Work orders");

    String keyId = apiKeys.authenticate(secret.group(1)).orElseThrow().keyId();
    assertThat(browser.post("/staff/admin/api-keys/" + keyId + "/revoke", Map.of()).statusCode()).isEqualTo(302);
    assertThat(apiKeys.authenticate(secret.group(1))).isEmpty();
    assertThat(auditLog.search(new AuditSearch(admin.email(), "api-keys", null, null, null, null, 10)))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret.group(1)));
    assertThat(browser.post("/staff/admin/api-keys", List.of(Map.entry("client", " "))).body()).contains("Client: write who will use the key");
  }

  @Test
  void the_audit_page_searches_and_pages_back_with_an_older_link() throws Exception {
    String target = "PAGING-" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 55; i++) {
      auditLog.record(new org.civic311.audit.AuditRecord(admin.email(), "test action " + i, target, "n " + i, "10.0.0.1"));
    }
    String first = browser.get("/staff/audit?target=" + target).body();
    assertThat(first).contains("test action 54").contains("test action 5<").doesNotContain("test action 4<");
    Matcher older = Pattern.compile("id=\"older\" href=\"([^\"]+)\"").matcher(first);
    assertThat(older.find()).isTrue();
    String second = browser.get(older.group(1).replace("&amp;", "&")).body();
    assertThat(second).contains("test action 4<").contains("test action 0<").doesNotContain("test action 5<").doesNotContain("id=\"older\"");

    assertThat(browser.get("/staff/audit?actor=" + admin.email() + "&action=action+54").body()).contains("test action 54").doesNotContain("test action 53");
    HttpResponse<String> badDate = browser.get("/staff/audit?from=yesterday&actor=kept@example.gov");
    assertThat(badDate.statusCode()).isEqualTo(200);
    assertThat(badDate.body()).contains("write dates as year-month-day").contains("value=\"kept@example.gov\"");
  }

  @Test
  void a_change_made_on_another_node_reaches_this_node_by_the_catalog_version() throws Exception {
    // Another node's edit is a committed row plus a version bump; nothing tells this node directly.
    String code = newCategory("Streetlight out");
    org.springframework.jdbc.core.simple.JdbcClient jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    jdbc.sql("update catalog.service_category set name = 'Streetlight out (from node B)' where code = ?").param(code).update();
    jdbc.sql("update catalog.version set version = version + 1").update();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(catalog.category(code).orElseThrow().name()).isEqualTo("Streetlight out (from node B)"));
  }

  @Autowired org.springframework.context.ApplicationContext context;

  /** A category of this test's own, so that tests sharing the application never see sample categories changed. */
  private String newCategory(String name) throws Exception {
    String code = "ADMIN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    browser.get("/staff/admin/categories/new");
    HttpResponse<String> created = browser.post("/staff/admin/categories", Map.of("code", code, "name", name, "description", "",
        "active", "on"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    return code;
  }

  private AuditEntry latest(String actor) {
    return auditLog.search(new AuditSearch(actor, null, null, null, null, null, 1)).getFirst();
  }
}
