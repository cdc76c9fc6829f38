package org.civic311.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The catalog as an admin changes it in the staff console while Civic311 runs. Every change is seen
 * at once on the node that made it and within a few seconds on every other node. A category or
 * department changed here is marked as edited by an admin: the city file, applied at every start, no
 * longer overwrites or retires it.
 */
public interface CatalogAdmin {

  /** Every category, retired ones included, in display order. */
  List<ManagedCategory> allCategories();

  /** One category, retired or not. */
  Optional<ManagedCategory> managedCategory(String code);

  /**
   * Changes a category's details, or adds a category when the code is new (then without questions).
   *
   * @throws CatalogEditRejected when a value breaks the catalog's rules (the reason names the field)
   */
  ManagedCategory saveCategory(CategoryDetails details);

  /**
   * Replaces a category's questions by these, in this order (their {@code order} is renumbered 1, 2...).
   *
   * @throws CategoryNotFound when there is no such category
   * @throws CatalogEditRejected when a question breaks the rules
   */
  ManagedCategory saveQuestions(String categoryCode, List<Question> questions);

  /** Every department, retired ones included, in display order. */
  List<ManagedDepartment> allDepartments();

  /**
   * Changes a department, or adds one when the code is new.
   *
   * @throws CatalogEditRejected when a value breaks the rules
   */
  ManagedDepartment saveDepartment(Department department, boolean active);
}
