package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.civic311.catalog.Catalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET Service List and GET Service Definition. */
@RestController
class ServicesController {

  private final Catalog catalog;
  private final Open311Access access;
  private final Open311Representations representations;

  ServicesController(Catalog catalog, Open311Access access, Open311Representations representations) {
    this.catalog = catalog;
    this.access = access;
    this.representations = representations;
  }

  @GetMapping("/open311/v2/services.{extension}")
  ResponseEntity<byte[]> services(@PathVariable String extension, HttpServletRequest request) {
    Format format = Format.of(extension);
    access.checkJurisdiction(Open311Parameters.of(request));
    return Open311Responses.ok(representations.services(catalog.categories()), format);
  }

  @GetMapping("/open311/v2/services/{file}")
  ResponseEntity<byte[]> definition(@PathVariable String file, HttpServletRequest request) {
    var named = Format.split(file);
    access.checkJurisdiction(Open311Parameters.of(request));
    var category =
        catalog
            .category(named.name())
            .orElseThrow(() -> Open311Exception.notFound("Resource not found: no service with that service_code"));
    return Open311Responses.ok(representations.definition(category), named.format());
  }
}
