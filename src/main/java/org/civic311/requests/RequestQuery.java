package org.civic311.requests;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search over requests (the Open311 GET requests filters and their common extensions). Empty lists
 * and nulls mean "any".
 *
 * @param numbers exact numbers; when given, every other filter is ignored (as Open311 says)
 * @param categoryCodes service codes
 * @param openClosed {@code open} and/or {@code closed}, in Open311's sense
 * @param submittedFrom earliest submission time (Open311 start_date)
 * @param submittedTo latest submission time (Open311 end_date)
 * @param updatedAfter last change strictly after
 * @param updatedBefore last change strictly before
 * @param area a bounding box
 * @param text full-text search in number, description and address
 * @param page 1-based
 * @param pageSize rows per page
 * @param withHistory whether to load each request's public history
 */
public record RequestQuery(
    List<RequestNumber> numbers,
    List<String> categoryCodes,
    Set<String> openClosed,
    @Nullable Instant submittedFrom,
    @Nullable Instant submittedTo,
    @Nullable Instant updatedAfter,
    @Nullable Instant updatedBefore,
    @Nullable BoundingBox area,
    @Nullable String text,
    int page,
    int pageSize,
    boolean withHistory) {

  public RequestQuery {
    numbers = List.copyOf(numbers);
    categoryCodes = List.copyOf(categoryCodes);
    openClosed = Set.copyOf(openClosed);
    if (page < 1) throw new IllegalArgumentException("page starts at 1");
    if (pageSize < 1) throw new IllegalArgumentException("page size must be positive");
  }

  /** A box in WGS84 degrees. */
  public record BoundingBox(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude) {}
}
