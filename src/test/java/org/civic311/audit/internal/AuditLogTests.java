package org.civic311.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civic311.audit.AuditEntry;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditRecord;
import org.civic311.audit.AuditSearch;
import org.civic311.console.StaffHttp;
import org.civic311.identity.ApiKeys;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit log: entries cannot be changed or removed, even by SQL as the application's user, and
 * every state-changing staff request is recorded with who, which route, on what, the answer and from
 * where, never with what the form carried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = StaffHttp.OWN_APPLICATION)
class AuditLogTests {

  static final String PASSWORD = "audit log test password";

  @LocalServerPort int port;
  @Autowired AuditLog auditLog;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccounts accounts;
  @Autowired ApiKeys apiKeys;

  @Test
  void the_database_refuses_to_update_or_delete_an_entry() {
    String target = "append-only-" + UUID.randomUUID();
    auditLog.record(new AuditRecord("ada@springfield.example.gov", "viewed reporter contact", target, null, "10.1.2.3"));
    long id = auditLog.search(new AuditSearch(null, null, target, null, null, null, 1)).getFirst().id();

    assertThatThrownBy(() -> jdbc.sql("update audit.entry set actor = 'someone else' where id = ?").param(id).update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where id = ?").param(id).update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");

    AuditEntry still = auditLog.search(new AuditSearch(null, null, target, null, null, null, 5)).getFirst();
    assertThat(still.actor()).isEqualTo("ada@springfield.example.gov");
    assertThat(still.from()).isEqualTo("10.1.2.3");
  }

  @Test
  void a_staff_post_is_recorded_with_actor_route_target_status_and_origin_but_no_form_field() throws Exception {
    StaffMember admin = accounts.create(new NewStaffMember("audit-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov",
        "Audrey Audit", Set.of(StaffRole.ADMIN), Set.of(), null), PASSWORD);
    String keyId = apiKeys.create("Audit test client").keyId();
    StaffHttp browser = StaffHttp.signedIn(port, admin.email(), PASSWORD);
    browser.get("/staff/admin/api-keys");

    HttpResponse<String> revoked = browser.post("/staff/admin/api-keys/" + keyId + "/revoke",
        List.of(Map.entry("note", "hunter2-do-not-keep"), Map.entry("password", "hunter2-do-not-keep")));

    assertThat(revoked.statusCode()).isEqualTo(302);
    List<AuditEntry> entries = auditLog.search(new AuditSearch(admin.email(), null, null, null, null, null, 10));
    assertThat(entries).hasSize(1);
    AuditEntry entry = entries.getFirst();
    assertThat(entry.actor()).isEqualTo(admin.email());
    assertThat(entry.action()).isEqualTo("POST /staff/admin/api-keys/{keyId}/revoke");
    assertThat(entry.target()).isEqualTo(keyId);
    assertThat(entry.detail()).isEqualTo("revoked; status 302");
    assertThat(entry.from()).isEqualTo("127.0.0.1");
    assertThat(entry.toString()).doesNotContain("hunter2");
  }

  @Test
  void reading_pages_writes_nothing() throws Exception {
    StaffMember dispatcher = accounts.create(new NewStaffMember("audit-d-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov",
        "Dee Dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PW"), null), PASSWORD);
    StaffHttp browser = StaffHttp.signedIn(port, dispatcher.email(), PASSWORD);
    browser.get("/staff");
    browser.get("/staff/audit");

    assertThat(auditLog.search(new AuditSearch(dispatcher.email(), null, null, null, null, null, 10))).isEmpty();
  }
}
