package org.civic311.catalog;

import java.util.List;
import java.util.Optional;

/** What the city offers: the jurisdiction, its departments and its service categories. */
public interface Catalog {

  Jurisdiction jurisdiction();

  /** The active categories in the order residents see them. */
  List<ServiceCategory> categories();

  /** An active category; empty when unknown or retired, so no new request can be filed in it. */
  Optional<ServiceCategory> category(String code);

  /**
   * A category even when the city retired it, for showing requests filed before it was retired.
   */
  default Optional<ServiceCategory> categoryIncludingInactive(String code) {
    return category(code);
  }

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
