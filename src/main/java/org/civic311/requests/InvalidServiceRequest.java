package org.civic311.requests;

import java.util.List;
import java.util.stream.Collectors;

/** A submission or change that breaks a rule: every problem is named so the client can fix them all. */
public class InvalidServiceRequest extends RuntimeException {

  private final List<Violation> violations;

  public InvalidServiceRequest(List<Violation> violations) {
    super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public InvalidServiceRequest(Violation violation) {
    this(List.of(violation));
  }

  public List<Violation> violations() {
    return violations;
  }

  /**
   * One problem.
   *
   * @param field the input at fault in Open311 terms, e.g. {@code service_code}, {@code
   *     attribute[SIZE]}, {@code lat}, {@code description}
   * @param kind what is wrong
   * @param message a sentence for the person who sent it
   */
  public record Violation(String field, Kind kind, String message) {}

  public enum Kind {
    MISSING,
    INVALID,
    /** The category does not exist (a 404 in Open311 terms). */
    UNKNOWN_CATEGORY,
    TOO_LONG
  }
}
