package org.civic311.open311.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** A failure to answer with an Open311 error list: one HTTP status, one or more descriptions. */
class Open311Exception extends RuntimeException {

  private final HttpStatus status;
  private final List<String> descriptions;

  Open311Exception(HttpStatus status, List<String> descriptions) {
    super(status.value() + ": " + String.join("; ", descriptions), null, false, false);
    if (descriptions.isEmpty()) throw new IllegalArgumentException("An error list needs an error");
    this.status = status;
    this.descriptions = List.copyOf(descriptions);
  }

  static Open311Exception badRequest(String description) {
    return new Open311Exception(HttpStatus.BAD_REQUEST, List.of(description));
  }

  static Open311Exception badRequest(List<String> descriptions) {
    return new Open311Exception(HttpStatus.BAD_REQUEST, descriptions);
  }

  static Open311Exception notFound(String description) {
    return new Open311Exception(HttpStatus.NOT_FOUND, List.of(description));
  }

  static Open311Exception forbidden(String description) {
    return new Open311Exception(HttpStatus.FORBIDDEN, List.of(description));
  }

  HttpStatus status() {
    return status;
  }

  List<String> descriptions() {
    return descriptions;
  }

  /** Collects problems so a client learns about all of them at once. */
  static final class Problems {
    private final java.util.ArrayList<String> list = new java.util.ArrayList<>();

    void add(String description) {
      list.add(description);
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    void throwIfAny() {
      if (!list.isEmpty()) throw badRequest(list.stream().distinct().collect(Collectors.toList()));
    }
  }
}
