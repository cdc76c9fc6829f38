package org.civic311.open311.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of one Open311 call, from the query string and the form body alike (clients put
 * jurisdiction_id and api_key in either). Open311 says an empty parameter means the same as a missing
 * one, so blank values are ignored; a repeated single-valued parameter counts once, by its first value.
 */
final class Open311Parameters {

  /** Control characters other than tab and line breaks; PostgreSQL rejects NUL outright. */
  private static final Pattern FORBIDDEN_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,20}(\\.\\d{0,20})?|\\.\\d{1,20})");

  private final Map<String, List<String>> values;

  Open311Parameters(Map<String, List<String>> values) {
    var copy = new LinkedHashMap<String, List<String>>();
    values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    this.values = copy;
  }

  static Open311Parameters of(HttpServletRequest request) {
    var map = new LinkedHashMap<String, List<String>>();
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (IllegalStateException e) {
      // Tomcat refuses to parse parameters that are badly encoded, too many or too large.
      throw Open311Exception.badRequest(
          "The request's parameters could not be read: they are badly encoded, too many or too large");
    }
    parameters.forEach((name, list) -> map.put(name, Arrays.asList(list)));
    return new Open311Parameters(map);
  }

  Map<String, List<String>> all() {
    return values;
  }

  /** The first non-blank value, stripped of surrounding white space. */
  Optional<String> one(String name) {
    return values.getOrDefault(name, List.of()).stream()
        .filter(v -> v != null && !v.isBlank())
        .map(String::strip)
        .findFirst();
  }

  /** The first non-blank value as sent (free text keeps its white space). */
  Optional<String> text(String name) {
    return values.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).findFirst();
  }

  /** Every value of a repeatable or comma-separated parameter, stripped, blanks dropped. */
  List<String> list(String name) {
    var result = new ArrayList<String>();
    for (String value : values.getOrDefault(name, List.of())) {
      if (value == null) continue;
      for (String part : value.split(",")) {
        if (!part.isBlank()) result.add(part.strip());
      }
    }
    return result;
  }

  /** Every non-blank value of a repeatable parameter, without splitting at commas (URLs contain them). */
  List<String> repeated(String name) {
    return values.getOrDefault(name, List.of()).stream()
        .filter(v -> v != null && !v.isBlank())
        .map(String::strip)
        .toList();
  }

  Optional<Instant> datetime(String name) {
    return one(name).map(v -> W3cDates.parse(name, v));
  }

  Optional<Integer> integer(String name) {
    return one(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw Open311Exception.badRequest(name + " must be a whole number");
              }
            });
  }

  boolean flag(String name) {
    return one(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
  }

  /** The names of parameters whose name or value has characters no request may contain. */
  List<String> withForbiddenCharacters() {
    var names = new ArrayList<String>();
    values.forEach(
        (name, list) -> {
          boolean bad =
              FORBIDDEN_CHARACTERS.matcher(name).find()
                  || hasLoneSurrogate(name)
                  || list.stream().anyMatch(v -> v != null && (FORBIDDEN_CHARACTERS.matcher(v).find() || hasLoneSurrogate(v)));
          if (bad) names.add(printable(name));
        });
    return names;
  }

  /** A decimal number in plain notation; null when it is not one (no NaN, infinity or hex floats). */
  static @Nullable Double decimal(String value) {
    if (!NUMBER.matcher(value).matches()) return null;
    return Double.parseDouble(value);
  }

  /** A parameter name made safe to echo in a message. */
  static String printable(String name) {
    String cleaned = FORBIDDEN_CHARACTERS.matcher(name).replaceAll("?");
    return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
