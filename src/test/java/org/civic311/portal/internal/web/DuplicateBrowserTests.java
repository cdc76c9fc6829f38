package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.civic311.media.GpsJpeg;
import org.civic311.media.Photos;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Reporter;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident on a phone starts reporting a pothole where an open pothole with a photo already is,
 * sees "Is it one of these?", chooses it and lands on the confirmation that they follow it; the
 * request's follower count went up. With JavaScript (in the wizard) and without (on the review page).
 */
@BrowserTest
class DuplicateBrowserTests {

  @Autowired ServiceRequests requests;
  @Autowired Photos photos;

  private static Page phone(BrowserSession browser, boolean javaScript) {
    Page page = browser.page(new Browser.NewContextOptions()
        .setViewportSize(360, 740)
        .setDeviceScaleFactor(2)
        .setIsMobile(true)
        .setHasTouch(true)
        .setLocale("en-US")
        .setJavaScriptEnabled(javaScript)
        .setTimezoneId("America/Los_Angeles"));
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    return page;
  }

  private RequestNumber openPotholeWithPhoto(double lat, double lon) {
    String photo = photos.store(GpsJpeg.at(320, 240, lat, lon), "pothole.jpg").url();
    return requests.submit(new SubmitServiceRequest("POTHOLE",
            Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
            new Location(lat, lon, "7 Duplicate Way", null, null), "Deep hole", List.of(photo), Channel.WEB,
            new Reporter(null, null, null, null, null, null, false, "en"), null, null))
        .number();
  }

  private static Locator.GetByRoleOptions named(String name) {
    return new Locator.GetByRoleOptions().setName(name);
  }

  @Test
  void in_the_wizard_a_resident_chooses_the_open_pothole_nearby_and_follows_it(BrowserSession browser) {
    RequestNumber existing = openPotholeWithPhoto(34.1101, -118.3401);
    Page page = phone(browser, true);
    page.navigate(browser.url("/report/POTHOLE"));
    page.getByLabel("About the size of a car tire").check();
    page.getByLabel("In a bike lane").check();
    page.locator("#step-questions").getByRole(AriaRole.BUTTON, named("Next")).click();
    page.getByLabel("Latitude").fill("34.11015");
    page.getByLabel("Longitude").fill("-118.34012");
    page.locator("#step-location").getByRole(AriaRole.BUTTON, named("Next")).click();

    Locator panel = page.locator("[data-duplicates] .duplicates");
    panel.waitFor();
    assertThat(panel.locator("h2").textContent()).isEqualTo("Is it one of these?");
    assertThat(panel.innerText()).contains("Request " + existing.value(), "reported today", "m away", "Nobody follows it yet");
    assertThat(panel.locator("img").getAttribute("alt")).isEqualTo("Photo of request " + existing.value());
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
    Axe.assertNoViolations(page);
    browser.screenshot(page, "duplicates-phone");

    page.waitForNavigation(() -> panel.getByRole(AriaRole.BUTTON, named("Yes, it is " + existing.value() + ": follow it")).click());

    assertThat(page.url()).endsWith("/report/following/" + existing.value());
    assertThat(page.locator("h1").textContent()).isEqualTo("You now follow this request");
    assertThat(page.locator(".followers-count").textContent()).isEqualTo("1");
    assertThat(requests.find(existing).orElseThrow().followers()).isEqualTo(1);
    Axe.assertNoViolations(page);
    browser.screenshot(page, "following-phone");
    page.waitForNavigation(() -> page.getByText("See the status of this request").click());
    assertThat(page.url()).endsWith("/requests/" + existing.value());
  }

  @Test
  void without_javascript_the_review_page_offers_it_and_me_too_counts(BrowserSession browser) {
    RequestNumber existing = openPotholeWithPhoto(34.1201, -118.3501);
    Page page = phone(browser, false);
    page.navigate(browser.url("/report/POTHOLE"));
    page.getByLabel("About the size of a car tire").check();
    page.getByLabel("In a bike lane").check();
    page.getByLabel("Latitude").fill("34.1201");
    page.getByLabel("Longitude").fill("-118.3501");
    page.waitForNavigation(() -> page.getByText("Continue to review").click());

    // axe needs JavaScript; the same panel is audited in the wizard above.
    assertThat(page.locator(".duplicates h2").textContent()).isEqualTo("Is it one of these?");
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Yes, it is " + existing.value() + ": follow it")).click());

    assertThat(page.locator("h1").textContent()).isEqualTo("You now follow this request");
    assertThat(page.locator(".followers-count").textContent()).isEqualTo("1");
    assertThat(requests.find(existing).orElseThrow().followers()).isEqualTo(1);
  }
}
