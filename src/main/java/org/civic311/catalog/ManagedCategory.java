package org.civic311.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A category as an admin sees it: with whether residents can still report in it and whether an
 * admin took it over from the city file.
 *
 * @param category the category in the city's own words
 * @param active false once retired: no new request can be filed in it
 * @param editedInAdminAt when an admin last changed it; null while the city file owns it
 */
public record ManagedCategory(ServiceCategory category, boolean active, @Nullable Instant editedInAdminAt) {

  public String code() {
    return category.code();
  }
}
