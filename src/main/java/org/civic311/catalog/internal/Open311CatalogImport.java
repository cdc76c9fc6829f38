package org.civic311.catalog.internal;

import org.civic311.catalog.CatalogImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Imports while the application runs (the command line, an admin), then shows the result at once. */
@Component
class Open311CatalogImport implements CatalogImport {

  private static final Logger log = LoggerFactory.getLogger(Open311CatalogImport.class);

  private final Open311Importer importer;
  private final JdbcCatalog catalog;

  Open311CatalogImport(Open311Importer importer, JdbcCatalog catalog) {
    this.importer = importer;
    this.catalog = catalog;
  }

  @Override
  public Summary importOpen311(Source source) {
    Summary summary = importer.run(source);
    catalog.reload();
    log.info("Catalog: imported Open311 services from {} ({}): {}", source.servicesXml(), source.mode(), summary);
    return summary;
  }
}
