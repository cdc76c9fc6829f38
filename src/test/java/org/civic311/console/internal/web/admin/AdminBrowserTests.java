package org.civic311.console.internal.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditRecord;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.civic311.console.StaffHttp;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The admin and audit pages in Chromium on a laptop and on a 360 px phone: no accessibility
 * violation (WCAG 2.1 A/AA), no Content-Security-Policy violation, screenshots for the README; and a
 * category renamed in the admin pages shows on the resident's report page without a restart.
 */
@BrowserTest
@TestPropertySource(properties = StaffHttp.OWN_APPLICATION)
class AdminBrowserTests {

  static final String PASSWORD = "admin browser password";

  @Autowired StaffAccounts accounts;
  @Autowired AuditLog auditLog;

  StaffMember admin() {
    return accounts.create(new NewStaffMember("browser-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov",
        "Ada Admin", Set.of(StaffRole.ADMIN), Set.of(), null), PASSWORD);
  }

  static void signIn(Page page, BrowserSession browser, StaffMember member) {
    page.navigate(browser.url("/staff/login"));
    page.fill("#email", member.email());
    page.fill("#password", PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL("**/staff");
  }

  @Test
  void the_admin_and_audit_pages_pass_axe_on_a_laptop_and_a_phone(BrowserSession browser) {
    StaffMember admin = admin();
    StaffMember other = accounts.create(new NewStaffMember("browser-dispatcher-" + UUID.randomUUID().toString().substring(0, 8)
        + "@springfield.example.gov", "Dan Dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PW"), null), PASSWORD);
    auditLog.record(new AuditRecord(admin.email(), "POST /staff/admin/categories/{code}", "POTHOLE", "name 'Pothole' -> 'Pothole'; status 302", "10.0.0.7"));
    List<String[]> pages = List.of(
        new String[] {"/staff/admin", "index"},
        new String[] {"/staff/admin/categories", "categories"},
        new String[] {"/staff/admin/categories/POTHOLE", "category"},
        new String[] {"/staff/admin/departments", "departments"},
        new String[] {"/staff/admin/users", "users"},
        new String[] {"/staff/admin/users/" + other.id(), "user"},
        new String[] {"/staff/admin/users/new", "user-new"},
        new String[] {"/staff/admin/api-keys", "api-keys"},
        new String[] {"/staff/audit", "audit"});
    for (boolean phone : new boolean[] {false, true}) {
      Page page = phone ? browser.phone() : browser.desktop();
      signIn(page, browser, admin);
      for (String[] entry : pages) {
        page.navigate(browser.url(entry[0]));
        assertThat(page.locator("h1").count()).as(entry[0]).isEqualTo(1);
        Axe.assertNoViolations(page);
        if (!entry[1].equals("user") && !entry[1].equals("user-new") && !entry[1].equals("departments")) {
          browser.screenshot(page, "console-admin-" + entry[1] + (phone ? "-phone" : "-desktop"));
        }
      }
      if (!phone) {
        // A refused form and the page showing a new key's secret once are pages too.
        page.navigate(browser.url("/staff/admin/api-keys"));
        page.fill("#client", "FixMyStreet");
        page.click("#new-key button[type=submit]");
        assertThat(page.locator("#secret").inputValue()).hasSizeGreaterThan(20);
        Axe.assertNoViolations(page);
        page.navigate(browser.url("/staff/admin/categories/POTHOLE"));
        page.fill("#name", "");
        page.locator("#name").evaluate("e => e.removeAttribute('required')");
        page.click("#save-category");
        assertThat(page.locator("#problem").textContent()).contains("Name: this is required.");
        Axe.assertNoViolations(page);
      }
    }
  }

  @Test
  void a_category_renamed_by_an_admin_shows_on_the_report_page_without_a_restart(BrowserSession browser) {
    StaffMember admin = admin();
    Page resident = browser.phone();
    resident.navigate(browser.url("/report"));
    assertThat(resident.locator("body").textContent()).contains("Graffiti").doesNotContain("Graffiti or tagging on a wall");

    Page page = browser.desktop();
    signIn(page, browser, admin);
    page.navigate(browser.url("/staff/admin/categories"));
    page.click("tr[data-code=GRAFFITI] a");
    page.fill("#name", "Graffiti or tagging on a wall");
    page.click("#save-category");
    assertThat(page.locator("[role=status]").first().textContent()).contains("Saved.");

    resident.navigate(browser.url("/report"));
    assertThat(resident.locator("body").textContent()).contains("Graffiti or tagging on a wall");
  }

  @Test
  void an_admin_adds_a_question_with_the_keyboard_only(BrowserSession browser) {
    StaffMember admin = admin();
    Page page = browser.desktop();
    signIn(page, browser, admin);
    page.navigate(browser.url("/staff/admin/categories/DEAD_ANIMAL"));
    page.focus("#new-code");
    page.keyboard().type("COLOR");
    page.keyboard().press("Tab");
    page.keyboard().type("What color is it?");
    page.keyboard().press("Tab");
    page.keyboard().press("End");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Space");
    page.keyboard().press("Tab");
    page.keyboard().type("brown = Brown");
    page.keyboard().press("Tab");
    page.keyboard().press("Enter");
    page.waitForURL("**/staff/admin/categories/DEAD_ANIMAL#questions");
    assertThat(page.locator("[data-question=COLOR]").count()).isEqualTo(1);
    assertThat(page.locator("[data-question=COLOR] select").inputValue()).isEqualTo("MULTIVALUELIST");
    assertThat(page.locator("[data-question=COLOR] input[type=checkbox]").isChecked()).isTrue();
  }
}
