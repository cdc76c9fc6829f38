package org.civic311.identity;

import org.jspecify.annotations.Nullable;

/** A staff account change that cannot be made as asked (email taken, weak password, unknown department); the message says why. */
public class StaffAccountRejected extends RuntimeException {

  private final @Nullable String field;

  public StaffAccountRejected(String message) {
    this(null, message);
  }

  /** A refusal of one field of the account: email, name, roles, departments, crew, language or password. */
  public StaffAccountRejected(@Nullable String field, String message) {
    super(message);
    this.field = field;
  }

  /** The refused field, when the refusal is about one. */
  public @Nullable String field() {
    return field;
  }
}
