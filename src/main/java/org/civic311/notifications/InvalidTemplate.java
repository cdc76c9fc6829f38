package org.civic311.notifications;

import java.util.List;

/** A template that cannot be used: unknown variables, unclosed sections, an empty body. */
public class InvalidTemplate extends RuntimeException {

  private final List<String> problems;

  public InvalidTemplate(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
