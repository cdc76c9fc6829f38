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
    // An admin's edit is kept by the city file on purpose; a test's edit must not outlive the test.
    jdbc.sql("UPDATE catalog.service_category SET active = false, edited_in_admin_at = null").update();
    jdbc.sql("UPDATE catalog.department SET edited_in_admin_at = null").update();
    startup.applyCityFile(LOCATION);
    catalog.reload();
  }
}
