package org.civic311.catalog.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civic311.catalog.CatalogAdmin;
import org.civic311.catalog.CategoryDetails;
import org.civic311.catalog.CategoryNotFound;
import org.civic311.catalog.Department;
import org.civic311.catalog.ManagedCategory;
import org.civic311.catalog.ManagedDepartment;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Checks an admin's edit, writes it, and swaps this node's in-memory catalog at once. */
@Service
class DefaultCatalogAdmin implements CatalogAdmin {

  private static final Logger log = LoggerFactory.getLogger(DefaultCatalogAdmin.class);

  private final AdminCatalogStore store;
  private final JdbcCatalog catalog;
  private final Clock clock;

  DefaultCatalogAdmin(AdminCatalogStore store, JdbcCatalog catalog, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public List<ManagedCategory> allCategories() {
    Map<String, ServiceCategory> all = catalog.allCategoriesByCode();
    return store.categoryStates().stream()
        .map(state -> all.get(state.code()) == null ? null
            : new ManagedCategory(all.get(state.code()), state.active(), state.editedInAdminAt()))
        .filter(Objects::nonNull)
        .toList();
  }

  @Override
  public Optional<ManagedCategory> managedCategory(String code) {
    return store.categoryState(code)
        .flatMap(state -> catalog.categoryIncludingInactive(code)
            .map(category -> new ManagedCategory(category, state.active(), state.editedInAdminAt())));
  }

  @Override
  public ManagedCategory saveCategory(CategoryDetails details) {
    Set<String> departments = catalog.departments().stream().map(Department::code).collect(Collectors.toSet());
    CategoryDetails checked = CatalogEditPolicy.category(details, departments);
    store.saveCategory(checked, clock.instant());
    catalog.reload();
    log.info("Catalog: category {} saved in the admin pages; the city file no longer changes it", checked.code());
    return managedCategory(checked.code()).orElseThrow(() -> new CategoryNotFound(checked.code()));
  }

  @Override
  public ManagedCategory saveQuestions(String categoryCode, List<Question> questions) {
    List<Question> checked = CatalogEditPolicy.questions(questions);
    if (!store.saveQuestions(categoryCode, checked, clock.instant())) throw new CategoryNotFound(categoryCode);
    catalog.reload();
    log.info("Catalog: questions of category {} saved in the admin pages ({} questions)", categoryCode, checked.size());
    return managedCategory(categoryCode).orElseThrow(() -> new CategoryNotFound(categoryCode));
  }

  @Override
  public List<ManagedDepartment> allDepartments() {
    Map<String, Department> all = catalog.allDepartmentsByCode();
    return store.departmentStates().stream()
        .filter(state -> all.containsKey(state.code()))
        .map(state -> new ManagedDepartment(all.get(state.code()), state.active(), state.editedInAdminAt()))
        .toList();
  }

  @Override
  public ManagedDepartment saveDepartment(Department department, boolean active) {
    Department checked = CatalogEditPolicy.department(department);
    store.saveDepartment(checked, active, clock.instant());
    catalog.reload();
    log.info("Catalog: department {} saved in the admin pages; the city file no longer changes it", checked.code());
    return allDepartments().stream().filter(d -> d.code().equals(checked.code())).findFirst().orElseThrow();
  }
}
