package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.civic311.requests.Channel;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident on a phone reports a pothole with JavaScript on: search, the wizard one part at a time,
 * "use my location", a tap on the map whose tiles cannot load (the marker still shows), a photo with
 * its preview, contact details shown only when chosen, the review and the confirmation. Every page
 * passes the axe audit.
 */
@BrowserTest
class ReportBrowserTests {

  @Autowired ServiceRequests requests;

  private static final Path PHOTO = Path.of("src/main/resources/static/portal/icons/icon-512.png");

  private static Page phoneAt(BrowserSession browser, String language) {
    Page page = browser.page(new Browser.NewContextOptions()
        .setViewportSize(360, 740)
        .setDeviceScaleFactor(2)
        .setIsMobile(true)
        .setHasTouch(true)
        .setLocale(language)
        .setTimezoneId("America/Los_Angeles")
        .setGeolocation(34.0522, -118.2437)
        .setPermissions(List.of("geolocation")));
    // No map tiles from the network in tests: the marker must show without them.
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    return page;
  }

  @Test
  void a_resident_reports_a_pothole_on_a_phone_with_the_wizard_the_map_and_a_photo(BrowserSession browser) {
    Page page = phoneAt(browser, "en-US");
    page.navigate(browser.url("/report"));
    Axe.assertNoViolations(page);

    page.getByLabel("Search the categories").fill("asphalt");
    assertThat(page.locator("li[data-search]:visible").count()).isEqualTo(1);
    page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pothole")).first().click());
    assertThat(page.url()).endsWith("/report/POTHOLE");
    Axe.assertNoViolations(page);
    assertThat(page.locator("#step-location").isHidden()).as("one part at a time").isTrue();
    assertThat(page.evaluate("() => document.querySelector('script[src*=leaflet]') === null")).as("no map script yet").isEqualTo(true);
    browser.screenshot(page, "report-phone");

    page.getByLabel("About the size of a car tire").check();
    page.getByLabel("In a bike lane").check();
    page.locator("#step-questions").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Next")).click();

    page.waitForSelector("[data-map].leaflet-container");
    page.getByText("Use my location").click();
    page.waitForFunction("() => document.getElementById('lat').value !== ''");
    assertThat(page.inputValue("#lat")).isEqualTo("34.052200");
    page.locator("[data-map]").click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(120, 120));
    assertThat(page.inputValue("#lat")).isNotEqualTo("34.052200");
    assertThat(page.locator("[data-map] path.leaflet-interactive").count()).as("marker without tiles").isEqualTo(1);
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
    Axe.assertNoViolations(page);
    browser.screenshot(page, "report-location-phone");
    page.getByLabel("Address or place").fill("200 n spri");
    page.waitForFunction("() => document.querySelectorAll('#address-suggestions option').length > 0");
    assertThat(page.locator("#address-suggestions option").first().getAttribute("value")).isEqualTo("200 N Spring St");
    page.getByLabel("Address or place").fill("200 N Spring St");
    assertThat(page.inputValue("#lat")).as("a picked address gives its point").isEqualTo("34.053691");
    page.locator("#step-location").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Next")).click();

    page.getByLabel("Description").fill("Deep hole, bikes swerve into traffic.");
    page.setInputFiles("#photo", PHOTO);
    assertThat(page.locator("[data-photo-previews] img").count()).isEqualTo(1);
    page.locator("#step-details").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Next")).click();

    assertThat(page.locator("[data-contact-fields]").isHidden()).as("anonymous by default").isTrue();
    page.getByLabel("With my contact details").check();
    page.getByLabel("Email").fill("resident@example.org");
    Axe.assertNoViolations(page);
    page.waitForNavigation(() -> page.getByText("Continue to review").click());

    assertThat(page.locator("h1").textContent()).isEqualTo("Check your report before sending");
    assertThat(page.locator(".review").textContent()).contains("About the size of a car tire").contains("200 N Spring St")
        .contains("resident@example.org");
    assertThat(page.locator(".review img").count()).isEqualTo(1);
    Axe.assertNoViolations(page);
    browser.screenshot(page, "review-phone");
    page.waitForNavigation(() -> page.getByText("Send report").click());

    assertThat(page.url()).contains("/report/done/");
    String number = page.locator(".number").textContent();
    Axe.assertNoViolations(page);
    assertThat(page.content()).doesNotContain("resident@example.org");
    browser.screenshot(page, "confirmation-phone");

    ServiceRequestDetails stored = requests.find(new RequestNumber(number)).orElseThrow();
    assertThat(stored.channel()).isEqualTo(Channel.WEB);
    assertThat(stored.answers()).containsEntry("SIZE", List.of("medium")).containsEntry("POSITION", List.of("bike_lane"));
    assertThat(stored.mediaUrls()).hasSize(1);
    assertThat(stored.location().address()).isEqualTo("200 N Spring St");
  }

  @Test
  void a_refused_report_opens_the_part_with_the_problem_and_the_summary_link_focuses_the_field(BrowserSession browser) {
    Page page = phoneAt(browser, "es-MX");
    page.navigate(browser.url("/report/POTHOLE"));
    assertThat(page.locator("h1").textContent()).isEqualTo("Reporte: Bache");
    page.getByLabel("Como una llanta de auto").check();
    // Skip to the end without the required "where in the road" answer and without a location.
    for (String step : List.of("#step-questions", "#step-location", "#step-details")) {
      page.locator(step).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Siguiente")).click();
    }
    page.waitForNavigation(() -> page.getByText("Continuar para revisar").click());

    assertThat(page.locator(".error-summary").textContent()).contains("Hay 2 problemas con su reporte");
    assertThat(page.evaluate("() => document.activeElement.classList.contains('error-summary')")).as("summary focused").isEqualTo(true);
    assertThat(page.locator("#q-SIZE-1").isChecked()).as("answer kept").isTrue();
    Axe.assertNoViolations(page);
    page.locator(".error-summary a[href='#address']").click();
    assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("address");
    assertThat(page.locator("#step-location").isVisible()).isTrue();
    browser.screenshot(page, "report-errors-phone-es");
  }

  @Test
  void the_pages_pass_the_audit_on_a_desktop_in_spanish(BrowserSession browser) {
    Page page = browser.page(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("es-ES")
        .setTimezoneId("America/Los_Angeles"));
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    page.navigate(browser.url("/report"));
    assertThat(page.locator("h1").textContent()).isEqualTo("¿Cuál es el problema?");
    Axe.assertNoViolations(page);
    page.navigate(browser.url("/report/GRAFFITI"));
    Axe.assertNoViolations(page);
    browser.screenshot(page, "report-desktop-es");

    var submission = requests.submit(new org.civic311.requests.SubmitServiceRequest("GRAFFITI",
        java.util.Map.of("SURFACE", List.of("wall"), "OFFENSIVE", List.of("no")),
        new org.civic311.requests.Location(34.0537, -118.2428, "200 N Spring St", null, null), null, List.of(),
        Channel.WEB, org.civic311.requests.Reporter.ANONYMOUS, null, null));
    page.navigate(browser.url("/report/done/" + submission.number().value()));
    assertThat(page.locator("h1").textContent()).isEqualTo("Gracias: recibimos su reporte");
    Axe.assertNoViolations(page);
    browser.screenshot(page, "confirmation-desktop-es");
  }

  @Test
  void a_resident_using_only_the_keyboard_reports_a_pothole(BrowserSession browser) {
    Page page = browser.desktop();
    page.context().route("https://tile.openstreetmap.org/**", Route::abort);
    page.navigate(browser.url("/report/POTHOLE"));

    tabTo(page, "document.activeElement.id === 'q-SIZE-0'");
    page.keyboard().press("ArrowDown"); // radio groups move with the arrows
    assertThat(page.locator("#q-SIZE-1").isChecked()).isTrue();
    tabTo(page, "document.activeElement.name === 'attribute[POSITION]'");
    page.keyboard().press("Space");
    tabTo(page, nextButtonOf("step-questions"));
    page.keyboard().press("Enter");
    assertThat(page.evaluate("() => document.activeElement.tagName")).as("focus moves to the new part").isEqualTo("LEGEND");

    tabTo(page, "document.activeElement.id === 'address'");
    page.keyboard().type("200 N Spring St");
    tabTo(page, nextButtonOf("step-location"));
    page.keyboard().press("Enter");
    tabTo(page, "document.activeElement.id === 'description'");
    page.keyboard().type("Reported with the keyboard only.");
    tabTo(page, nextButtonOf("step-details"));
    page.keyboard().press("Enter");
    tabTo(page, "document.activeElement.textContent.trim() === 'Continue to review'");
    page.waitForNavigation(() -> page.keyboard().press("Enter"));

    tabTo(page, "document.activeElement.textContent.trim() === 'Send report'");
    page.waitForNavigation(() -> page.keyboard().press("Enter"));
    String number = page.locator(".number").textContent();
    var stored = requests.find(new RequestNumber(number)).orElseThrow();
    assertThat(stored.description()).isEqualTo("Reported with the keyboard only.");
    assertThat(stored.answers().get("SIZE")).containsExactly("medium");
  }

  private static String nextButtonOf(String step) {
    return "document.activeElement.textContent.trim() === 'Next' && document.activeElement.closest('.step').id === '" + step + "'";
  }

  /** Presses Tab until the focused element matches, with a visible focus on every stop. */
  private static void tabTo(Page page, String condition) {
    for (int i = 0; i < 80; i++) {
      page.keyboard().press("Tab");
      assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle !== 'none' || document.activeElement.tagName === 'BODY'"))
          .as("visible focus on %s", page.evaluate("() => document.activeElement.outerHTML.substring(0, 120)"))
          .isEqualTo(true);
      if (Boolean.TRUE.equals(page.evaluate("() => " + condition))) return;
    }
    throw new AssertionError("Tab never reached: " + condition);
  }
}
