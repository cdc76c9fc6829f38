package org.civic311.notifications.internal.web;

import java.nio.charset.StandardCharsets;
import org.civic311.notifications.internal.SurveyPages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The satisfaction survey behind the link in resolved and closed messages, usable without signing in;
 * the signed link is the credential. The page loads nothing but its stylesheet.
 */
@RestController
class SurveyPage {

  private final SurveyPages pages;

  SurveyPage(SurveyPages pages) {
    this.pages = pages;
  }

  @GetMapping("/notifications/survey/{token}")
  ResponseEntity<String> show(
      @PathVariable String token,
      @RequestParam(required = false) @Nullable String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String accept) {
    return page(pages.show(token, lang, accept));
  }

  @PostMapping("/notifications/survey/{token}")
  ResponseEntity<String> answer(
      @PathVariable String token,
      @RequestParam(required = false) @Nullable String rating,
      @RequestParam(required = false) @Nullable String comment,
      @RequestParam(required = false) @Nullable String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String accept) {
    return page(pages.answer(token, rating, comment, lang, accept));
  }

  static ResponseEntity<String> page(SurveyPages.Page page) {
    return ResponseEntity.status(page.status())
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", PageStyles.CSP)
        .body(page.html());
  }
}
