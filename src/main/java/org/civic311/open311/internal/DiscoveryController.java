package org.civic311.open311.internal;

import java.util.List;
import org.civic311.catalog.Catalog;
import org.civic311.open311.internal.Open311Document.Items;
import org.civic311.open311.internal.Open311Document.Node;
import org.civic311.open311.internal.Open311Document.Obj;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service Discovery. Validators insist on at least two endpoints with two formats each (so XML
 * parsers see arrays) and a changeset in the past, so the document lists the GeoReport v2 endpoint
 * as production and, for clients that want one, the same endpoint as test: there is no separate test
 * server, and the city sees what arrives there.
 */
@RestController
class DiscoveryController {

  /** When this document last changed; a fixed date in the past, as validators require. */
  static final String CHANGESET = "2026-11-01T00:00:00Z";

  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

  private final Catalog catalog;
  private final String publicUrl;

  DiscoveryController(Catalog catalog, @Value("${civic311.public-url}") String publicUrl) {
    this.catalog = catalog;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @GetMapping("/open311/discovery.{extension}")
  ResponseEntity<byte[]> discovery(@PathVariable String extension) {
    Format format = Format.of(extension);
    var jurisdiction = catalog.jurisdiction();
    String url = publicUrl + "/open311/v2";
    var document =
        new Open311Document(
            "discovery",
            Obj.builder()
                .text("changeset", CHANGESET)
                .text("contact", jurisdiction.contact())
                .text("key_service", jurisdiction.keyService())
                .node("endpoints", new Items("endpoint", List.<Node>of(endpoint(url, "production"), endpoint(url, "test"))))
                .build());
    return ResponseEntity.status(HttpStatus.OK)
        .contentType(format.discoveryContentType())
        .body(Open311Writer.write(document, format));
  }

  private static Obj endpoint(String url, String type) {
    return Obj.builder()
        .text("specification", SPECIFICATION)
        .text("url", url)
        .text("changeset", CHANGESET)
        .text("type", type)
        .node("formats", Items.ofTexts("format", List.of("text/xml", "application/json")))
        .build();
  }
}
