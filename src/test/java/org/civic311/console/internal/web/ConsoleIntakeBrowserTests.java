package org.civic311.console.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Status;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The call-taker's intake and the crews' phone page in Chromium: a phone report taken with the keyboard
 * alone in under a minute; a crew member on a 360 px phone marks jobs on site and done with a photo,
 * once while offline (delivered once when the network is back); the resident's status page shows each
 * public step; axe on every page; screenshots for the README.
 */
@BrowserTest
@TestPropertySource(properties = {"civic311.demo.staff-accounts=true", "spring.application.name=civic311-console-intake-browser-tests"})
class ConsoleIntakeBrowserTests {

  @Autowired ServiceRequests requests;

  @Test
  void a_call_taker_takes_a_phone_report_with_the_keyboard_alone_in_under_a_minute(BrowserSession browser) {
    Page page = browser.desktop();
    signIn(page, browser, "calltaker@springfield.example.gov", "demo-calltaker-2026");
    page.navigate(browser.url("/staff/intake"));
    Axe.assertNoViolations(page);
    long started = System.nanoTime();

    tabTo(page, "lookup");
    page.keyboard().type("213 555 0188");
    page.keyboard().press("Enter");
    assertThat(page.locator("#caller-results")).containsText("No earlier requests");
    assertThat(page.locator("#phone")).hasValue("213 555 0188");

    tabTo(page, "category-filter");
    page.keyboard().type("pothole");
    assertThat(page.locator("#category")).hasValue("POTHOLE");
    assertThat(page.locator("#questions")).containsText("How big is the pothole?");
    tabTo(page, "answer-SIZE-small");
    page.keyboard().press("ArrowDown"); // radio groups: arrows choose
    assertThat(page.locator("#answer-SIZE-medium")).isChecked();
    tabTo(page, "answer-POSITION-traffic_lane");
    page.keyboard().press("Space");
    assertThat(page.locator("#answer-POSITION-traffic_lane")).isChecked();

    tabTo(page, "address");
    page.keyboard().type("526 N St Andrews Pl");
    assertThat(page.locator("#address-point")).containsText("34.08116");
    tabTo(page, "description");
    page.keyboard().type("Caller says it is in the right lane, deep.");
    tabTo(page, "name");
    page.keyboard().type("Maria Gomez");
    tabTo(page, "smsConsent");
    page.keyboard().press("Space");
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-intake-desktop");
    tabTo(page, "submit");
    page.keyboard().press("Enter");

    assertThat(page.locator("#request-number")).isVisible();
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    assertThat(seconds).as("a phone report in under a minute").isLessThan(60);
    assertThat(page.locator("#expected")).not().isEmpty();
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-intake-done-desktop");

    RequestNumber number = new RequestNumber(page.locator("#request-number").textContent().strip());
    ServiceRequestDetails stored = requests.find(number).orElseThrow();
    assertThat(stored.channel()).isEqualTo(Channel.PHONE);
    assertThat(stored.answers()).containsEntry("SIZE", List.of("medium"));
    assertThat(requests.reporterOf(number).orElseThrow().smsConsent()).isTrue();
  }

  @Test
  void the_intake_page_on_a_phone_shows_problems_linked_to_their_fields(BrowserSession browser) {
    Page page = browser.phone();
    signIn(page, browser, "calltaker@springfield.example.gov", "demo-calltaker-2026");
    page.navigate(browser.url("/staff/intake"));
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-intake-phone");
    page.locator("#description").fill("Lights out on the whole block");
    page.locator("#submit").click();
    assertThat(page.locator("#error-summary")).isFocused();
    assertThat(page.locator("#error-summary a[href='#category']")).isVisible();
    assertThat(page.locator("#description")).hasValue("Lights out on the whole block");
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-intake-errors-phone");
  }

  @Test
  void a_crew_member_on_a_phone_marks_jobs_on_site_and_done_with_a_photo_also_while_offline(BrowserSession browser) throws Exception {
    RequestNumber first = assignedJob(34.074394, -118.311263, "Deep hole by the bus stop");
    RequestNumber second = assignedJob(34.085875, -118.357554, "Hole in the crosswalk");
    Page page = browser.phone();
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    signIn(page, browser, "crew@springfield.example.gov", "demo-crew-2026");
    page.navigate(browser.url("/staff/jobs"));
    assertThat(page.locator("#job-" + first.value())).isVisible();
    assertThat(page.locator("#job-" + first.value() + " a[href^='geo:']")).isVisible();
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-crew-phone");

    // On site, online.
    page.locator("#job-" + first.value() + " .onsite-button").click();
    assertThat(page.locator("#job-" + first.value() + " .job-feedback")).containsText("on site");
    await().atMost(Duration.ofSeconds(10)).until(() -> status(first) == Status.IN_PROGRESS);

    // Done with a photo, offline: kept on the phone, delivered once when the network is back.
    page.context().setOffline(true);
    page.locator("#photo-" + first.value()).setInputFiles(new FilePayload("after.png", "image/png", IntakeAndJobsIntegrationTests.png()));
    page.locator("#note-" + first.value()).fill("Filled and rolled, lane open again");
    page.locator("#job-" + first.value() + " .done-button").click();
    page.locator("#job-" + second.value() + " .onsite-button").click();
    assertThat(page.locator("#queue-status")).containsText("No network");
    assertThat(status(first)).isEqualTo(Status.IN_PROGRESS);
    assertThat(status(second)).isEqualTo(Status.ASSIGNED);
    browser.screenshot(page, "console-crew-offline-phone");

    page.context().setOffline(false);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(first) == Status.RESOLVED && status(second) == Status.IN_PROGRESS);
    assertThat(page.locator("#queue-status")).containsText("All actions were delivered");
    // A second round of the queue (the interval, another "online") sends nothing again.
    page.evaluate("window.dispatchEvent(new Event('online'))");
    assertThat(page.locator("#queue-status")).containsText("All actions were delivered");
    assertThat(kinds(first)).containsOnlyOnce(HistoryEntry.Kind.RESOLVED).containsOnlyOnce(HistoryEntry.Kind.WORK_STARTED);
    assertThat(kinds(second)).containsOnlyOnce(HistoryEntry.Kind.WORK_STARTED);
    assertThat(requests.find(first).orElseThrow().history().getLast().mediaUrls()).hasSize(1);

    // The resident sees each public step and the crew's photo.
    Page resident = browser.phone();
    resident.context().route("https://tile.openstreetmap.org/**", Route::abort);
    resident.navigate(browser.url("/requests/" + first.value()));
    assertThat(resident.locator("#timeline")).containsText("Assigned to PW-EAST");
    assertThat(resident.locator("#timeline")).containsText("Filled and rolled, lane open again");
    assertThat(resident.locator("#timeline li")).hasCount(4);
    assertThat(resident.locator("ul.photos img")).hasCount(1);
    assertThat(resident.locator("body")).not().containsText("crew@springfield");

    Page desktop = browser.desktop();
    desktop.context().route("https://tile.openstreetmap.org/**", Route::abort);
    signIn(desktop, browser, "crew@springfield.example.gov", "demo-crew-2026");
    assignedJob(34.081160, -118.311128, "Sunken patch");
    desktop.navigate(browser.url("/staff/jobs"));
    assertThat(desktop.locator("#jobs-map")).isVisible();
    Axe.assertNoViolations(desktop);
    browser.screenshot(desktop, "console-crew-desktop");
  }

  @Test
  void the_access_keys_the_intake_page_announces_jump_to_their_fields(BrowserSession browser) {
    Page page = browser.desktop();
    signIn(page, browser, "calltaker@springfield.example.gov", "demo-calltaker-2026");
    page.navigate(browser.url("/staff/intake"));

    page.keyboard().press("Alt+3");
    assertFocused(page, "address");
    page.keyboard().press("Alt+1");
    assertFocused(page, "lookup");
    page.keyboard().press("Alt+4");
    assertFocused(page, "description");
    page.keyboard().press("Alt+2");
    assertFocused(page, "category");
    page.keyboard().press("Alt+5");
    assertFocused(page, "name");
    page.keyboard().press("Alt+S");
    assertThat(page.locator("#error-summary")).isVisible();
  }

  private static void signIn(Page page, BrowserSession browser, String email, String password) {
    page.navigate(browser.url("/staff/login"));
    page.locator("#email").fill(email);
    page.locator("#password").fill(password);
    page.locator("#password").press("Enter");
    page.waitForURL("**/staff");
  }

  /** Presses Tab until the element has the focus; fails when it is not reached within 40 presses. */
  private static void tabTo(Page page, String id) {
    for (int i = 0; i < 40; i++) {
      if (id.equals(page.evaluate("document.activeElement && document.activeElement.id"))) return;
      page.keyboard().press("Tab");
    }
    throw new AssertionError("Tab never reached #" + id + "; focus is on #" + page.evaluate("document.activeElement.id"));
  }

  private static void assertFocused(Page page, String id) {
    assertThat(page.evaluate("document.activeElement.id")).isEqualTo(id);
  }

  private RequestNumber assignedJob(double lat, double lon, String description) {
    RequestNumber number =
        requests.submit(
                new SubmitServiceRequest(
                    "POTHOLE",
                    Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
                    new Location(lat, lon, null, null, null),
                    description,
                    List.of(),
                    Channel.WEB,
                    Reporter.ANONYMOUS,
                    null,
                    null))
            .number();
    requests.change(number, new RequestChange.Assign("PW-EAST", null), Actor.staff("dispatcher@springfield.example.gov"));
    return number;
  }

  private Status status(RequestNumber number) {
    return requests.find(number).orElseThrow().status();
  }

  private List<HistoryEntry.Kind> kinds(RequestNumber number) {
    return requests.find(number).orElseThrow().history().stream().map(HistoryEntry::kind).toList();
  }
}
