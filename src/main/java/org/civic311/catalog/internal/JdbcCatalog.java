package org.civic311.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Department;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.ServiceCategory;
import org.springframework.stereotype.Component;

/**
 * The catalog as stored in PostgreSQL, served from an immutable snapshot that is swapped after every
 * write, so the thousands of reads per second at peak never wait on the database or on a lock.
 */
@Component
class JdbcCatalog implements Catalog {

  private final CatalogStore store;
  private volatile CatalogSnapshot snapshot;

  /**
   * Takes the start-up loading as a parameter so that nobody can read the catalog before the city
   * file (and any start-up import) has been written.
   */
  JdbcCatalog(CatalogStore store, CatalogStartup startup) {
    this.store = store;
    this.snapshot = store.read();
  }

  /** Reads the tables again; called after every write to them. */
  void reload() {
    snapshot = store.read();
  }

  @Override
  public Jurisdiction jurisdiction() {
    return snapshot.jurisdiction();
  }

  @Override
  public List<ServiceCategory> categories() {
    return snapshot.activeCategories();
  }

  @Override
  public Optional<ServiceCategory> category(String code) {
    return Optional.ofNullable(snapshot.activeByCode().get(code));
  }

  @Override
  public Optional<ServiceCategory> categoryIncludingInactive(String code) {
    return Optional.ofNullable(snapshot.allByCode().get(code));
  }

  @Override
  public List<Department> departments() {
    return snapshot.activeDepartments();
  }

  @Override
  public Optional<Department> department(String code) {
    return Optional.ofNullable(snapshot.departmentsByCode().get(code));
  }
}
