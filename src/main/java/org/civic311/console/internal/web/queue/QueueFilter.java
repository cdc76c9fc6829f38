package org.civic311.console.internal.web.queue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The queue page's filters exactly as typed (all text, so a bad value is shown back with a message
 * instead of failing the page); {@link QueuePolicy} turns them into a query.
 *
 * @param status stages; none means the open ones, {@code ALL} every stage
 * @param olderThan age in days
 * @param near an address; the queue shows requests within {@code radius} meters of it
 * @param bbox {@code minLat,minLon,maxLat,maxLon}
 * @param after the page cursor
 */
public record QueueFilter(
    @Nullable List<String> status,
    @Nullable List<String> category,
    @Nullable List<String> priority,
    @Nullable String overdue,
    @Nullable String olderThan,
    @Nullable String department,
    @Nullable String crew,
    @Nullable String assignee,
    @Nullable String q,
    @Nullable String contact,
    @Nullable String near,
    @Nullable String radius,
    @Nullable String bbox,
    @Nullable String sort,
    @Nullable String after) {

  public QueueFilter {
    status = clean(status);
    category = clean(category);
    priority = clean(priority);
  }

  static QueueFilter empty() {
    return new QueueFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public boolean overdueOnly() {
    return overdue != null && !overdue.isBlank() && !overdue.equalsIgnoreCase("false");
  }

  public boolean has(String field, String value) {
    List<String> values = switch (field) {
      case "status" -> status;
      case "category" -> category;
      case "priority" -> priority;
      default -> List.of();
    };
    return values != null && values.contains(value);
  }

  public String sortOrDefault() {
    return sort == null || sort.isBlank() ? "due" : sort.strip().toLowerCase(Locale.ROOT);
  }

  /** The filters as a URL query string, without the page cursor: what a saved view keeps. */
  public String toQueryString() {
    List<String> parts = new ArrayList<>();
    each(parts, "status", status);
    each(parts, "category", category);
    each(parts, "priority", priority);
    one(parts, "overdue", overdueOnly() ? "true" : null);
    one(parts, "olderThan", olderThan);
    one(parts, "department", department);
    one(parts, "crew", crew);
    one(parts, "assignee", assignee);
    one(parts, "q", q);
    // A reporter's contact never goes into a saved view or a link: it would end up in logs and history.
    one(parts, "near", near);
    one(parts, "radius", radius);
    one(parts, "bbox", bbox);
    one(parts, "sort", sort);
    return String.join("&", parts);
  }

  /** This filter on another page of the same list. */
  public String withAfter(String cursor) {
    String base = toQueryString();
    return (base.isEmpty() ? "" : base + "&") + "after=" + encode(cursor);
  }

  private static void each(List<String> parts, String name, @Nullable List<String> values) {
    if (values != null) values.forEach(v -> one(parts, name, v));
  }

  private static void one(List<String> parts, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) parts.add(name + "=" + encode(value.strip()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static @Nullable List<String> clean(@Nullable List<String> values) {
    return values == null ? null : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }
}
