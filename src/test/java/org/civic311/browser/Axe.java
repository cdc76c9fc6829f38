package org.civic311.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Accessibility audits with axe-core, injected from its webjar on the test class path (never fetched
 * from the network): the WCAG 2.0 and 2.1 level A and AA rules.
 */
public final class Axe {

  /** The webjar's version ({@code axe-core.version} in pom.xml), read from the webjar itself. */
  static final String VERSION = webjarVersion();
  /** The rule tags an audit runs. */
  public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final String RESOURCE = "/META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
  private static volatile String script;

  private Axe() {}

  /** A rule the page breaks, with the CSS selectors of the offending elements. */
  public record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {
    @Override
    public String toString() {
      return id + " (" + impact + "): " + help + System.lineSeparator() + "    at " + String.join(System.lineSeparator() + "    at ", targets)
          + System.lineSeparator() + "    see " + helpUrl;
    }
  }

  /** Runs the WCAG 2.1 A and AA rules on the page as it is now and returns what it breaks. */
  @SuppressWarnings("unchecked")
  public static List<Violation> audit(Page page) {
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
      // evaluate, not a <script> tag: the pages' Content-Security-Policy (rightly) refuses inline
      // scripts, and DevTools evaluation is not subject to it, so the audit leaves the policy on.
      page.evaluate("source => { (0, eval)(source); }", script());
    }
    Object result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
            + ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,"
            + " targets: v.nodes.map(n => n.target.join(' '))})))",
        WCAG_21_AA);
    return ((List<Map<String, Object>>) result).stream()
        .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), (String) v.get("helpUrl"),
            List.copyOf((List<String>) v.get("targets"))))
        .toList();
  }

  /** Fails with every violation listed (rule id, impact, selectors, help link) when the page breaks a rule. */
  public static void assertNoViolations(Page page) {
    List<Violation> violations = audit(page);
    if (!violations.isEmpty()) {
      throw new AssertionError(violations.size() + " accessibility violation(s) (WCAG 2.1 A/AA, axe-core " + VERSION + ") on "
          + page.url() + ":" + System.lineSeparator()
          + violations.stream().map(v -> "  " + v).collect(Collectors.joining(System.lineSeparator())));
    }
  }

  private static String webjarVersion() {
    try (InputStream in = Axe.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      if (in == null) throw new IllegalStateException("The axe-core webjar (org.webjars.npm:axe-core) is not on the test class path");
      java.util.Properties properties = new java.util.Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String script() {
    if (script == null) {
      try (InputStream in = Axe.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException("axe-core " + VERSION + " is not on the test class path (" + RESOURCE + "); check axe-core.version in pom.xml");
        script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return script;
  }
}
