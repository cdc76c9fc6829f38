package org.civic311.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test class that drives the real application in the system Chromium: the application runs on a
 * random port, and each test method can take a {@link BrowserSession} parameter for phone- and
 * desktop-sized pages. The class is skipped, with the reason in the report, only when there is no
 * Chromium (see {@link Chromium#executable()}).
 *
 * <pre>{@code
 * @BrowserTest
 * class ReportPageTests {
 *   @Test
 *   void the_form_works_on_a_phone(BrowserSession browser) {
 *     Page page = browser.phone();
 *     page.navigate(browser.url("/report"));
 *     Axe.assertNoViolations(page);
 *     browser.screenshot(page, "report-phone");
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
