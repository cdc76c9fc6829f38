package org.civic311.portal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civic311.browser.Axe;
import org.civic311.browser.BrowserSession;
import org.civic311.browser.BrowserTest;
import org.civic311.media.GpsJpeg;
import org.civic311.media.Photos;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The resident portal's promises, measured in Chromium: the report page's weight on a phone before
 * map tiles, no layout shift while the map and photos load, a whole report in Spanish (pages, the
 * language switch, the acknowledgement email), "me too" in the wizard by keyboard, and the whole
 * wizard by keyboard alone. Map tiles come from a host of the test's own, answered with an empty 204,
 * so that what is measured is the portal and never the tile server.
 */
@BrowserTest
@TestPropertySource(properties = {
    "civic311.portal.map-tile-url=http://tiles.civic311.test/{z}/{x}/{y}.png",
    "civic311.notifications.delivery.enabled=true",
    "civic311.notifications.delivery.poll-interval=100ms",
    "civic311.public-url=https://311.springfield.example.gov"})
class PortalPromisesBrowserTests {

  static final int SMTP_PORT = freePort();
  static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  private static final String TILES = "http://tiles.civic311.test/**";
  /** The budget of the promise "fast on a phone": everything before map tiles, as transferred. */
  private static final long BUDGET_BYTES = 300 * 1024;

  /**
   * Sums every layout shift not caused by the resident's own input (the Cumulative Layout Shift of
   * Core Web Vitals), from before the first paint; each shift's moved elements are kept for the
   * failure message. An init script, so the page's Content-Security-Policy does not apply to it.
   */
  private static final String LAYOUT_SHIFT_OBSERVER = """
      window.__cls = {total: 0, shifts: []};
      new PerformanceObserver(function (list) {
        list.getEntries().forEach(function (entry) {
          if (entry.hadRecentInput) return;
          window.__cls.total += entry.value;
          window.__cls.shifts.push(entry.value.toFixed(4) + ' ' + location.pathname + ': ' + (entry.sources || []).map(function (s) {
            var n = s.node;
            return n && n.nodeType === 1 ? n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && n.className.baseVal === undefined ? '.' + String(n.className).trim().split(/\\s+/).join('.') : '') : String(n && n.nodeName);
          }).join(', '));
        });
      }).observe({type: 'layout-shift', buffered: true});
      """;

  @Autowired ServiceRequests requests;
  @Autowired Photos photos;

  private static Page phone(BrowserSession browser, String locale) {
    Page page = browser.page(new Browser.NewContextOptions()
        .setViewportSize(360, 740)
        .setDeviceScaleFactor(2)
        .setIsMobile(true)
        .setHasTouch(true)
        .setLocale(locale)
        .setTimezoneId("America/Los_Angeles"));
    page.context().route(TILES, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(204)));
    return page;
  }

  private static Page keyboardDesktop(BrowserSession browser) {
    Page page = browser.desktop();
    page.context().route(TILES, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(204)));
    return page;
  }

  private static Locator.GetByRoleOptions named(String name) {
    return new Locator.GetByRoleOptions().setName(name).setExact(true);
  }

  private static void next(Page page, String step, String label) {
    page.locator(step).getByRole(AriaRole.BUTTON, named(label)).click();
  }

  // 1. Fast on a phone -------------------------------------------------------------------------------

  /** Everything a page made the browser fetch, except map tiles. */
  private static final class Transfers {
    final List<Request> finished = new CopyOnWriteArrayList<>();
    final List<String> failed = new CopyOnWriteArrayList<>();

    Transfers(Page page) {
      page.onRequestFinished(finished::add);
      page.onRequestFailed(r -> failed.add(r.url() + " " + r.failure()));
    }

    List<Request> portal() {
      return finished.stream().filter(r -> !r.url().startsWith("http://tiles.civic311.test/")).toList();
    }

    long bytes() {
      return portal().stream().mapToLong(r -> {
        var sizes = r.sizes();
        return sizes.responseHeadersSize + sizes.responseBodySize;
      }).sum();
    }

    String table() {
      StringBuilder out = new StringBuilder();
      for (Request r : portal()) {
        var sizes = r.sizes();
        var response = r.response();
        out.append(String.format("  %7d B  %-4s %s  (%s)%n", sizes.responseHeadersSize + sizes.responseBodySize,
            response == null ? "" : response.headers().getOrDefault("content-encoding", ""), r.url(),
            response == null ? "" : response.headers().getOrDefault("cache-control", "")));
      }
      return out.toString();
    }
  }

  private static void toTheMap(Page page, BrowserSession browser) {
    page.navigate(browser.url("/report/POTHOLE"));
    page.getByLabel("About the size of a car tire").check();
    page.getByLabel("In a bike lane").check();
    next(page, "#step-questions", "Next");
    page.waitForSelector("[data-map].leaflet-container");
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
  }

  @Test
  void the_report_pages_stay_under_300_kb_on_a_phone_before_map_tiles(BrowserSession browser) {
    Page choose = phone(browser, "en-US");
    Transfers chooseTransfers = new Transfers(choose);
    choose.navigate(browser.url("/report"));
    choose.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    long chooseBytes = chooseTransfers.bytes();

    // The heaviest moment of the form: opened fresh (nothing cached) and walked to the location part,
    // where Leaflet loads and the map draws (its tiles answered empty).
    Page form = phone(browser, "en-US");
    Transfers formTransfers = new Transfers(form);
    toTheMap(form, browser);
    long formBytes = formTransfers.bytes();

    // Coming back: the scripts, style sheets and Leaflet are named by content or version and kept.
    // (Playwright turns the HTTP cache off in a context that routes requests, so this phone does not
    // route the tiles: their host does not exist and they fail, which changes nothing here.)
    Page returning = browser.page(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true).setLocale("en-US"));
    toTheMap(returning, browser);
    Transfers again = new Transfers(returning);
    toTheMap(returning, browser);
    long againBytes = again.bytes();

    System.out.printf("Portal page weight on a 360 px phone, transferred, before map tiles:%n"
        + "/report: %,d bytes in %d responses%n%s"
        + "/report/POTHOLE to the location part with the map: %,d bytes in %d responses%n%s",
        chooseBytes, chooseTransfers.portal().size(), chooseTransfers.table(),
        formBytes, formTransfers.portal().size(), formTransfers.table());
    System.out.printf("The same form again (static files from the browser's cache): %,d bytes%n%s", againBytes, again.table());

    assertThat(chooseTransfers.failed).isEmpty();
    assertThat(formTransfers.failed).isEmpty();
    assertThat(formTransfers.portal()).extracting(Request::url).anyMatch(url -> url.contains("/webjars/leaflet/"));
    assertThat(chooseBytes).as("/report, bytes transferred").isLessThan(BUDGET_BYTES);
    assertThat(formBytes).as("/report/POTHOLE with the map, bytes transferred").isLessThan(BUDGET_BYTES);
    assertThat(againBytes).as("a second visit fetches the page only").isLessThan(formBytes / 4);
    for (Request r : formTransfers.portal()) {
      String path = java.net.URI.create(r.url()).getPath();
      if (path.matches("/portal/.+\\.(css|js)") || path.startsWith("/webjars/")) {
        assertThat(path).as("named by content or version").matches("/portal/.+-[0-9a-f]{32}\\.(css|js)|/webjars/[^/]+/\\d[^/]*/.+");
        assertThat(r.response().headers().get("cache-control")).as("kept for a year: %s", path).isEqualTo("public, max-age=31536000, immutable");
      }
    }
    // Text travels compressed: each page, style sheet and script bigger than a network packet.
    for (Request r : formTransfers.portal()) {
      var response = r.response();
      String type = response.headers().getOrDefault("content-type", "");
      if (response.status() == 200 && r.sizes().responseBodySize > 1400
          && (type.startsWith("text/") || type.contains("javascript") || type.contains("json"))) {
        assertThat(response.headers().get("content-encoding")).as("compressed: %s", r.url()).isIn("gzip", "br");
      }
    }
  }

  // 2. No layout shift ---------------------------------------------------------------------------------

  private static double layoutShift(Page page) {
    // A frame's wait, so shifts of the last frame are reported to the observer.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    return ((Number) page.evaluate("() => window.__cls.total")).doubleValue();
  }

  private static String shifts(Page page) {
    return String.valueOf(page.evaluate("() => window.__cls.shifts.join('\\n')"));
  }

  /**
   * A phone on a mobile network (Chrome's "Fast 3G" preset): each response arrives well after the tap
   * that asked for it, so whatever the map, its style sheet or a photo moves on arrival counts as a
   * shift the resident did not cause.
   */
  private static void onMobileNetwork(Page page) {
    com.microsoft.playwright.CDPSession devTools = page.context().newCDPSession(page);
    devTools.send("Network.enable");
    com.google.gson.JsonObject conditions = new com.google.gson.JsonObject();
    conditions.addProperty("offline", false);
    conditions.addProperty("latency", 563);
    conditions.addProperty("downloadThroughput", 180_000);
    conditions.addProperty("uploadThroughput", 84_000);
    devTools.send("Network.emulateNetworkConditions", conditions);
  }

  @Test
  void nothing_moves_while_the_map_or_photos_load(BrowserSession browser) {
    Page page = phone(browser, "en-US");
    onMobileNetwork(page);
    page.addInitScript(LAYOUT_SHIFT_OBSERVER);
    page.navigate(browser.url("/report"));
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    double choose = layoutShift(page);
    assertThat(choose).as("layout shift on /report:%n%s", shifts(page)).isLessThan(0.01);

    page.navigate(browser.url("/report/POTHOLE"));
    page.getByLabel("About the size of a car tire").check();
    page.getByLabel("In a bike lane").check();
    next(page, "#step-questions", "Next");
    page.waitForSelector("[data-map].leaflet-container");
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    page.getByLabel("Latitude").fill("34.0537");
    page.getByLabel("Longitude").fill("-118.2428");
    next(page, "#step-location", "Next");
    page.setInputFiles("#photo", java.nio.file.Path.of("src/main/resources/static/portal/icons/icon-512.png"));
    page.waitForFunction("() => [...document.querySelectorAll('[data-photo-previews] img')].every(i => i.complete)");
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    double report = layoutShift(page);
    assertThat(report).as("layout shift on the report form:%n%s", shifts(page)).isLessThan(0.01);

    RequestNumber number = requestWithPhotos(34.0541, -118.2431, 2);
    page.navigate(browser.url("/requests/" + number.value()));
    page.waitForSelector(".status-map.is-ready");
    page.waitForFunction("() => [...document.querySelectorAll('.photos img')].every(i => i.complete && i.naturalWidth > 0)");
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    double status = layoutShift(page);
    assertThat(status).as("layout shift on the status page:%n%s", shifts(page)).isLessThan(0.01);

    // The instrument itself: a banner pushed in above the content without any input is a shift it sees.
    page.evaluate("() => { const d = document.createElement('div'); d.className = 'notice'; d.textContent = 'Late banner'; document.querySelector('main').prepend(d); }");
    assertThat(layoutShift(page)).as("a late banner is measured").isGreaterThan(0.01);

    System.out.printf("Cumulative Layout Shift on a 360 px phone: /report %.4f, report form to the photo %.4f, status page %.4f%n",
        choose, report, status);
  }

  @Test
  void when_the_wizards_script_cannot_load_the_plain_form_shows_every_part(BrowserSession browser) {
    Page page = phone(browser, "en-US");
    page.context().route("**/portal/report*.js", com.microsoft.playwright.Route::abort);
    page.navigate(browser.url("/report/POTHOLE"));
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);

    assertThat(page.locator("#step-contact").isVisible()).isTrue();
    assertThat(page.getByText("Continue to review").isVisible()).isTrue();
    assertThat(page.locator("[data-wizard-next]:visible").count()).as("no buttons that would do nothing").isZero();
  }

  private RequestNumber requestWithPhotos(double lat, double lon, int count) {
    List<String> urls = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) urls.add(photos.store(GpsJpeg.at(640, 480, lat, lon), "photo-" + i + ".jpg").url());
    return requests.submit(new SubmitServiceRequest("POTHOLE",
            Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
            new Location(lat, lon, "200 N Spring St", null, null), "Deep hole with photos", urls, Channel.WEB,
            new Reporter(null, null, null, null, null, null, false, "en"), null, null))
        .number();
  }

  // 3. Spanish end to end ------------------------------------------------------------------------------

  private static void inSpanish(Page page, String heading) {
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("es");
    assertThat(page.locator("h1").first().innerText()).isEqualTo(heading);
    assertThat(page.locator("footer").innerText()).contains("En caso de emergencia, llame al 911.");
    Axe.assertNoViolations(page);
  }

  /** The switch on a page reached by a link: English there, and still English on the next page. */
  private static void switchesToEnglishAndIsRemembered(BrowserSession browser, Page page, String englishHeading) {
    String url = page.url();
    page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English").setExact(true)).click());
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    assertThat(page.locator("h1").first().innerText()).isEqualTo(englishHeading);
    page.navigate(browser.url("/report"));
    assertThat(page.locator("h1").innerText()).as("remembered on the next page").isEqualTo("What is the problem?");
    page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Español").setExact(true)).click());
    assertThat(page.locator("h1").innerText()).isEqualTo("¿Cuál es el problema?");
    page.navigate(url.replaceAll("[?&]lang=\\w+", ""));
    assertThat(page.locator("html").getAttribute("lang")).as("Spanish remembered again").isEqualTo("es");
  }

  /** The switch on a form page is a button that sends the form along, so nothing typed is lost. */
  private static void formSwitchesToEnglishAndBack(Page page, String englishHeading, String spanishHeading, String kept) {
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English").setExact(true)).click());
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    assertThat(page.locator("h1").first().innerText()).isEqualTo(englishHeading);
    assertThat(page.locator("main").innerText() + page.locator("main").evaluate("m => [...m.querySelectorAll('input,textarea')].map(i => i.value).join(' ')"))
        .as("what was typed is kept").contains(kept);
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Español").setExact(true)).click());
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("es");
    assertThat(page.locator("h1").first().innerText()).isEqualTo(spanishHeading);
  }

  @Test
  void a_resident_whose_browser_speaks_spanish_reports_a_pothole_in_spanish_from_start_to_email(BrowserSession browser) throws Exception {
    Page page = phone(browser, "es-ES");
    page.navigate(browser.url("/"));
    inSpanish(page, "Reporte un problema a City of Springfield");
    switchesToEnglishAndIsRemembered(browser, page, "Report a problem to City of Springfield");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reportar un problema")).first().click();
    page.waitForURL("**/report");
    inSpanish(page, "¿Cuál es el problema?");
    switchesToEnglishAndIsRemembered(browser, page, "What is the problem?");
    page.getByLabel("Buscar en las categorías").fill("asfalto");
    page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bache")).first().click());

    inSpanish(page, "Reporte: Bache");
    assertThat(page.locator("#step-questions .step-progress").innerText()).isEqualTo("Parte 1 de 4");
    page.getByLabel("Como una llanta de auto").check();
    page.getByLabel("En un carril para bicicletas").check();
    next(page, "#step-questions", "Siguiente");
    page.waitForSelector("[data-map].leaflet-container");
    assertThat(page.locator("#step-location legend").innerText()).isEqualTo("¿Dónde está?");
    assertThat(page.locator("[data-map]").getAttribute("aria-label")).doesNotContain("map");
    Axe.assertNoViolations(page);
    page.getByLabel("Dirección o lugar").fill("200 N Spring St");
    next(page, "#step-location", "Siguiente");
    page.getByLabel("Descripción").fill("Un bache hondo frente a la biblioteca.");
    Axe.assertNoViolations(page);
    next(page, "#step-details", "Siguiente");
    page.getByLabel("Con mis datos de contacto").check();
    page.getByLabel("Correo electrónico").fill("vecina@example.org");
    Axe.assertNoViolations(page);
    formSwitchesToEnglishAndBack(page, "Report: Pothole", "Reporte: Bache", "Un bache hondo frente a la biblioteca.");
    assertThat(page.inputValue("#email")).isEqualTo("vecina@example.org");
    assertThat(page.locator("#step-contact .step-progress").innerText()).as("back on the part it was switched on").isEqualTo("Parte 4 de 4");
    assertThat(page.locator("#step-contact").isVisible()).isTrue();
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuar para revisar")).click());

    inSpanish(page, "Revise su reporte antes de enviarlo");
    assertThat(page.locator(".review").innerText()).contains("Bache", "Como una llanta de auto", "En un carril para bicicletas",
        "200 N Spring St", "Un bache hondo frente a la biblioteca.", "vecina@example.org");
    formSwitchesToEnglishAndBack(page, "Check your report before sending", "Revise su reporte antes de enviarlo", "200 N Spring St");
    page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar reporte")).click());

    inSpanish(page, "Gracias: recibimos su reporte");
    String number = page.locator(".number").innerText().trim();
    assertThat(page.locator("main").innerText()).contains("Bache", "Qué pasa ahora", "Fecha prevista para terminarlo:",
        "Los equipos suelen reparar los baches en tres días hábiles.");
    assertThat(page.content()).doesNotContain("vecina@example.org");
    switchesToEnglishAndIsRemembered(browser, page, "Thank you: your report was received");

    page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ver el estado de esta solicitud")).click());
    page.waitForSelector(".status-map.is-ready");
    inSpanish(page, "Bache");
    assertThat(page.locator(".eyebrow").innerText()).isEqualTo("Solicitud " + number);
    assertThat(page.locator("main").innerText()).contains("Categoría", "Seguir por correo electrónico");
    switchesToEnglishAndIsRemembered(browser, page, "Pothole");

    page.navigate(browser.url("/map"));
    page.waitForSelector(".requests-map[data-markers]");
    inSpanish(page, "Solicitudes recientes");
    assertThat(page.locator("table.requests-table").innerText()).contains(number, "Bache");
    switchesToEnglishAndIsRemembered(browser, page, "Recent requests");

    MimeMessage email = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipients(m).contains("vecina@example.org")).findFirst().orElse(null), m -> m != null);
    assertThat(email.getSubject()).isEqualTo("Recibimos su reporte " + number + " (Bache)");
    assertThat(GreenMailUtil.getBody(email)).contains("Gracias por su reporte").contains("Categor=C3=ADa: Bache");
  }

  private static String recipients(MimeMessage message) {
    try {
      var to = message.getRecipients(Message.RecipientType.TO);
      return to == null ? "" : Arrays.toString(to);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  // 4. "Me too" in the wizard, by keyboard --------------------------------------------------------------

  @Test
  void a_keyboard_user_chooses_me_too_for_an_open_pothole_in_the_wizard(BrowserSession browser) {
    RequestNumber existing = requests.submit(new SubmitServiceRequest("POTHOLE",
            Map.of("SIZE", List.of("large"), "POSITION", List.of("traffic_lane")),
            new Location(34.1301, -118.3601, "9 Keyboard Way", null, null), "Deep hole", List.of(
                photos.store(GpsJpeg.at(320, 240, 34.1301, -118.3601), "pothole.jpg").url()), Channel.WEB,
            new Reporter(null, null, null, null, null, null, false, "en"), null, null))
        .number();
    Page page = keyboardDesktop(browser);
    page.navigate(browser.url("/report/POTHOLE"));

    tabTo(page, "document.activeElement.id === 'q-SIZE-0'");
    page.keyboard().press("ArrowDown");
    tabTo(page, "document.activeElement.name === 'attribute[POSITION]'");
    page.keyboard().press("Space");
    tabTo(page, nextButtonOf("step-questions"));
    page.keyboard().press("Enter");
    tabTo(page, "document.activeElement.id === 'lat'");
    page.keyboard().type("34.13012");
    page.keyboard().press("Tab");
    page.keyboard().type("-118.36011");
    tabTo(page, nextButtonOf("step-location"));
    page.keyboard().press("Enter");

    Locator panel = page.locator("[data-duplicates] .duplicates");
    panel.waitFor();
    assertThat(panel.locator("h2").innerText()).isEqualTo("Is it one of these?");
    assertThat(panel.innerText()).contains("Request " + existing.value());
    Axe.assertNoViolations(page);

    String meToo = "Yes, it is " + existing.value() + ": follow it";
    tabTo(page, "document.activeElement.textContent.trim() === '" + meToo + "'");
    page.waitForNavigation(() -> page.keyboard().press("Enter"));

    assertThat(page.url()).endsWith("/report/following/" + existing.value());
    assertThat(page.locator("h1").innerText()).isEqualTo("You now follow this request");
    assertThat(page.locator(".followers-count").innerText()).isEqualTo("1");
    assertThat(requests.find(existing).orElseThrow().followers()).isEqualTo(1);
    Axe.assertNoViolations(page);
  }

  // 5. The whole wizard by keyboard ------------------------------------------------------------------------

  @Test
  void a_keyboard_user_reports_from_the_home_page_to_the_confirmation_with_a_typed_address(BrowserSession browser) {
    Page page = keyboardDesktop(browser);
    page.navigate(browser.url("/"));

    tabTo(page, "document.activeElement.tagName === 'A' && document.activeElement.textContent.trim() === 'Report a problem'");
    page.waitForNavigation(() -> page.keyboard().press("Enter"));
    tabTo(page, "document.activeElement.type === 'search'");
    page.keyboard().type("streetlight");
    tabTo(page, "document.activeElement.tagName === 'A' && document.activeElement.href.endsWith('/report/STREETLIGHT_OUT')");
    page.waitForNavigation(() -> page.keyboard().press("Enter"));
    assertThat(page.locator("h1").innerText()).startsWith("Report: ");

    // Every question of this category by keys: the first radio of each group, arrows to another one.
    int groups = ((Number) page.evaluate("() => new Set([...document.querySelectorAll('#step-questions input[type=radio]')].map(i => i.name)).size")).intValue();
    for (int i = 0; i < groups; i++) {
      int index = i;
      tabTo(page, "document.activeElement.type === 'radio' && [...new Set([...document.querySelectorAll('#step-questions input[type=radio]')].map(i => i.name))][" + index + "] === document.activeElement.name");
      page.keyboard().press("Space");
      page.keyboard().press("ArrowDown");
    }
    tabTo(page, nextButtonOf("step-questions"));
    page.keyboard().press("Enter");
    assertThat(page.evaluate("() => document.activeElement.tagName")).isEqualTo("LEGEND");

    tabTo(page, "document.activeElement.id === 'address'");
    page.keyboard().type("200 N Spring St");
    tabTo(page, nextButtonOf("step-location"));
    page.keyboard().press("Enter");
    tabTo(page, "document.activeElement.id === 'description'");
    page.keyboard().type("The light flickers all night.");
    tabTo(page, nextButtonOf("step-details"));
    page.keyboard().press("Enter");

    tabTo(page, "document.activeElement.id === 'contact-anonymous'");
    page.keyboard().press("ArrowDown");
    assertThat(page.locator("#contact-given").isChecked()).isTrue();
    tabTo(page, "document.activeElement.id === 'email'");
    page.keyboard().type("keys@example.org");
    tabTo(page, "document.activeElement.id === 'phone'");
    page.keyboard().type("213-555-0142");
    tabTo(page, "document.activeElement.id === 'smsConsent'");
    page.keyboard().press("Space");
    tabTo(page, "document.activeElement.textContent.trim() === 'Continue to review'");
    page.waitForNavigation(() -> page.keyboard().press("Enter"));

    assertThat(page.locator("h1").innerText()).isEqualTo("Check your report before sending");
    assertThat(page.locator(".review").innerText()).contains("200 N Spring St", "keys@example.org", "The light flickers all night.");
    tabTo(page, "document.activeElement.textContent.trim() === 'Send report'");
    page.waitForNavigation(() -> page.keyboard().press("Enter"));

    assertThat(page.url()).contains("/report/done/");
    var stored = requests.find(new RequestNumber(page.locator(".number").innerText().trim())).orElseThrow();
    assertThat(stored.categoryCode()).isEqualTo("STREETLIGHT_OUT");
    assertThat(stored.description()).isEqualTo("The light flickers all night.");
    assertThat(stored.location().address()).isEqualTo("200 N Spring St");
    assertThat(stored.answers()).containsEntry("PROBLEM", List.of("flickering"));
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
