package org.civic311.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One test's pages in the shared Chromium, each in its own browser context (no cookies or storage
 * shared between pages or tests), closed after the test.
 */
public final class BrowserSession implements AutoCloseable {

  /** Where {@link #screenshot} writes, relative to the project folder. */
  public static final Path SCREENSHOTS = Path.of("docs", "screenshots");

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}");

  private final Browser browser;
  private final String baseUrl;
  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

  BrowserSession(Browser browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  /** The application's URL for a path, e.g. {@code url("/")}. */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }

  /** A page on a small phone: 360 x 740 CSS pixels at 2x, touch, mobile viewport rules. */
  public Page phone() {
    return page(new Browser.NewContextOptions()
        .setViewportSize(360, 740)
        .setDeviceScaleFactor(2)
        .setIsMobile(true)
        .setHasTouch(true)
        .setLocale("en-US")
        .setTimezoneId("America/Los_Angeles"));
  }

  /** A page on a laptop screen: 1280 x 800 CSS pixels. */
  public Page desktop() {
    return page(new Browser.NewContextOptions()
        .setViewportSize(1280, 800)
        .setLocale("en-US")
        .setTimezoneId("America/Los_Angeles"));
  }

  /** A page with options of your own (e.g. another locale, reduced motion, a dark color scheme). */
  public Page page(Browser.NewContextOptions options) {
    BrowserContext context = browser.newContext(options);
    contexts.add(context);
    Page page = context.newPage();
    // A script or style the Content-Security-Policy refuses breaks the page for residents without a
    // visible error; every browser test fails on one.
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type()) && message.text().contains("Content Security Policy")) {
        policyViolations.add(page.url() + ": " + message.text());
      }
    });
    return page;
  }

  /**
   * Saves a full-page screenshot as {@code docs/screenshots/<name>.png} for the README and reviews.
   *
   * @param name lower case letters, digits and hyphens, e.g. {@code home-phone}
   * @return the file written
   */
  public Path screenshot(Page page, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A screenshot name is lower case letters, digits and hyphens: " + name);
    }
    Path file = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
    return file;
  }

  @Override
  public void close() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
    if (!policyViolations.isEmpty()) {
      throw new AssertionError("The page broke the Content-Security-Policy:\n" + String.join("\n", policyViolations));
    }
  }
}
