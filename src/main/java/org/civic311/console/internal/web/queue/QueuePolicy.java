package org.civic311.console.internal.web.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.identity.StaffMember;
import org.civic311.requests.Priority;
import org.civic311.requests.QueueQuery;
import org.civic311.requests.RequestQuery.BoundingBox;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;

/**
 * Turns a member's queue filters into a query: the departments they may see (never more, whatever the
 * URL says), the filters checked one by one with a message key for each problem, and whether a
 * reporter-contact search is allowed. No Spring, so it is tested as plain rules.
 */
final class QueuePolicy {

  static final int PAGE_SIZE = 50;
  static final int MAX_RADIUS = 5_000;
  private static final Set<Status> OPEN = EnumSet.of(Status.NEW, Status.ACKNOWLEDGED, Status.ASSIGNED, Status.IN_PROGRESS, Status.ON_HOLD);

  private QueuePolicy() {}

  /** A filter problem: the field and the message key (console-queue bundle). */
  record Problem(String field, String messageKey) {}

  /** Either a query, or the problems that stopped it; {@code refused} when the member asked for a department they may not see. */
  record Outcome(@Nullable QueueQuery query, List<Problem> problems, boolean refused, boolean contactSearch) {}

  /**
   * @param allDepartments every department code of the catalog
   * @param geocode an address to its point (lat, lon), empty when unknown
   */
  static Outcome build(
      QueueFilter filter,
      StaffMember member,
      ConsoleAccess access,
      List<String> allDepartments,
      Instant now,
      Function<String, Optional<double[]>> geocode) {
    List<Problem> problems = new ArrayList<>();
    @Nullable Set<String> departments = visibleDepartments(member, access, allDepartments);
    if (filter.department() != null && !filter.department().isBlank()) {
      String chosen = filter.department().strip();
      if (!allDepartments.contains(chosen)) {
        problems.add(new Problem("department", "queue.problem.department"));
      } else if (!access.canSeeDepartment(member, chosen)) {
        return new Outcome(null, List.of(), true, false);
      } else {
        departments = Set.of(chosen);
      }
    }

    Set<Status> statuses = EnumSet.noneOf(Status.class);
    List<String> statusValues = filter.status() == null ? List.of() : filter.status();
    if (statusValues.isEmpty()) {
      statuses.addAll(OPEN);
    } else if (!statusValues.contains("ALL")) {
      for (String s : statusValues) {
        parse(Status.class, s).ifPresentOrElse(statuses::add, () -> problems.add(new Problem("status", "queue.problem.status")));
      }
    }
    Set<Priority> priorities = EnumSet.noneOf(Priority.class);
    for (String p : filter.priority() == null ? List.<String>of() : filter.priority()) {
      parse(Priority.class, p).ifPresentOrElse(priorities::add, () -> problems.add(new Problem("priority", "queue.problem.priority")));
    }
    Set<String> categories = new LinkedHashSet<>(filter.category() == null ? List.of() : filter.category());

    Instant submittedBefore = null;
    if (present(filter.olderThan())) {
      Integer days = integer(filter.olderThan());
      if (days == null || days < 0 || days > 3650) problems.add(new Problem("olderThan", "queue.problem.olderThan"));
      else submittedBefore = now.minus(Duration.ofDays(days));
    }

    BoundingBox area = null;
    if (present(filter.bbox())) {
      area = bbox(filter.bbox());
      if (area == null) problems.add(new Problem("bbox", "queue.problem.bbox"));
    }
    if (present(filter.near())) {
      int radius = 500;
      if (present(filter.radius())) {
        Integer r = integer(filter.radius());
        if (r == null || r < 10 || r > MAX_RADIUS) {
          problems.add(new Problem("radius", "queue.problem.radius"));
          r = 500;
        }
        radius = r;
      }
      Optional<double[]> point = geocode.apply(filter.near().strip());
      if (point.isEmpty()) problems.add(new Problem("near", "queue.problem.near"));
      else area = around(point.get()[0], point.get()[1], radius);
    }

    QueueQuery.Sort sort = switch (filter.sortOrDefault()) {
      case "due" -> QueueQuery.Sort.DUE;
      case "submitted" -> QueueQuery.Sort.SUBMITTED;
      case "oldest" -> QueueQuery.Sort.OLDEST;
      case "priority" -> QueueQuery.Sort.PRIORITY;
      case "number" -> QueueQuery.Sort.NUMBER;
      default -> {
        problems.add(new Problem("sort", "queue.problem.sort"));
        yield QueueQuery.Sort.DUE;
      }
    };

    boolean contactSearch = present(filter.contact());
    if (contactSearch && !mayEachSeeContact(member, access, departments, allDepartments)) {
      problems.add(new Problem("contact", "queue.problem.contact"));
    }

    if (!problems.isEmpty()) return new Outcome(null, problems, false, contactSearch);
    return new Outcome(
        new QueueQuery(
            departments,
            statuses,
            categories,
            priorities,
            filter.overdueOnly(),
            submittedBefore,
            null,
            area,
            blankToNull(filter.crew()),
            blankToNull(filter.assignee()),
            blankToNull(filter.q()),
            contactSearch ? filter.contact().strip() : null,
            sort,
            now,
            blankToNull(filter.after()),
            PAGE_SIZE),
        List.of(),
        false,
        contactSearch);
  }

  /** The departments whose requests the member may read; null when that is every department. */
  static @Nullable Set<String> visibleDepartments(StaffMember member, ConsoleAccess access, List<String> allDepartments) {
    Set<String> visible = new LinkedHashSet<>();
    for (String d : allDepartments) if (access.canSeeDepartment(member, d)) visible.add(d);
    return visible.size() == allDepartments.size() ? null : visible;
  }

  private static boolean mayEachSeeContact(
      StaffMember member, ConsoleAccess access, @Nullable Set<String> departments, List<String> allDepartments) {
    var scope = departments == null ? allDepartments : departments;
    return !scope.isEmpty() && scope.stream().allMatch(d -> access.canSeeReporterContact(member, d));
  }

  /** A box of about {@code meters} around a point; the queue is a list, not a circle on a map. */
  static BoundingBox around(double lat, double lon, int meters) {
    double dLat = meters / 111_320.0;
    double dLon = meters / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
    return new BoundingBox(lat - dLat, lon - dLon, lat + dLat, lon + dLon);
  }

  static @Nullable BoundingBox bbox(String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) return null;
    try {
      double minLat = Double.parseDouble(parts[0].strip());
      double minLon = Double.parseDouble(parts[1].strip());
      double maxLat = Double.parseDouble(parts[2].strip());
      double maxLon = Double.parseDouble(parts[3].strip());
      boolean valid = minLat >= -90 && maxLat <= 90 && minLon >= -180 && maxLon <= 180 && minLat <= maxLat && minLon <= maxLon;
      return valid ? new BoundingBox(minLat, minLon, maxLat, maxLon) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    try {
      return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static @Nullable Integer integer(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean present(@Nullable String s) {
    return s != null && !s.isBlank();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return present(s) ? s.strip() : null;
  }
}
