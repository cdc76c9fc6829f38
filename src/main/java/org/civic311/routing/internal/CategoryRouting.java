package org.civic311.routing.internal;

import org.civic311.catalog.Catalog;
import org.civic311.catalog.ServiceCategory;
import org.civic311.routing.Routing;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Routes by category: each category names the department that handles it in the city file. */
@Component
class CategoryRouting implements Routing {

  private final Catalog catalog;

  CategoryRouting(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public @Nullable String departmentFor(
      String categoryCode, @Nullable Double latitude, @Nullable Double longitude) {
    return catalog.category(categoryCode).map(ServiceCategory::departmentCode).orElse(null);
  }
}
