package org.civic311.identity;

import java.util.UUID;

/** The internal id of a staff member; audit entries and assignments refer to it. */
public record StaffMemberId(UUID value) {

  /** Reads an id written with {@link #toString()}; an {@link IllegalArgumentException} when malformed. */
  public static StaffMemberId parse(String text) {
    return new StaffMemberId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
