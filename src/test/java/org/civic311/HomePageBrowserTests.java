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
  void tab_reaches_every_link_in_reading_order_with_a_visible_focus(BrowserSession browser) {
    Page page = browser.desktop();
    page.navigate(browser.url("/"));
    @SuppressWarnings("unchecked")
    List<String> links = (List<String>) page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");

    List<String> reached = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      page.keyboard().press("Tab");
      reached.add((String) page.evaluate("() => document.activeElement.getAttribute('href')"));
      assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
          .as("focus outline of %s", reached.getLast())
          .isNotEqualTo("none");
    }

    assertThat(links).hasSizeGreaterThanOrEqualTo(6).contains("/open311/discovery.json", "/open311/v2/services.json");
    assertThat(reached).isEqualTo(links);
  }

  @Test
  void enter_on_a_focused_link_follows_it(BrowserSession browser) {
    Page page = browser.desktop();
    page.navigate(browser.url("/"));
    page.keyboard().press("Tab");

    Response response = page.waitForNavigation(() -> page.keyboard().press("Enter"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(page.url()).isEqualTo(browser.url("/open311/discovery.json"));
  }
}
