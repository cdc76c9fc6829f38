package org.civic311.open311.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.RequestQuery;
import org.civic311.requests.RequestQuery.BoundingBox;
import org.jspecify.annotations.Nullable;

/**
 * Reads GET Service Requests parameters into a {@link RequestQuery}: the spec's filters, its default
 * window ("a span of 90 days or first 1000 requests, whichever is smallest") and the common
 * extensions.
 *
 * <p>The 90-day window applies to requested_datetime. When a client asks by update time instead
 * (updated_after/updated_before, as Chicago's and Bloomington's clients do to sync), no default
 * submission window is added, so an old request updated today is found; the page size still bounds
 * the answer.
 */
final class RequestSearch {

  static final Duration MAX_WINDOW = Duration.ofDays(90);
  static final int MAX_PAGE_SIZE = 1000;
  private static final int MAX_PAGE = 1_000_000;
  private static final int MAX_SEARCH_TEXT = 200;

  private RequestSearch() {}

  /** The query, or empty when the parameters can match nothing (only ids that cannot exist). */
  static Optional<RequestQuery> read(Open311Parameters parameters, Instant now) {
    List<String> forbidden = parameters.withForbiddenCharacters();
    if (!forbidden.isEmpty()) {
      throw Open311Exception.badRequest(
          forbidden.stream().map(name -> name + " contains control characters, which are not allowed").toList());
    }
    boolean extensions = parameters.flag("extensions");
    List<String> ids = parameters.list("service_request_id");
    if (!ids.isEmpty()) {
      // The spec: a list of ids overrides every other argument. Ids that cannot exist match nothing.
      List<RequestNumber> numbers =
          ids.stream().filter(RequestNumber::isWellFormed).distinct().limit(MAX_PAGE_SIZE).map(RequestNumber::new).toList();
      if (numbers.isEmpty()) return Optional.empty();
      return Optional.of(
          new RequestQuery(
              numbers, List.of(), Set.of(), null, null, null, null, null, null, 1, numbers.size(), extensions));
    }

    var problems = new Open311Exception.Problems();
    Instant start = date(parameters, "start_date", problems);
    Instant end = date(parameters, "end_date", problems);
    Instant updatedAfter = date(parameters, "updated_after", problems);
    Instant updatedBefore = date(parameters, "updated_before", problems);
    Set<String> statuses = statuses(parameters, problems);
    BoundingBox area = bbox(parameters, problems);
    int page = page(parameters, problems);
    int pageSize = pageSize(parameters, problems);
    String text = parameters.one("q").orElse(null);
    if (text != null && text.length() > MAX_SEARCH_TEXT) {
      problems.add("q is too long: at most " + MAX_SEARCH_TEXT + " characters");
    }
    problems.throwIfAny();

    boolean byUpdate = updatedAfter != null || updatedBefore != null;
    if (start != null && end != null) {
      if (start.isAfter(end)) throw Open311Exception.badRequest("start_date must not be after end_date");
      if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
        throw Open311Exception.badRequest(
            "start_date and end_date may not span more than 90 days: ask for several windows of at most 90 days");
      }
    } else if (start != null) {
      end = start.plus(MAX_WINDOW);
    } else if (end != null) {
      start = end.minus(MAX_WINDOW);
    } else if (!byUpdate) {
      end = now;
      start = now.minus(MAX_WINDOW);
    }
    if (updatedAfter != null && updatedBefore == null) updatedBefore = now;
    if (updatedAfter != null && updatedBefore != null && updatedAfter.isAfter(updatedBefore)) {
      throw Open311Exception.badRequest("updated_after must not be after updated_before");
    }
    List<String> codes = parameters.list("service_code").stream().distinct().limit(MAX_PAGE_SIZE).toList();
    return Optional.of(
        new RequestQuery(
            List.of(), codes, statuses, start, end, updatedAfter, updatedBefore, area, text, page, pageSize, extensions));
  }

  private static @Nullable Instant date(Open311Parameters parameters, String name, Open311Exception.Problems problems) {
    try {
      return parameters.datetime(name).orElse(null);
    } catch (Open311Exception e) {
      e.descriptions().forEach(problems::add);
      return null;
    }
  }

  private static Set<String> statuses(Open311Parameters parameters, Open311Exception.Problems problems) {
    var statuses = new HashSet<String>();
    for (String status : parameters.list("status")) {
      String s = status.toLowerCase(Locale.ROOT);
      if (s.equals("open") || s.equals("closed")) {
        statuses.add(s);
      } else {
        problems.add("status must be open, closed or both separated by a comma");
      }
    }
    return statuses;
  }

  private static @Nullable BoundingBox bbox(Open311Parameters parameters, Open311Exception.Problems problems) {
    var value = parameters.one("bbox");
    if (value.isEmpty()) return null;
    String[] parts = value.get().split(",", -1);
    String message = "bbox must be minLong,minLat,maxLong,maxLat in WGS84 degrees, e.g. -77.12,38.80,-76.90,38.99";
    if (parts.length != 4) {
      problems.add(message);
      return null;
    }
    Double[] n = new Double[4];
    for (int i = 0; i < 4; i++) {
      n[i] = Open311Parameters.decimal(parts[i].strip());
      if (n[i] == null) {
        problems.add(message);
        return null;
      }
    }
    double minLong = n[0], minLat = n[1], maxLong = n[2], maxLat = n[3];
    boolean valid =
        minLat >= -90 && maxLat <= 90 && minLong >= -180 && maxLong <= 180 && minLat <= maxLat && minLong <= maxLong;
    if (!valid) {
      problems.add(message);
      return null;
    }
    return new BoundingBox(minLat, minLong, maxLat, maxLong);
  }

  private static int page(Open311Parameters parameters, Open311Exception.Problems problems) {
    try {
      int page = parameters.integer("page").orElse(1);
      if (page > MAX_PAGE) problems.add("page is too large");
      return Math.max(1, Math.min(page, MAX_PAGE));
    } catch (Open311Exception e) {
      e.descriptions().forEach(problems::add);
      return 1;
    }
  }

  private static int pageSize(Open311Parameters parameters, Open311Exception.Problems problems) {
    try {
      int size = parameters.integer("page_size").orElse(MAX_PAGE_SIZE);
      if (size < 1) problems.add("page_size must be between 1 and " + MAX_PAGE_SIZE);
      return Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    } catch (Open311Exception e) {
      e.descriptions().forEach(problems::add);
      return MAX_PAGE_SIZE;
    }
  }
}
