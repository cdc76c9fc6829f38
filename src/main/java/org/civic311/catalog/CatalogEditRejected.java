package org.civic311.catalog;

/**
 * An admin's change to the catalog that breaks its rules; {@link #field()} and {@link #reason()} let a
 * page show the message in the admin's language next to the field.
 */
public class CatalogEditRejected extends RuntimeException {

  /** Why a value was refused. */
  public enum Reason {
    /** The field must not be empty. */
    REQUIRED,
    /** The text is longer than the field allows. */
    TOO_LONG,
    /** A code has characters other than letters, digits, dot, dash and underscore, or is too long. */
    BAD_CODE,
    /** The department does not exist or is retired. */
    UNKNOWN_DEPARTMENT,
    /** Another question (or department) of the same category already has this code. */
    DUPLICATE_CODE,
    /** A value list question without any value. */
    NO_VALUES,
    /** A value line is not {@code key = name}, or a key appears twice. */
    BAD_VALUE,
    /** A question that is not a value list was given values. */
    VALUES_NOT_ALLOWED
  }

  private final String field;
  private final Reason reason;

  public CatalogEditRejected(String field, Reason reason, String message) {
    super(message);
    this.field = field;
    this.reason = reason;
  }

  /** The field refused, e.g. {@code name} or {@code questions[2].values}. */
  public String field() {
    return field;
  }

  public Reason reason() {
    return reason;
  }
}
