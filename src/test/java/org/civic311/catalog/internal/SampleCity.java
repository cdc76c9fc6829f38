package org.civic311.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts the sample city back after a test changed the catalog, so every test class can share one
 * Spring context (one embedded database) in any order.
 */
final class SampleCity {

  static final String LOCATION = "classpath:city/springfield.yml";

  private SampleCity() {}

  static void restore(JdbcClient jdbc, CatalogStartup startup, JdbcCatalog catalog) {
    // Imported categories are not the city file's to retire, so retire everything and let the file revive its own.
    jdbc.sql("UPDATE catalog.service_category SET active = false").update();
    startup.applyCityFile(LOCATION);
    catalog.reload();
  }
}
