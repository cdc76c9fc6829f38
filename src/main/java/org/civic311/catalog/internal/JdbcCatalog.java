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
  /** The catalog version the snapshot was read at (or after). */
  private volatile long version;

  /**
   * Takes the start-up loading as a parameter so that nobody can read the catalog before the city
   * file (and any start-up import) has been written.
   */
  JdbcCatalog(CatalogStore store, CatalogStartup startup) {
    this.store = store;
    this.version = store.version();
    this.snapshot = store.read();
  }

  /**
   * Reads the tables again; called after every write to them. The version is read first: a write
   * landing between the two reads leaves the version behind, so the next poll reads again.
   */
  synchronized void reload() {
    long current = store.version();
    snapshot = store.read();
    version = current;
  }

  /** Reloads when another node (or this one) changed the catalog since the snapshot was read. */
  void reloadIfChanged() {
    if (store.version() != version) reload();
  }

  /** Every category, retired ones included, by code. */
  java.util.Map<String, ServiceCategory> allCategoriesByCode() {
    return snapshot.allByCode();
  }

  /** Every department, retired ones included, by code. */
  java.util.Map<String, Department> allDepartmentsByCode() {
    return snapshot.allDepartmentsByCode();
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
