package org.civic311.notifications.internal.web;

import java.util.Optional;
import org.civic311.notifications.Subscriptions;
import org.civic311.notifications.internal.NotificationPages;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages behind the links in emails, usable without signing in. Opening a link only shows a
 * button: mail scanners open links, and must not unsubscribe or confirm anyone. The POST does it;
 * mail programs send that POST themselves for one-click unsubscribe (RFC 8058).
 */
@RestController
class SubscriptionPages {

  private final Subscriptions subscriptions;
  private final NotificationPages pages;

  SubscriptionPages(Subscriptions subscriptions, NotificationPages pages) {
    this.subscriptions = subscriptions;
    this.pages = pages;
  }

  @GetMapping("/notifications/unsubscribe/{token}")
  ResponseEntity<String> askUnsubscribe(
      @PathVariable String token,
      @RequestParam(required = false) @Nullable String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String accept) {
    String language = pages.language(lang, accept);
    return pages.numberOfUnsubscribeToken(token)
        .map(n -> page(HttpStatus.OK, pages.askUnsubscribe(language, n, token)))
        .orElseGet(() -> page(HttpStatus.NOT_FOUND, pages.invalid(language)));
  }

  @PostMapping("/notifications/unsubscribe/{token}")
  ResponseEntity<String> unsubscribe(
      @PathVariable String token,
      @RequestParam(required = false) @Nullable String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String accept) {
    String language = pages.language(lang, accept);
    Optional<RequestNumber> number = subscriptions.unsubscribe(token);
    return number.map(n -> page(HttpStatus.OK, pages.unsubscribed(language, n)))
        .orElseGet(() -> page(HttpStatus.NOT_FOUND, pages.invalid(language)));
  }

  @GetMapping("/notifications/confirm/{token}")
  ResponseEntity<String> askConfirm(
      @PathVariable String token,
      @RequestParam(required = false) @Nullable String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String accept) {
    String language = pages.language(lang, accept);
    return pages.numberOfConfirmToken(token)
        .map(n -> page(HttpStatus.OK, pages.askConfirm(language, n, token)))
        .orElseGet(() -> page(HttpStatus.NOT_FOUND, pages.invalid(language)));
  }

  @PostMapping("/notifications/confirm/{token}")
  ResponseEntity<String> confirm(
      @PathVariable String token,
      @RequestParam(required = false) @Nullable String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String accept) {
    String language = pages.language(lang, accept);
    return subscriptions.confirm(token)
        .map(n -> page(HttpStatus.OK, pages.confirmed(language, n)))
        .orElseGet(() -> page(HttpStatus.NOT_FOUND, pages.invalid(language)));
  }

  private static ResponseEntity<String> page(HttpStatus status, String html) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", PageStyles.CSP)
        .body(html);
  }
}
