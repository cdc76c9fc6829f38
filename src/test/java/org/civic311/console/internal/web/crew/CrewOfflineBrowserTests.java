package org.civic311.console.internal.web.crew;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
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
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Status;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The crew's jobs page in a dead zone, in Chromium on a 360 px phone: after one visit, a reload with
 * no network shows the kept list with an "offline, shown as of" notice (axe-clean); "on site" marked
 * there reaches the server once when the network is back; the kept copy holds the job's address and
 * none of the reporter's contact data, and signing out forgets it.
 */
@BrowserTest
@TestPropertySource(properties = {"civic311.demo.staff-accounts=true", "spring.application.name=civic311-crew-offline-browser-tests"})
class CrewOfflineBrowserTests {

  private static final String REPORTER_EMAIL = "quillon.reporter@example.org";
  private static final String REPORTER_PHONE = "+1 213 555 0199";

  @Autowired ServiceRequests requests;

  @Test
  void a_crew_member_reloads_the_jobs_page_offline_marks_a_job_on_site_and_it_reaches_the_server_once(BrowserSession browser) {
    RequestNumber job = assignedJob("3300 W Offline Way");
    Page page = browser.phone();
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    signIn(page, browser);
    page.navigate(browser.url("/staff/jobs"));
    assertThat(page.locator("#job-" + job.value())).isVisible();
    // The worker takes over the page and keeps it with its files.
    page.waitForFunction("() => navigator.serviceWorker.controller !== null");
    await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(page.evaluate(
        "() => caches.open('civic311-crew-page').then(c => c.match(location.origin + '/staff/jobs')).then(r => !!r)")));

    page.context().setOffline(true);
    page.reload();

    assertThat(page.locator("#offline-notice")).isVisible();
    assertThat(page.locator("#offline-notice")).containsText("You are offline. This list is shown as of");
    assertThat(page.locator("#job-" + job.value() + " .job-address")).hasText("3300 W Offline Way");
    Axe.assertNoViolations(page);
    browser.screenshot(page, "console-crew-offline-reload-phone");

    page.locator("#job-" + job.value() + " .onsite-button").click();
    assertThat(page.locator("#queue-status")).containsText("No network");
    assertThat(status(job)).isEqualTo(Status.ASSIGNED);

    // Reloaded again, still offline: the action waits in the phone's queue, not in the page.
    page.reload();
    assertThat(page.locator("#offline-notice")).isVisible();
    assertThat(page.locator("#job-" + job.value())).hasClass(java.util.regex.Pattern.compile("queued"));

    page.context().setOffline(false);
    page.evaluate("window.dispatchEvent(new Event('online'))");
    await().atMost(Duration.ofSeconds(30)).until(() -> status(job) == Status.IN_PROGRESS);
    assertThat(page.locator("#queue-status")).containsText("All actions were delivered");
    assertThat(page.locator("#offline-notice")).containsText("The network is back");
    page.evaluate("window.dispatchEvent(new Event('online'))");
    page.reload();
    assertThat(page.locator("#offline-notice")).isHidden();
    assertThat(page.locator("#job-" + job.value() + " .job-status")).hasText("Work in progress");
    assertThat(kinds(job)).containsOnlyOnce(HistoryEntry.Kind.WORK_STARTED);

    // What the tablet keeps: the jobs page (addresses) and its files, never the reporter's contact.
    @SuppressWarnings("unchecked")
    List<String> kept = (List<String>) page.evaluate(
        "() => caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()).then(ks => ks.map(k => n + ' ' + new URL(k.url).pathname)))).then(l => l.flat()))");
    assertThat(kept).anyMatch(k -> k.startsWith("civic311-crew-page /staff/jobs"))
        .allMatch(k -> k.endsWith("/staff/jobs") || k.contains(" /console/"));
    String html = (String) page.evaluate(
        "() => caches.open('civic311-crew-page').then(c => c.match(location.origin + '/staff/jobs')).then(r => r.text())");
    assertThat(html).contains("3300 W Offline Way").doesNotContain(REPORTER_EMAIL).doesNotContain(REPORTER_PHONE).doesNotContain("Quillon");

    // Signing out on a shared tablet forgets the kept page: offline, there is nothing to show.
    page.locator("form.signout button").click();
    page.waitForURL("**/staff/login?signed-out");
    assertThat((Number) page.evaluate("() => caches.keys().then(n => n.filter(x => x.startsWith('civic311-crew-')).length)")).isEqualTo(0);
    page.context().setOffline(true);
    assertThatThrownBy(() -> page.navigate(browser.url("/staff/jobs"))).isInstanceOf(PlaywrightException.class);
    page.context().setOffline(false);
  }

  @Test
  void an_action_the_server_cannot_take_now_stays_queued_without_holding_back_the_others(BrowserSession browser) {
    RequestNumber busy = assignedJob("3310 W Busy Way");
    RequestNumber fine = assignedJob("3320 W Fine Way");
    Page page = browser.phone();
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    signIn(page, browser);
    page.navigate(browser.url("/staff/jobs"));
    // The server is overloaded for this one job's action, for now.
    String busyUrl = "**/staff/jobs/" + busy.value() + "/on-site";
    page.route(busyUrl, route -> route.fulfill(new Route.FulfillOptions().setStatus(503).setBody("busy")));

    page.locator("#job-" + busy.value() + " .onsite-button").click();
    assertThat(page.locator("#job-" + busy.value())).containsText("Not sent yet (the server answered 503)");
    page.locator("#job-" + fine.value() + " .onsite-button").click();
    whilePageRuns(page, () -> status(fine) == Status.IN_PROGRESS);
    assertThat(status(busy)).as("kept in the queue, not dropped").isEqualTo(Status.ASSIGNED);

    page.unroute(busyUrl);
    page.evaluate("window.dispatchEvent(new Event('online'))");
    await().atMost(Duration.ofSeconds(30)).until(() -> status(busy) == Status.IN_PROGRESS);
    assertThat(kinds(busy)).containsOnlyOnce(HistoryEntry.Kind.WORK_STARTED);
    assertThat(kinds(fine)).containsOnlyOnce(HistoryEntry.Kind.WORK_STARTED);
  }

  @Test
  void signing_out_with_unsent_actions_warns_and_discards_them_so_the_next_member_never_sends_them(BrowserSession browser) {
    RequestNumber job = assignedJob("3330 W Shared Tablet Way");
    Page page = browser.phone();
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    signIn(page, browser);
    page.navigate(browser.url("/staff/jobs"));
    String onSite = "**/staff/jobs/" + job.value() + "/on-site";
    page.route(onSite, route -> route.fulfill(new Route.FulfillOptions().setStatus(503).setBody("busy")));
    page.locator("#job-" + job.value() + " .onsite-button").click();
    assertThat(page.locator("#job-" + job.value())).containsText("Not sent yet");
    String queued = "() => new Promise(r => { const o = indexedDB.open('civic311-crew', 1);"
        + " o.onsuccess = () => { const c = o.result.transaction('actions').objectStore('actions').count();"
        + " c.onsuccess = () => { o.result.close(); r(c.result); }; }; })";
    assertThat((Number) page.evaluate(queued)).isEqualTo(1);

    // Cancelled: still signed in, the action still waits.
    List<String> asked = new java.util.ArrayList<>();
    page.onceDialog(dialog -> {
      asked.add(dialog.message());
      dialog.dismiss();
    });
    page.locator("form.signout button").click();
    whilePageRuns(page, () -> !asked.isEmpty());
    assertThat(asked).singleElement().asString().contains("1 action(s) not sent yet will be discarded");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/staff/jobs.*"));
    assertThat((Number) page.evaluate(queued)).isEqualTo(1);

    // Confirmed: signed out and the queue is empty, so the next member's session has nothing to send.
    page.onceDialog(dialog -> dialog.accept());
    page.locator("form.signout button").click();
    page.waitForURL("**/staff/login?signed-out");
    assertThat((Number) page.evaluate(queued)).isEqualTo(0);
    page.unroute(onSite);
    signIn(page, browser);
    page.navigate(browser.url("/staff/jobs"));
    page.evaluate("window.dispatchEvent(new Event('online'))");
    page.waitForTimeout(1000);
    org.assertj.core.api.Assertions.assertThat(status(job)).as("the discarded action never reached the server").isEqualTo(Status.ASSIGNED);
  }

  /**
   * Waits for a condition while letting Playwright answer the page's routed requests: Playwright for
   * Java handles a route only while the test calls into it, so a plain wait would hold them.
   */
  private static void whilePageRuns(Page page, java.util.function.BooleanSupplier condition) {
    for (int i = 0; i < 150 && !condition.getAsBoolean(); i++) page.waitForTimeout(200);
    org.assertj.core.api.Assertions.assertThat(condition.getAsBoolean()).as("within 30 seconds").isTrue();
  }

  private static void signIn(Page page, BrowserSession browser) {
    page.navigate(browser.url("/staff/login"));
    page.locator("#email").fill("crew@springfield.example.gov");
    page.locator("#password").fill("demo-crew-2026");
    page.locator("#password").press("Enter");
    page.waitForURL("**/staff");
  }

  private RequestNumber assignedJob(String address) {
    RequestNumber number =
        requests.submit(
                new SubmitServiceRequest(
                    "POTHOLE",
                    Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
                    new Location(34.0745, -118.3112, address, null, "90004"),
                    "Deep hole, seen from the bus stop",
                    List.of(),
                    Channel.WEB,
                    new Reporter("Quillon", "Marsh", REPORTER_EMAIL, REPORTER_PHONE, null, null),
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
