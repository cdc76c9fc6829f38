package org.civic311.console.internal.web.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.SelectOption;
import java.util.Set;
import org.civic311.MovableClock;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.civic311.catalog.Catalog;
import org.civic311.identity.Crew;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.requests.Actor;
import org.civic311.requests.Priority;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A dispatcher works the queue in a real browser: filters, opens a request, assigns it to a crew, and
 * the resident's status page shows the step; the same with the keyboard only; live refresh; axe on
 * phone and desktop; screenshots for the README.
 */
@BrowserTest
@Import(MovableClock.AsApplicationClock.class)
class ConsoleBrowserTests {

  @Autowired StaffAccounts staff;
  @Autowired ServiceRequests requests;
  @Autowired Catalog catalog;

  ConsoleFixtures fx;
  StaffMember dispatcher;
  Crew crew;

  @BeforeEach
  void setUp() {
    fx = new ConsoleFixtures(staff, requests, catalog);
    dispatcher = fx.member("browser-dispatcher", Set.of(StaffRole.DISPATCHER), Set.of("PW"));
    crew = fx.crew("PW-EAST", "PW");
  }

  private Page signIn(BrowserSession browser, Page page) {
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    page.navigate(browser.url("/staff/login"));
    page.fill("#email", dispatcher.email());
    page.fill("#password", ConsoleFixtures.PASSWORD);
    page.waitForNavigation(() -> page.click("button[type=submit]"));
    return page;
  }

  private RequestNumber pothole(String words) {
    return fx.request("POTHOLE", words, 34.0522, -118.2437, "200 N Spring St",
        new Reporter("Ana", "Lopez", "ana@example.org", "555-0100", null, null));
  }

  @Test
  void a_dispatcher_filters_opens_and_assigns_and_the_resident_sees_the_step(BrowserSession browser) {
    RequestNumber number = pothole("Deep pothole by the school");
    RequestNumber other = pothole("Small pothole near the park");
    requests.change(number, new RequestChange.ChangePriority(Priority.HIGH), Actor.staff("test"));
    Page page = signIn(browser, browser.desktop());

    page.navigate(browser.url("/staff/queue"));
    page.fill("#f-q", fx.run);
    page.check("input[name=priority][value=HIGH]");
    page.waitForNavigation(() -> page.click("#apply-filters"));
    assertThat(page.locator("#queue-table tbody tr").count()).isEqualTo(1);
    assertThat(page.locator("#queue-table").innerText()).contains(number.value()).doesNotContain(other.value());
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-queue-desktop");

    page.waitForNavigation(() -> page.click("a.number:text('" + number.value() + "')"));
    page.waitForSelector(".request-map.is-ready");
    assertThat(page.locator("#address").innerText()).isEqualTo("200 N Spring St");
    assertThat(page.locator("#fact-priority").innerText()).isEqualTo("High");
    Axe.assertNoViolations(page);
    page.selectOption("#assign-crew", new SelectOption().setValue(crew.code()));
    page.waitForNavigation(() -> page.click("#do-assign"));
    assertThat(page.locator("#action-done").innerText()).isEqualTo("Assigned.");
    assertThat(page.locator("#fact-crew").innerText()).isEqualTo(crew.name());
    assertThat(page.locator("#history li").first().innerText()).contains("Public", "Assigned", "Assigned to " + crew.code());
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-detail-desktop");

    Page resident = browser.desktop();
    resident.context().route("https://tile.openstreetmap.org/**", Route::abort);
    resident.navigate(browser.url("/requests/" + number.value()));
    assertThat(resident.locator("#timeline").innerText()).contains("Assigned to " + crew.code());
  }

  @Test
  void queue_and_request_pages_fit_a_phone_and_pass_axe(BrowserSession browser) {
    RequestNumber number = pothole("Pothole on a phone");
    Page page = signIn(browser, browser.phone());
    page.navigate(browser.url("/staff/queue?q=" + fx.run));
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-queue-phone");
    page.navigate(browser.url("/staff/requests/" + number.value()));
    page.waitForNavigation(() -> page.click("#show-contact"));
    assertThat(page.locator("#contact").innerText()).contains("ana@example.org");
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-detail-phone");
  }

  @Test
  void a_dispatcher_using_only_the_keyboard_finds_and_assigns_a_request(BrowserSession browser) {
    RequestNumber number = pothole("Keyboard pothole");
    Page page = signIn(browser, browser.desktop());
    page.navigate(browser.url("/staff/queue"));
    tabTo(page, "f-q");
    page.keyboard().type(fx.run);
    page.waitForNavigation(() -> page.keyboard().press("Enter"));
    tabTo(page, "link:" + number.value());
    page.waitForNavigation(() -> page.keyboard().press("Enter"));
    assertThat(page.url()).endsWith("/staff/requests/" + number.value());
    tabTo(page, "assign-crew");
    // A closed select picks the option whose name is typed, as a keyboard user does.
    page.keyboard().type(crew.name());
    tabTo(page, "do-assign");
    page.waitForNavigation(() -> page.keyboard().press("Enter"));
    assertThat(page.locator("#fact-crew").innerText()).isEqualTo(crew.name());
  }

  @Test
  void the_queue_and_the_request_page_refresh_when_a_request_changes(BrowserSession browser) {
    RequestNumber number = pothole("Live pothole");
    Page queue = signIn(browser, browser.desktop());
    queue.navigate(browser.url("/staff/queue?q=" + fx.run));
    queue.waitForSelector("#queue-page[data-live=connected]");
    Page detail = browser.desktop();
    detail.context().addCookies(queue.context().cookies());
    detail.navigate(browser.url("/staff/requests/" + number.value()));
    detail.waitForSelector("#request-page[data-live=connected]");
    detail.click("#action-note summary");
    detail.fill("#note-message", "half typed");

    requests.change(number, new RequestChange.Assign(crew.code(), null), Actor.staff("someone-else"));

    queue.waitForFunction("() => Number(document.getElementById('queue-page').getAttribute('data-live-updates') || 0) > 0");
    assertThat(queue.locator("#queue-table").innerText()).contains(crew.name());
    detail.waitForFunction("() => document.getElementById('fact-crew').textContent.includes('" + crew.name() + "')");
    assertThat(detail.inputValue("#note-message")).as("a live refresh keeps what was typed").isEqualTo("half typed");
  }

  /** Presses Tab until the element (an id, or {@code link:text}) has the focus; fails after 80 presses. */
  private static void tabTo(Page page, String target) {
    String check = target.startsWith("link:")
        ? "() => document.activeElement && document.activeElement.tagName === 'A' && document.activeElement.textContent.trim() === '" + target.substring(5) + "'"
        : "() => document.activeElement && document.activeElement.id === '" + target + "'";
    for (int i = 0; i < 80; i++) {
      if (Boolean.TRUE.equals(page.evaluate(check))) return;
      page.keyboard().press("Tab");
    }
    throw new AssertionError("Tab never reached " + target);
  }
}
