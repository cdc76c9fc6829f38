package org.civic311.notifications.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stylesheet of the module's pages, served from the module's own path so those pages need no
 * inline style and can run under a strict Content-Security-Policy.
 */
@RestController
class PageStyles {

  /** What the module's pages may load: their stylesheet; forms post to this site only. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final String css;

  PageStyles() throws IOException {
    this.css = new ClassPathResource("notifications/page.css").getContentAsString(StandardCharsets.UTF_8);
  }

  @GetMapping("/notifications/page.css")
  ResponseEntity<String> css() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
        .body(css);
  }
}
