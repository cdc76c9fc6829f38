package org.civic311.notifications.internal.web.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffRole;
import org.civic311.notifications.NotificationChannel;
import org.civic311.notifications.NotificationEvent;
import org.civic311.notifications.Templates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin pages of messages, deliveries, the calendar and webhooks in Chromium: an admin edits a
 * template with the keyboard and sees the live preview; every page passes axe on a phone and a
 * desktop, in English and Spanish.
 */
@BrowserTest
class NotificationAdminBrowserTests {

  private static final String PASSWORD = "an-admin-password-2026";
  private static final String[] PAGES = {"/staff/admin/templates", "/staff/admin/deliveries", "/staff/admin/calendar", "/staff/admin/webhooks"};

  @Autowired StaffAccounts staff;
  @Autowired Templates templates;

  @AfterEach
  void resetTemplate() {
    templates.resetToDefault(NotificationEvent.OVERDUE, NotificationChannel.EMAIL, "en");
  }

  @Test
  void an_admin_edits_a_template_with_the_keyboard_and_sees_the_preview_change_as_they_type(BrowserSession browser) {
    Page page = browser.desktop();
    signIn(browser, page);
    page.navigate(browser.url("/staff/admin/templates"));
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-admin-templates-desktop");

    page.locator("tr[data-template='overdue/email/en'] a").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("h1")).containsText("Taking longer than expected");
    assertThat(page.locator("#preview-subject")).hasText("Request 2026-000123 is taking longer than expected");

    page.locator("#subject").focus();
    page.keyboard().press("Control+A");
    page.keyboard().type("Still working on {{number}} ({{category}})");
    assertThat(page.locator("#preview-subject")).hasText("Still working on 2026-000123 (Pothole)");
    page.locator("#body").fill("We need more time at {{address}}. Expected: {{expected}}. {{link}}");
    assertThat(page.locator("#preview-text")).containsText("We need more time at 200 N Spring St.");
    page.locator("#body").fill("Broken {{#address}} section");
    assertThat(page.locator("#preview-problems")).containsText("address");
    page.locator("#body").fill("We need more time at {{address}}. {{link}}");
    assertThat(page.locator("#preview-problems")).isEmpty();
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-admin-templates-edit-desktop");

    page.locator("#body").focus();
    page.keyboard().press("Tab");
    assertThat(page.locator("button[value='save']")).isFocused();
    page.keyboard().press("Enter");
    assertThat(page.locator("#saved")).isVisible();
    assertThat(page.locator("#subject")).hasValue("Still working on {{number}} ({{category}})");
    page.locator("#reset").click();
    assertThat(page.locator("#reset-done")).isVisible();
    assertThat(page.locator("#subject")).hasValue("Request {{number}} is taking longer than expected");
  }

  @Test
  void every_admin_page_passes_axe_on_a_phone_and_a_desktop_in_english_and_spanish(BrowserSession browser) {
    Page phone = browser.phone();
    signIn(browser, phone);
    for (String path : PAGES) {
      phone.navigate(browser.url(path));
      assertThat(phone.locator("h1")).isVisible();
      Axe.assertNoViolations(phone);
      phone.navigate(browser.url(path + "?lang=es"));
      assertThat(phone.locator("html")).hasAttribute("lang", "es");
      Axe.assertNoViolations(phone);
      phone.navigate(browser.url(path + "?lang=en"));
    }
    phone.navigate(browser.url("/staff/admin/templates/overdue/email/en"));
    Axe.assertNoViolations(phone);
    browser.screenshot(phone, "console-admin-templates-edit-phone");
    phone.navigate(browser.url("/staff/admin/templates"));
    browser.screenshot(phone, "console-admin-templates-phone");

    Page desktop = browser.desktop();
    signIn(browser, desktop);
    for (String path : PAGES) {
      desktop.navigate(browser.url(path));
      Axe.assertNoViolations(desktop);
    }
    desktop.navigate(browser.url("/staff/admin/calendar"));
    browser.screenshot(desktop, "console-admin-templates-calendar-desktop");
    desktop.navigate(browser.url("/staff/admin/deliveries"));
    browser.screenshot(desktop, "console-admin-templates-deliveries-desktop");
    desktop.navigate(browser.url("/staff/admin/webhooks"));
    browser.screenshot(desktop, "console-admin-templates-webhooks-desktop");
  }

  @Test
  void a_holiday_is_added_and_removed_with_the_keyboard(BrowserSession browser) {
    Page page = browser.desktop();
    signIn(browser, page);
    page.navigate(browser.url("/staff/admin/calendar"));
    page.locator("#date").focus();
    page.locator("#date").fill("2032-07-05");
    // Tab walks through the date field's own parts (month, day, year) first.
    page.locator("#name").focus();
    page.keyboard().type("Independence Day (observed) test");
    page.keyboard().press("Enter");
    assertThat(page.locator("#added")).isVisible();
    assertThat(page.locator("tr[data-date='2032-07-05']")).containsText("Independence Day (observed) test");
    page.locator("tr[data-date='2032-07-05'] button").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("#removed")).isVisible();
    assertThat(page.locator("tr[data-date='2032-07-05']")).hasCount(0);
    assertThat(page).hasURL(Pattern.compile(".*/staff/admin/calendar$"));
  }

  private void signIn(BrowserSession browser, Page page) {
    String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@springfield.example.gov";
    staff.create(new NewStaffMember(email, "Alex Admin", Set.of(StaffRole.ADMIN), Set.of(), null), PASSWORD);
    page.navigate(browser.url("/staff/login"));
    page.locator("#email").fill(email);
    page.locator("#password").fill(PASSWORD);
    page.locator("#password").press("Enter");
    page.waitForURL(Pattern.compile(".*/staff$"));
  }
}
