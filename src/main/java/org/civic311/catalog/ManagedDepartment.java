package org.civic311.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A department as an admin sees it.
 *
 * @param department the department
 * @param active false once retired
 * @param editedInAdminAt when an admin last changed it; null while the city file owns it
 */
public record ManagedDepartment(Department department, boolean active, @Nullable Instant editedInAdminAt) {

  public String code() {
    return department.code();
  }
}
