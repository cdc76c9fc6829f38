package org.civic311.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The audit helper itself: it must find what a page gets wrong and say where. */
@BrowserTest
class AxeTests {

  private static final String BROKEN = """
      <!doctype html><html><head><title>Broken</title></head><body><main>
        <img src="/nothing.png" id="photo">
        <p style="color:#aaa;background:#fff" >Hard to read</p>
        <label>Street <input id="street"></label>
      </main></body></html>""";

  @Test
  void an_image_without_text_a_faint_paragraph_and_a_missing_language_are_found(BrowserSession browser) {
    Page page = browser.desktop();
    page.setContent(BROKEN);

    assertThat(Axe.audit(page))
        .extracting(Axe.Violation::id)
        .containsExactlyInAnyOrder("image-alt", "color-contrast", "html-has-lang");
  }

  @Test
  void the_failure_lists_the_rule_its_impact_and_the_elements(BrowserSession browser) {
    Page page = browser.phone();
    page.setContent(BROKEN);

    assertThatThrownBy(() -> Axe.assertNoViolations(page))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("3 accessibility violation(s)")
        .hasMessageContaining("image-alt (critical)")
        .hasMessageContaining("at #photo")
        .hasMessageContaining("color-contrast (serious)")
        .hasMessageContaining("at p" + System.lineSeparator())
        .hasMessageContaining("https://dequeuniversity.com/rules/axe/");
  }

  @Test
  void a_labelled_page_in_a_language_has_no_violations(BrowserSession browser) {
    Page page = browser.desktop();
    page.setContent("<!doctype html><html lang=\"en\"><head><title>Fine</title></head><body><main>"
        + "<img src=\"/nothing.png\" alt=\"A pothole\"><label>Street <input id=\"street\"></label></main></body></html>");

    assertThat(Axe.audit(page)).isEmpty();
    Axe.assertNoViolations(page);
  }
}
