package org.civic311.portal.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.catalog.Catalog;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The web app manifest, so residents can add the portal to their phone's home screen. */
@RestController
class ManifestController {

  static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

  private final Catalog catalog;
  private final MessageSource messages;

  ManifestController(Catalog catalog, MessageSource messages) {
    this.catalog = catalog;
    this.messages = messages;
  }

  @GetMapping("/manifest.webmanifest")
  ResponseEntity<Map<String, Object>> manifest(Locale locale) {
    String city = catalog.jurisdiction().name();
    var manifest = new LinkedHashMap<String, Object>();
    manifest.put("name", city + " 311");
    manifest.put("short_name", messages.getMessage("portal.manifest.short-name", null, "311", locale));
    manifest.put("description", messages.getMessage("portal.home.intro", null, "", locale));
    manifest.put("lang", locale.getLanguage());
    manifest.put("start_url", "/");
    manifest.put("scope", "/");
    manifest.put("display", "standalone");
    manifest.put("background_color", "#ffffff");
    manifest.put("theme_color", "#0b4f8a");
    manifest.put(
        "icons",
        List.of(
            Map.of("src", "/portal/icons/icon-192.png", "sizes", "192x192", "type", "image/png"),
            Map.of("src", "/portal/icons/icon-512.png", "sizes", "512x512", "type", "image/png"),
            Map.of("src", "/portal/icons/icon-maskable-512.png", "sizes", "512x512", "type", "image/png",
                "purpose", "maskable"),
            Map.of("src", "/portal/icons/icon.svg", "sizes", "any", "type", "image/svg+xml")));
    return ResponseEntity.ok()
        .contentType(MANIFEST)
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
        .body(manifest);
  }
}
