package org.civic311.requests.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.requests.Priority;
import org.civic311.requests.QueuePage;
import org.civic311.requests.QueueQuery;
import org.civic311.requests.QueueRow;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.StaffRequestDetails;
import org.civic311.requests.StaffRequestViews;
import org.civic311.requests.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff queues over the whole city's requests with keyset paging: a page is "the next N rows after the
 * last one seen" in the sort's own order, which the indexes of migration V202612050300 serve directly,
 * instead of OFFSET, which reads and throws away every earlier row.
 */
@Component
class StaffQueueQueries implements StaffRequestViews {

  private static final String DUE_KEY = "coalesce(r.expected_at, 'infinity'::timestamptz)";
  /**
   * A number's numeric order (year, then sequence), word for word the expression of
   * service_request_number_order_idx (V202612060200): as text, '2026-1000000' sorts below '2026-999999'.
   */
  static final String NUMBER_KEY = "(left(r.number, 4)::bigint * 1000000000000 + substr(r.number, 6)::bigint)";
  private static final String PRIORITY_RANK =
      "(CASE r.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END)";
  /** Word for word the predicate of the partial queue indexes, so the planner can use them. */
  static final String OPEN = "r.status NOT IN ('RESOLVED','CLOSED')";

  private final JdbcClient jdbc;
  private final RequestRows rows;

  StaffQueueQueries(JdbcClient jdbc, RequestRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  @Override
  public QueuePage queue(QueueQuery query) {
    Sql sql = sql(query);
    var select = jdbc.sql(sql.text());
    sql.params().forEach(select::param);
    List<Keyed> rows = select.query((rs, i) -> new Keyed(row(rs, query.asOf()), key(rs, query.sort()))).list();
    String next = null;
    if (rows.size() > query.limit()) {
      rows = rows.subList(0, query.limit());
      next = encode(rows.getLast().key());
    }
    return new QueuePage(rows.stream().map(Keyed::row).toList(), next);
  }

  /** The statement and its parameters; separate so that tests and EXPLAIN can see what runs. */
  static Sql sql(QueueQuery query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (query.departments() != null) {
      if (query.departments().size() == 1) {
        // One department is the common case; "=" lets the planner pick the per-department indexes.
        where.append(" AND r.department_code = :department");
        params.put("department", query.departments().iterator().next());
      } else {
        where.append(" AND r.department_code = ANY(:departments)");
        params.put("departments", query.departments().stream().sorted().toArray(String[]::new));
      }
    }
    boolean onlyOpen = !query.statuses().isEmpty() && query.statuses().stream().allMatch(Status::isOpen);
    if (onlyOpen || query.overdueOnly()) where.append(" AND ").append(OPEN);
    if (!query.statuses().isEmpty()) {
      where.append(" AND r.status = ANY(:statuses)");
      params.put("statuses", query.statuses().stream().map(Status::name).sorted().toArray(String[]::new));
    }
    if (query.overdueOnly()) {
      where.append(" AND r.status <> 'ON_HOLD' AND r.expected_at IS NOT NULL AND r.expected_at < :asOf");
      params.put("asOf", ServiceRequestRepository.ts(query.asOf()));
    }
    if (!query.categoryCodes().isEmpty()) {
      where.append(" AND r.category_code = ANY(:categories)");
      params.put("categories", query.categoryCodes().stream().sorted().toArray(String[]::new));
    }
    if (!query.priorities().isEmpty()) {
      where.append(" AND r.priority = ANY(:priorities)");
      params.put("priorities", query.priorities().stream().map(Priority::name).sorted().toArray(String[]::new));
    }
    if (query.submittedBefore() != null) {
      where.append(" AND r.submitted_at < :submittedBefore");
      params.put("submittedBefore", ServiceRequestRepository.ts(query.submittedBefore()));
    }
    if (query.submittedAfter() != null) {
      where.append(" AND r.submitted_at >= :submittedAfter");
      params.put("submittedAfter", ServiceRequestRepository.ts(query.submittedAfter()));
    }
    if (query.area() != null) {
      where.append(" AND r.latitude BETWEEN :minLat AND :maxLat AND r.longitude BETWEEN :minLon AND :maxLon");
      params.put("minLat", query.area().minLatitude());
      params.put("maxLat", query.area().maxLatitude());
      params.put("minLon", query.area().minLongitude());
      params.put("maxLon", query.area().maxLongitude());
    }
    if (query.crew() != null && !query.crew().isBlank()) {
      where.append(" AND r.assigned_crew = :crew AND r.assigned_crew IS NOT NULL");
      params.put("crew", query.crew().strip());
    }
    if (query.assignee() != null && !query.assignee().isBlank()) {
      where.append(" AND lower(r.assignee) = lower(:assignee)");
      params.put("assignee", query.assignee().strip());
    }
    if (query.text() != null && !query.text().isBlank()) {
      String text = query.text().strip().replace('\0', ' ');
      if (RequestNumber.isWellFormed(text)) {
        where.append(" AND r.number = :text");
      } else {
        where.append(" AND r.search @@ plainto_tsquery('simple', :text)");
      }
      params.put("text", text);
    }
    if (query.contact() != null && !query.contact().isBlank()) {
      String contact = query.contact().strip();
      String digits = contact.replaceAll("\\D", "");
      // The few requests of one reporter are found first by their own index (an init plan); otherwise
      // the planner may walk a sort index hoping to meet 50 matches soon, and read the whole table.
      if (contact.contains("@")) {
        where.append(" AND r.id = ANY(ARRAY(SELECT s.id FROM requests.service_request s"
            + " WHERE lower(btrim(s.reporter_email)) = lower(btrim(:email)) AND s.reporter_email IS NOT NULL))");
        params.put("email", contact);
      } else if (digits.length() >= 7) {
        // Digits only, matched from the end: a caller gives "(213) 555-0100", the report may hold
        // "+1 213 555 0100". The last seven digits find the rows by the caller-lookup index (V202612050400).
        String wanted = digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
        where.append(" AND r.id = ANY(ARRAY(SELECT s.id FROM requests.service_request s"
            + " WHERE right(regexp_replace(s.reporter_phone, '[^0-9]', '', 'g'), 7) = :last7"
            + " AND regexp_replace(s.reporter_phone, '[^0-9]', '', 'g') LIKE '%' || :phone"
            + " AND s.reporter_phone IS NOT NULL))");
        params.put("phone", wanted);
        params.put("last7", wanted.substring(wanted.length() - 7));
      } else {
        where.append(" AND false");
      }
    }
    String order;
    String keyColumns;
    switch (query.sort()) {
      case DUE -> {
        keyColumns = DUE_KEY + " AS k1, r.number AS k2";
        order = " ORDER BY " + DUE_KEY + ", r.number";
        after(where, params, query.after(), "(" + DUE_KEY + ", r.number) > (:k1::timestamptz, :k2)", 2);
      }
      case SUBMITTED -> {
        keyColumns = "r.submitted_at AS k1, r.number AS k2";
        order = " ORDER BY r.submitted_at DESC, r.number DESC";
        after(where, params, query.after(), "(r.submitted_at, r.number) < (:k1::timestamptz, :k2)", 2);
      }
      case OLDEST -> {
        keyColumns = "r.submitted_at AS k1, r.number AS k2";
        order = " ORDER BY r.submitted_at, r.number";
        after(where, params, query.after(), "(r.submitted_at, r.number) > (:k1::timestamptz, :k2)", 2);
      }
      case PRIORITY -> {
        keyColumns = PRIORITY_RANK + " AS k0, " + DUE_KEY + " AS k1, r.number AS k2";
        order = " ORDER BY " + PRIORITY_RANK + ", " + DUE_KEY + ", r.number";
        after(where, params, query.after(),
            "(" + PRIORITY_RANK + ", " + DUE_KEY + ", r.number) > (:k0::int, :k1::timestamptz, :k2)", 3);
      }
      case NUMBER -> {
        keyColumns = "r.number AS k2";
        // The number itself breaks ties: an imported '2026-0000123' would have the key of '2026-000123'.
        order = " ORDER BY " + NUMBER_KEY + " DESC, r.number DESC";
        after(where, params, query.after(),
            "(" + NUMBER_KEY + ", r.number) < (" + NUMBER_KEY.replace("r.number", "CAST(:k2 AS text)") + ", :k2)", 1);
      }
      default -> throw new IllegalStateException();
    }
    params.put("limit", query.limit() + 1);
    return new Sql(
        "SELECT r.number, r.category_code, r.status, r.priority, r.department_code, r.address, r.latitude,"
            + " r.longitude, left(r.description, 200) AS description, r.submitted_at, r.updated_at, r.expected_at,"
            + " r.followers, r.assigned_crew, r.assignee, "
            + keyColumns
            + " FROM requests.service_request r"
            + where
            + order
            + " LIMIT :limit",
        params);
  }

  private static void after(StringBuilder where, Map<String, Object> params, @Nullable String cursor, String condition, int parts) {
    if (cursor == null || cursor.isBlank()) return;
    String[] key = decode(cursor);
    if (key.length != parts || !fitsSort(key)) {
      throw new IllegalArgumentException("This page link does not belong to this list; start again from the first page.");
    }
    where.append(" AND ").append(condition);
    switch (parts) {
      case 1 -> params.put("k2", key[0]);
      case 2 -> {
        params.put("k1", key[0]);
        params.put("k2", key[1]);
      }
      default -> {
        params.put("k0", Integer.parseInt(key[0]));
        params.put("k1", key[1]);
        params.put("k2", key[2]);
      }
    }
  }

  private static List<String> key(ResultSet rs, QueueQuery.Sort sort) throws SQLException {
    return switch (sort) {
      case DUE, SUBMITTED, OLDEST -> List.of(timestamp(rs, "k1"), rs.getString("k2"));
      case PRIORITY -> List.of(Integer.toString(rs.getInt("k0")), timestamp(rs, "k1"), rs.getString("k2"));
      case NUMBER -> List.of(rs.getString("k2"));
    };
  }

  /** Microsecond-exact text PostgreSQL reads back as the same timestamptz, 'infinity' included. */
  private static String timestamp(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    if (text == null || text.equals("infinity")) return "infinity";
    return rs.getObject(column, java.time.OffsetDateTime.class).toInstant().toString();
  }

  static String encode(List<String> key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", key).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        boolean isNumber = RequestNumber.isWellFormed(part);
        boolean isTime = part.equals("infinity") || isInstant(part);
        boolean isRank = part.matches("[0-3]");
        if (!(isNumber || isTime || isRank)) throw new IllegalArgumentException("bad cursor");
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("This page link does not belong to this list; start again from the first page.", e);
    }
  }

  /** Each part where its sort puts it: [rank,] [time,] number, so an edited link never reaches SQL. */
  private static boolean fitsSort(String[] key) {
    int n = key.length;
    if (!RequestNumber.isWellFormed(key[n - 1])) return false;
    if (n >= 2 && !(key[n - 2].equals("infinity") || isInstant(key[n - 2]))) return false;
    return n < 3 || key[0].matches("[0-3]");
  }

  private static boolean isInstant(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static QueueRow row(ResultSet rs, Instant asOf) throws SQLException {
    Status status = Status.valueOf(rs.getString("status"));
    Instant expected = ServiceRequestRepository.instant(rs, "expected_at");
    double lat = rs.getDouble("latitude");
    Double latitude = rs.wasNull() ? null : lat;
    double lon = rs.getDouble("longitude");
    Double longitude = rs.wasNull() ? null : lon;
    return new QueueRow(
        new RequestNumber(rs.getString("number")),
        rs.getString("category_code"),
        status,
        Priority.valueOf(rs.getString("priority")),
        rs.getString("department_code"),
        rs.getString("address"),
        latitude,
        longitude,
        rs.getString("description"),
        ServiceRequestRepository.instant(rs, "submitted_at"),
        ServiceRequestRepository.instant(rs, "updated_at"),
        expected,
        status.isOpen() && status != Status.ON_HOLD && expected != null && expected.isBefore(asOf),
        rs.getInt("followers"),
        rs.getString("assigned_crew"),
        rs.getString("assignee"));
  }

  @Override
  public Optional<StaffRequestDetails> staffView(RequestNumber number) {
    return jdbc.sql(
            "SELECT " + ServiceRequestRepository.COLUMNS + RequestRows.FULL_HISTORY
                + " FROM requests.service_request r WHERE r.number = ?")
        .param(number.value())
        .query((rs, i) -> new StaffRequestDetails(rows.details(rs), rs.getString("assignee")))
        .optional();
  }

  record Sql(String text, Map<String, Object> params) {}

  private record Keyed(QueueRow row, List<String> key) {}
}
