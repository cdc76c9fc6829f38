package org.civic311.catalog.internal;

import java.util.List;
import org.civic311.catalog.Department;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.ServiceCategory;

/** A checked city file: what the catalog tables must say after it is applied. */
record CityDefinition(Jurisdiction jurisdiction, List<Department> departments, List<ServiceCategory> categories) {

  CityDefinition {
    departments = List.copyOf(departments);
    categories = List.copyOf(categories);
  }
}
