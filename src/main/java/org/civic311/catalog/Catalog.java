package org.civic311.catalog;

import java.util.List;
import java.util.Optional;

/** What the city offers: the jurisdiction, its departments and its service categories. */
public interface Catalog {

  Jurisdiction jurisdiction();

  /** The active categories in the order residents see them. */
  List<ServiceCategory> categories();

  Optional<ServiceCategory> category(String code);

  List<Department> departments();

  Optional<Department> department(String code);

  /**
   * Whether a jurisdiction_id sent by a client names this city; an empty value means "this one", as
   * Open311 allows for single-jurisdiction servers.
   */
  default boolean serves(String jurisdictionId) {
    return jurisdictionId.isBlank() || jurisdictionId.trim().equalsIgnoreCase(jurisdiction().id());
  }
}
