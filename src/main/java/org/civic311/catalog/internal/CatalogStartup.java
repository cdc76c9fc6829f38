package org.civic311.catalog.internal;

import java.nio.file.Path;
import java.util.Map;
import org.civic311.catalog.CatalogFileException;
import org.civic311.catalog.CatalogImport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Writes the city file (and the optional start-up import) into the catalog tables while the context
 * starts: after Flyway has migrated, and before any web request can read the catalog.
 */
@Component
@DependsOnDatabaseInitialization
class CatalogStartup implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(CatalogStartup.class);

  private final CatalogStore store;
  private final Open311Importer importer;
  private final CatalogProperties properties;
  private final ResourceLoader resources;

  CatalogStartup(CatalogStore store, Open311Importer importer, CatalogProperties properties, ResourceLoader resources) {
    this.store = store;
    this.importer = importer;
    this.properties = properties;
    this.resources = resources;
  }

  @Override
  public void afterPropertiesSet() {
    applyCityFile(properties.cityFile());
    String services = blankToNull(properties.importOpen311Services());
    if (services != null) {
      String definitions = blankToNull(properties.importOpen311Definitions());
      CatalogImport.Summary summary = importer.run(new CatalogImport.Source(
          Path.of(services), definitions == null ? null : Path.of(definitions), null, Map.of(), Map.of(),
          CatalogImport.Mode.REPLACE));
      log.info("Catalog: imported Open311 services from {}: {}", services, summary);
    }
  }

  /** Reads, checks and writes a city file; the caller reloads the catalog when it is already running. */
  CatalogStore.Changes applyCityFile(String location) {
    CityDefinition city = CityFileReader.read(location, resolve(location));
    CatalogStore.Changes changes = store.applyCity(city);
    log.info("Catalog: applied city file {} for {}: {} departments, {} categories ({} new, {} updated, {} retired), {} questions",
        location, city.jurisdiction().id(), city.departments().size(), city.categories().size(), changes.added(),
        changes.updated(), changes.retired(), changes.questions());
    if (!changes.keptAdminEdits().isEmpty()) {
      log.info("Catalog: the city file did not change what an admin edited in the staff console, which stays as the admin left it: {}",
          String.join(", ", changes.keptAdminEdits()));
    }
    return changes;
  }

  /** A bare path means a file, not a class path resource, which is what a city administrator expects. */
  private Resource resolve(String location) {
    Resource resource = location.startsWith("classpath:") || location.startsWith("file:")
        ? resources.getResource(location)
        : new FileSystemResource(Path.of(location));
    if (!resource.exists()) {
      throw new CatalogFileException("City file " + location
          + " does not exist; set civic311.city-file (environment CIVIC311_CITY_FILE) to a file path or classpath: location");
    }
    return resource;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
