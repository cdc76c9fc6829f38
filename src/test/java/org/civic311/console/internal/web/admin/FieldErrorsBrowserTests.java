package org.civic311.console.internal.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.UUID;
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
 * Refused forms in Chromium: the refused field is marked aria-invalid and its aria-describedby names
 * the message (and still its hint), what was typed stays, nothing is half saved, and axe finds nothing.
 */
@BrowserTest
@TestPropertySource(properties = StaffHttp.OWN_APPLICATION)
class FieldErrorsBrowserTests {

  static final String PASSWORD = "field errors browser password";

  @Autowired StaffAccounts accounts;

  @Test
  void a_refused_field_is_marked_invalid_and_described_by_its_message_on_admin_pages(BrowserSession browser) {
    StaffMember admin = member("Ada Admin", Set.of(StaffRole.ADMIN), Set.of());
    StaffMember dispatcher = member("Dan Dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PW"));
    Page page = browser.desktop();
    signIn(page, browser, admin);

    // Category details: a blank name.
    page.navigate(browser.url("/staff/admin/categories/POTHOLE"));
    page.fill("#name", "");
    page.locator("#name").evaluate("e => e.removeAttribute('required')");
    page.click("#save-category");
    assertWired(page, "#name", "Name: this is required.");
    assertThat(page.locator("[aria-invalid=true]").count()).isEqualTo(1);
    Axe.assertNoViolations(page);

    // A crew with a bad code: the message joins the field's hint.
    page.navigate(browser.url("/staff/admin/departments"));
    page.fill("#crew-code", "not a code!");
    page.fill("#crew-name", "Night shift");
    page.click("#add-crew button[type=submit]");
    assertWired(page, "#crew-code", "Crew code");
    assertThat(page.locator("#crew-code").getAttribute("aria-describedby")).startsWith("crew-code-hint ");
    assertThat(page.locator("#crew-name").inputValue()).isEqualTo("Night shift");
    Axe.assertNoViolations(page);

    // An account saved with a crew that no longer exists: nothing of the change is saved, all of it is kept on the page.
    page.navigate(browser.url("/staff/admin/users/" + dispatcher.id()));
    page.check("#role-SUPERVISOR");
    page.check("#dept-SAN");
    page.selectOption("#language", "es");
    page.locator("#crew").evaluate("s => { s.add(new Option('Gone crew', 'GONE-CREW')); s.value = 'GONE-CREW'; }");
    page.click("#save-access");
    assertWired(page, "#crew", "Crew: this crew does not exist");
    assertThat(page.locator("#role-SUPERVISOR").isChecked()).isTrue();
    assertThat(page.locator("#dept-SAN").isChecked()).isTrue();
    assertThat(page.locator("#language").inputValue()).isEqualTo("es");
    Axe.assertNoViolations(page);
    StaffMember unchanged = accounts.find(dispatcher.id()).orElseThrow();
    assertThat(unchanged.roles()).containsExactly(StaffRole.DISPATCHER);
    assertThat(unchanged.departments()).containsExactly("PW");
    assertThat(unchanged.language()).isEqualTo("en");

    page.navigate(browser.url("/staff/admin/users/" + dispatcher.id()));
    page.check("#role-SUPERVISOR");
    page.selectOption("#language", "es");
    page.click("#save-access");
    assertThat(page.locator("[role=status]").first().textContent()).contains("Saved.");
    StaffMember changed = accounts.find(dispatcher.id()).orElseThrow();
    assertThat(changed.roles()).containsExactlyInAnyOrder(StaffRole.DISPATCHER, StaffRole.SUPERVISOR);
    assertThat(changed.language()).isEqualTo("es");

    // Audit search: a range that ends before it starts.
    page.navigate(browser.url("/staff/audit"));
    page.fill("#from", "2026-12-05");
    page.fill("#to", "2026-12-01");
    page.click("#audit-search button[type=submit]");
    assertWired(page, "#from", "From must be on or before To.");
    Axe.assertNoViolations(page);
  }

  @Test
  void a_refused_canned_response_edit_keeps_what_was_typed_next_to_its_message(BrowserSession browser) {
    StaffMember admin = member("Cam Admin", Set.of(StaffRole.ADMIN), Set.of());
    Page page = browser.desktop();
    signIn(page, browser, admin);
    page.navigate(browser.url("/staff/admin/canned-responses"));
    String id = page.locator(".canned-item").first().getAttribute("data-id");

    page.fill("#title-" + id, "");
    page.fill("#body-" + id, "A text typed before the refusal " + id);
    page.click("#canned-" + id + " button[type=submit]");
    assertWired(page, "#title-" + id, "Give a title of at most 80 characters.");
    assertThat(page.locator("#body-" + id).inputValue()).isEqualTo("A text typed before the refusal " + id);
    assertThat(page.locator("#canned-problem").textContent()).contains("What you typed is kept.");
    Axe.assertNoViolations(page);

    // Adding a second response with a title the language already has.
    String taken = page.locator(".canned-item[data-id='" + id + "'] input[name=title]").inputValue();
    String language = page.locator(".canned-item[data-id='" + id + "'] input[name=language]").inputValue();
    page.navigate(browser.url("/staff/admin/canned-responses"));
    String existingTitle = page.locator("#title-" + id).inputValue();
    page.fill("#new-language", language.isEmpty() ? "en" : language);
    page.fill("#new-title", existingTitle.toUpperCase());
    page.fill("#new-body", "Twice the same choice " + taken);
    page.click("#canned-add button[type=submit]");
    assertWired(page, "#new-title", "already has this title");
    assertThat(page.locator("#new-body").inputValue()).isEqualTo("Twice the same choice " + taken);
    Axe.assertNoViolations(page);
  }

  private static void signIn(Page page, BrowserSession browser, StaffMember member) {
    page.navigate(browser.url("/staff/login"));
    page.fill("#email", member.email());
    page.fill("#password", PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL("**/staff");
  }

  /** The field says it is invalid and every id in its aria-describedby exists, together saying {@code message}. */
  private static void assertWired(Page page, String selector, String message) {
    var field = page.locator(selector);
    assertThat(field.getAttribute("aria-invalid")).as(selector + " aria-invalid").isEqualTo("true");
    String describedBy = field.getAttribute("aria-describedby");
    assertThat(describedBy).as(selector + " aria-describedby").isNotBlank();
    StringBuilder text = new StringBuilder();
    for (String id : describedBy.split("\\s+")) {
      assertThat(page.locator("[id='" + id + "']").count()).as("element #" + id + " described by " + selector).isEqualTo(1);
      text.append(page.locator("[id='" + id + "']").textContent()).append(' ');
    }
    assertThat(text.toString()).as(selector + " is described by").contains(message);
  }

  private StaffMember member(String name, Set<StaffRole> roles, Set<String> departments) {
    return accounts.create(new NewStaffMember("field-errors-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov",
        name, roles, departments, null), PASSWORD);
  }
}
