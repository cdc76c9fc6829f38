package org.civic311.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts one headless Chromium for the whole test run (a start costs about a second) and gives each
 * test method its own {@link BrowserSession}, whose pages are closed after the test. Use it through
 * {@link BrowserTest}.
 */
public final class BrowserExtension implements BeforeAllCallback, ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<Path> chromium = Chromium.executable();
    Assumptions.assumeTrue(chromium.isPresent(),
        "Browser tests skipped: no Chromium at " + Chromium.DEFAULT
            + " (install Debian's chromium package, as .ci/run does, or set CIVIC311_CHROMIUM)");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == BrowserSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Browser browser = context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(RunningChromium.class, key -> RunningChromium.start(), RunningChromium.class)
        .browser();
    String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
    return context.getStore(NAMESPACE).computeIfAbsent(
        BrowserSession.class, key -> new BrowserSession(browser, "http://localhost:" + port), BrowserSession.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    BrowserSession session = context.getStore(NAMESPACE).remove(BrowserSession.class, BrowserSession.class);
    if (session != null) session.close();
  }

  /** Playwright and its Chromium, closed when the test run ends. */
  record RunningChromium(Playwright playwright, Browser browser) implements AutoCloseable {

    static RunningChromium start() {
      Path chromium = Chromium.executable().orElseThrow();
      // Playwright refuses --user-data-dir with launch() and makes a profile in the driver's temporary
      // folder instead: pointing the driver's TMPDIR into the build folder gives a fresh profile there,
      // and no profile is left in the system temporary folder. Chromium itself keeps the system one: its
      // single-instance socket must fit the 107 characters of a Unix socket path, which a deep build
      // folder may not.
      Path profiles = Path.of("target", "browser", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
      try {
        Files.createDirectories(profiles);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Playwright playwright = Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "TMPDIR", profiles.toString())));
      try {
        Map<String, String> browserEnvironment = new HashMap<>(System.getenv());
        browserEnvironment.put("TMPDIR", systemTemporaryFolder());
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(chromium)
            .setEnv(browserEnvironment)
            .setHeadless(true)
            .setArgs(Chromium.FLAGS));
        return new RunningChromium(playwright, browser);
      } catch (RuntimeException e) {
        playwright.close();
        throw e;
      }
    }

    private static String systemTemporaryFolder() {
      String tmpdir = System.getenv("TMPDIR");
      return tmpdir == null || tmpdir.isBlank() ? "/tmp" : tmpdir;
    }

    @Override
    public void close() {
      browser.close();
      playwright.close();
    }
  }
}
