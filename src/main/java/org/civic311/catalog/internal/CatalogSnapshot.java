package org.civic311.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.catalog.Department;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.ServiceCategory;

/**
 * Everything the catalog answers, read once after each change: the catalog is read on every request
 * submission and every Open311 services call, so reads never touch the database.
 */
record CatalogSnapshot(
    Jurisdiction jurisdiction,
    List<ServiceCategory> activeCategories,
    Map<String, ServiceCategory> activeByCode,
    Map<String, ServiceCategory> allByCode,
    List<Department> activeDepartments,
    Map<String, Department> departmentsByCode,
    Map<String, Department> allDepartmentsByCode) {

  /** A category as stored, with the flag the public record does not carry. */
  record StoredCategory(ServiceCategory category, boolean active) {}

  /** A department as stored, with the flag the public record does not carry. */
  record StoredDepartment(Department department, boolean active) {}

  /** Builds a snapshot from rows already in display order. */
  static CatalogSnapshot of(Jurisdiction jurisdiction, List<StoredDepartment> departments, List<StoredCategory> categories) {
    var all = new LinkedHashMap<String, ServiceCategory>();
    categories.forEach(stored -> all.put(stored.category().code(), stored.category()));
    List<ServiceCategory> active = categories.stream().filter(StoredCategory::active).map(StoredCategory::category).toList();
    var activeByCode = new LinkedHashMap<String, ServiceCategory>();
    active.forEach(category -> activeByCode.put(category.code(), category));
    List<Department> activeDepartments =
        departments.stream().filter(StoredDepartment::active).map(StoredDepartment::department).toList();
    var departmentsByCode = new LinkedHashMap<String, Department>();
    activeDepartments.forEach(department -> departmentsByCode.put(department.code(), department));
    var allDepartments = new LinkedHashMap<String, Department>();
    departments.forEach(stored -> allDepartments.put(stored.department().code(), stored.department()));
    return new CatalogSnapshot(jurisdiction, active, Map.copyOf(activeByCode), Map.copyOf(all), activeDepartments,
        Map.copyOf(departmentsByCode), Map.copyOf(allDepartments));
  }
}
