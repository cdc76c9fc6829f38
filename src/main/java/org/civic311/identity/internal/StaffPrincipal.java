package org.civic311.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in, as kept in the (database-stored, Java-serialized) session: only the id, email and
 * name, never the password. Its name is the member id, so Spring Session indexes sessions by member
 * and {@link JdbcStaffAccounts} can end them all when an account is disabled.
 */
record StaffPrincipal(UUID id, String email, String displayName) implements AuthenticatedPrincipal, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Override
  public String getName() {
    return id.toString();
  }
}
