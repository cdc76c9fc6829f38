package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.civic311.requests.Actor;
import org.civic311.requests.CloseReason;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident follows a request on its status page in a real browser: the page changes by itself when
 * staff change the request, a closed request is reopened, in English and Spanish, and everything
 * works with JavaScript off. Each page passes the axe audit.
 */
@BrowserTest
class StatusBrowserTests {

  @Autowired ServiceRequests requests;

  private static Page phone(BrowserSession browser, String language, boolean javaScript) {
    Page page = browser.page(new Browser.NewContextOptions()
        .setViewportSize(360, 740)
        .setDeviceScaleFactor(2)
        .setIsMobile(true)
        .setHasTouch(true)
        .setLocale(language)
        .setJavaScriptEnabled(javaScript)
        .setTimezoneId("America/Los_Angeles"));
    // No map tiles from the network in tests.
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    return page;
  }

  private static void awaitLive(Page page) {
    page.waitForSelector("#status-page[data-live=connected]");
  }

  @Test
  void on_a_phone_the_page_shows_a_change_made_by_staff_without_reloading(BrowserSession browser) {
    RequestNumber number = TrackTestSupport.pothole(requests, "Deep hole by the bus stop");
    requests.change(number, new RequestChange.Acknowledge("We will look at it this week."), Actor.staff("jdoe"));
    Page page = phone(browser, "en-US", true);
    page.navigate(browser.url("/requests/" + number.value()));
    awaitLive(page);
    page.waitForSelector(".status-map.is-ready");
    page.evaluate("() => { window.sameDocument = true; }");
    assertThat(page.locator(".stage-badge").innerText()).contains("Seen by the department", "(open)");
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
    Axe.assertNoViolations(page);

    requests.change(number, new RequestChange.StartWork("A crew is on site."), Actor.staff("jdoe"));

    page.waitForFunction("() => document.getElementById('live-announcer').textContent.includes('Work in progress')");
    assertThat(page.locator(".stage-badge").innerText()).contains("Work in progress");
    assertThat(page.locator("#timeline li").first().innerText()).contains("Work started", "A crew is on site.");
    assertThat(page.evaluate("() => window.sameDocument === true")).as("no reload").isEqualTo(true);
    Axe.assertNoViolations(page);
    browser.screenshot(page, "status-phone");
  }

  @Test
  void a_resident_reopens_a_request_after_it_was_closed(BrowserSession browser) {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole");
    Page page = phone(browser, "en-US", true);
    page.navigate(browser.url("/requests/" + number.value()));
    awaitLive(page);

    requests.change(number, new RequestChange.Close(CloseReason.COMPLETED, "Filled with asphalt."), Actor.staff("jdoe"));
    page.waitForFunction("() => document.getElementById('live-announcer').textContent.includes('Closed')");
    assertThat(page.locator(".stage-badge").innerText()).contains("Closed", "(closed)");

    page.reload();
    page.getByLabel("What is still wrong? (required)").fill("The hole is back after the rain.");
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen this request")).click());

    assertThat(page.locator("[role=status]").first().innerText()).contains("Reopened");
    assertThat(page.locator(".stage-badge").innerText()).contains("Received", "(open)");
    assertThat(page.locator("#timeline li").first().innerText()).contains("Reopened", "The hole is back after the rain.");
    assertThat(requests.find(number).orElseThrow().status()).isEqualTo(Status.NEW);
    Axe.assertNoViolations(page);
  }

  @Test
  void the_same_in_spanish_live_update_and_reopen(BrowserSession browser) {
    RequestNumber number = TrackTestSupport.pothole(requests, "Bache");
    Page page = phone(browser, "es-MX", true);
    page.navigate(browser.url("/requests/" + number.value()));
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("es");
    awaitLive(page);

    requests.change(number, new RequestChange.Resolve("Rellenado."), Actor.staff("jdoe"));
    page.waitForFunction("() => document.getElementById('live-announcer').textContent.includes('Arreglada')");
    assertThat(page.locator("#live-announcer").innerText()).startsWith("Esta solicitud acaba de cambiar:");

    page.reload();
    Axe.assertNoViolations(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reabrir esta solicitud")).click();
    page.waitForSelector(".error-summary");
    assertThat(page.locator("#comment-error").innerText()).contains("Cuéntenos qué sigue mal");
    page.getByLabel("¿Qué sigue mal? (obligatorio)").fill("Sigue el bache.");
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reabrir esta solicitud")).click());
    assertThat(page.locator("[role=status]").first().innerText()).contains("Reabierta");
    assertThat(requests.find(number).orElseThrow().status()).isEqualTo(Status.NEW);
  }

  @Test
  void with_javascript_off_the_page_shows_everything_and_both_forms_work(BrowserSession browser) {
    RequestNumber number = TrackTestSupport.pothole(requests, "Hole near the curb");
    requests.change(number, new RequestChange.Resolve("Filled."), Actor.staff("jdoe"));
    Page page = phone(browser, "en-US", false);
    page.navigate(browser.url("/requests/" + number.value()));

    assertThat(page.locator("main").innerText()).contains("Pothole", "Fixed", "(closed)", "200 N Spring St",
        "Latitude 34.05220, longitude -118.24370", "Hole near the curb", "Filled.", "Expected to be done by");
    assertThat(page.locator(".status-map").isVisible()).as("no empty map box without JavaScript").isFalse();
    // axe-core itself needs JavaScript: the same page is audited with it in the other tests.

    page.getByLabel("Email address").fill("neighbour@example.org");
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Follow this request")).click());
    assertThat(page.locator("main").innerText()).contains("Check your inbox");

    page.getByLabel("What is still wrong? (required)").fill("Still a hole.");
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen this request")).click());
    assertThat(page.locator("main").innerText()).contains("Reopened", "Still a hole.");
    assertThat(requests.find(number).orElseThrow().status()).isEqualTo(Status.NEW);
  }

  @Test
  void on_a_desktop_the_status_page_passes_the_audit(BrowserSession browser) {
    RequestNumber number = TrackTestSupport.pothole(requests, "Deep hole by the bus stop");
    requests.change(number, new RequestChange.Acknowledge("We will look at it this week."), Actor.staff("jdoe"));
    requests.change(number, new RequestChange.Assign("Crew 4", null), Actor.staff("jdoe"));
    Page page = browser.desktop();
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    page.navigate(browser.url("/requests/" + number.value()));
    page.waitForSelector(".status-map.is-ready");
    Axe.assertNoViolations(page);
    browser.screenshot(page, "status-desktop");
  }

  @Test
  void the_map_page_passes_the_audit_on_a_phone_and_a_desktop_with_clustered_markers(BrowserSession browser) {
    for (int i = 0; i < 4; i++) TrackTestSupport.pothole(requests, "Hole " + i);
    Page desktop = browser.desktop();
    desktop.context().route("https://tile.openstreetmap.org/**", Route::abort);
    desktop.navigate(browser.url("/map"));
    desktop.waitForSelector(".requests-map[data-markers]");
    assertThat(desktop.locator(".requests-map").getAttribute("data-markers")).isNotEqualTo("failed").isNotEqualTo("0");
    assertThat(desktop.locator(".marker-cluster").count()).as("clustered markers").isPositive();
    assertThat(desktop.locator("table.requests-table tbody tr").count()).isPositive();
    Axe.assertNoViolations(desktop);
    browser.screenshot(desktop, "map-desktop");

    Page phone = phone(browser, "en-US", true);
    phone.navigate(browser.url("/map?status=open"));
    phone.waitForSelector(".requests-map[data-markers]");
    phone.getByText("Use the area shown on the map").click();
    assertThat(phone.inputValue("#bbox")).matches("-?\\d+\\.\\d+,-?\\d+\\.\\d+,-?\\d+\\.\\d+,-?\\d+\\.\\d+");
    Axe.assertNoViolations(phone);
    browser.screenshot(phone, "map-phone");
  }
}
