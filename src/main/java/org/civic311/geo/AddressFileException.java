package org.civic311.geo;

import java.util.List;

/** An address CSV that cannot be imported; every problem names its line (the header is line 1). */
public final class AddressFileException extends RuntimeException {

  private final List<Problem> problems;

  public AddressFileException(List<Problem> problems) {
    this("The address file", problems);
  }

  /** The problems of a named file, e.g. {@code classpath:city/springfield-addresses.csv}. */
  public AddressFileException(String file, List<Problem> problems) {
    super(message(file, problems));
    if (problems.isEmpty()) throw new IllegalArgumentException("An address file problem needs at least one problem");
    this.problems = List.copyOf(problems);
  }

  /** The problems found, in line order (at most the first ten). */
  public List<Problem> problems() {
    return problems;
  }

  /** The line of the first problem. */
  public long line() {
    return problems.getFirst().line();
  }

  private static String message(String file, List<Problem> problems) {
    StringBuilder message = new StringBuilder(file).append(" cannot be imported:");
    for (Problem problem : problems) message.append(System.lineSeparator()).append("  ").append(problem);
    return message.toString();
  }

  /** One bad line of an address file. */
  public record Problem(long line, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }
}
