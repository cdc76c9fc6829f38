package org.civic311;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.List;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.junit.jupiter.api.Test;

/** The home page in a real browser: accessible on a phone and a laptop, and usable with the keyboard alone. */
@BrowserTest
class HomePageBrowserTests {

  @Test
  void the_home_page_passes_the_accessibility_audit_on_a_phone(BrowserSession browser) {
    Page page = browser.phone();
    page.navigate(browser.url("/"));

    Axe.assertNoViolations(page);
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
    browser.screenshot(page, "home-phone");
  }

  @Test
  void the_home_page_passes_the_accessibility_audit_on_a_desktop(BrowserSession browser) {
    Page page = browser.desktop();
    page.navigate(browser.url("/"));

    Axe.assertNoViolations(page);
    browser.screenshot(page, "home-desktop");
  }

  @Test
  void tab_reaches_every_link_and_field_in_reading_order_with_a_visible_focus(BrowserSession browser) {
    Page page = browser.desktop();
    page.navigate(browser.url("/"));
    @SuppressWarnings("unchecked")
    List<String> focusable = (List<String>) page.evaluate(
        "() => [...document.querySelectorAll('a[href], input, button')].map(e => e.getAttribute('href') || e.id || e.textContent.trim())");

    List<String> reached = new ArrayList<>();
    for (int i = 0; i < focusable.size(); i++) {
      page.keyboard().press("Tab");
      reached.add((String) page.evaluate(
          "() => { const e = document.activeElement; return e.getAttribute('href') || e.id || e.textContent.trim(); }"));
      assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
          .as("focus outline of %s", reached.getLast())
          .isNotEqualTo("none");
    }

    assertThat(focusable).contains("#main", "/report", "number", "/open311/discovery.json", "/open311/v2/services.json");
    assertThat(reached).isEqualTo(focusable);
  }

  @Test
  void the_skip_link_comes_first_and_enter_on_report_a_problem_opens_the_report_form(BrowserSession browser) {
    Page page = browser.desktop();
    page.navigate(browser.url("/"));
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.getAttribute('href')")).isEqualTo("#main");
    assertThat(page.evaluate("() => document.activeElement.getBoundingClientRect().top >= 0")).as("skip link visible when focused").isEqualTo(true);

    page.locator("a.button[href='/report']").focus();
    Response response = page.waitForNavigation(() -> page.keyboard().press("Enter"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(page.url()).isEqualTo(browser.url("/report"));
  }

  @Test
  void a_request_number_typed_on_the_home_page_leads_to_its_status_page(BrowserSession browser) {
    Page page = browser.phone();
    page.navigate(browser.url("/"));
    page.getByLabel("Request number").fill("2026-000123");
    page.waitForNavigation(() -> page.getByText("Show its status").click());
    assertThat(page.url()).isEqualTo(browser.url("/requests/2026-000123"));
  }
}
