package org.civic311.identity;

import java.util.Optional;

/**
 * The staff member signed in for the current web request. Controllers may also just declare a
 * {@link StaffMember} parameter: it is filled with the signed-in member.
 */
public interface CurrentStaff {

  /** The signed-in member, read fresh from the database; empty for anonymous requests. */
  Optional<StaffMember> get();

  /** The signed-in member; an {@link IllegalStateException} when nobody is signed in. */
  default StaffMember require() {
    return get().orElseThrow(() -> new IllegalStateException("No staff member is signed in"));
  }
}
