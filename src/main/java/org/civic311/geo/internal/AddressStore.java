package org.civic311.geo.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.civic311.geo.Address;
import org.civic311.geo.Addresses;
import org.civic311.geo.ImportSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the geo schema. */
@Repository
class AddressStore {

  /** Mean Earth radius (IUGG), the radius haversine distances assume. */
  static final double EARTH_RADIUS_METERS = 6_371_008.8;

  private static final String COLUMNS = "id, label, house_number, street, zip, latitude, longitude";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  AddressStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Ranks, best first: labels that start with the typed words, labels that start with them with the
   * last word still being typed ("200" before "2000 ..."), labels with the typed words starting at a
   * later word ("spring st" in "403 S Spring St"), labels containing them, then near misses ("sprng").
   * Near misses are only looked for when nothing contains the input: trigram similarity costs far more
   * per row than LIKE. Inputs under three characters only use the prefix index: a trigram search
   * for "2" would read every row.
   */
  List<Address> suggest(String key, int limit) {
    String literal = likeLiteral(key);
    boolean shortKey = key.length() < 3;
    List<Address> found = new ArrayList<>(jdbc.sql("""
            SELECT %s,
                   CASE WHEN search_key = :key OR search_key LIKE :words THEN 0
                        WHEN search_key LIKE :prefix THEN 1
                        WHEN search_key LIKE :laterWord THEN 2
                        ELSE 3 END AS rank
              FROM geo.address
             WHERE search_key LIKE %s
             ORDER BY rank, length(search_key), search_key, id
             LIMIT :limit""".formatted(COLUMNS, shortKey ? ":prefix" : ":contains"))
        .param("key", key)
        .param("words", literal + " %")
        .param("prefix", literal + "%")
        .param("laterWord", "% " + literal + "%")
        .param("contains", "%" + literal + "%")
        .param("limit", limit)
        .query(AddressStore::address)
        .list());
    if (found.isEmpty() && !shortKey) {
      // A typo. When the input starts with a house number, that number is most likely right: compare
      // only the addresses with it (prefix index) before comparing the whole city (trigram index).
      String houseNumber = key.split(" ", 2)[0];
      if (key.contains(" ") && houseNumber.chars().allMatch(Character::isDigit)) {
        found.addAll(nearMisses(key, "search_key LIKE :house AND word_similarity(:key, search_key) >= 0.5", likeLiteral(houseNumber) + " %", limit));
      }
      if (found.isEmpty()) {
        // The planner's selectivity for <% is a fixed guess that makes it read the whole table and
        // compare every row; the trigram index reads only the candidates. SET LOCAL ends with the
        // read-only transaction the facade opens.
        jdbc.sql("SET LOCAL enable_seqscan = off").update();
        found.addAll(nearMisses(key, ":key <% search_key", "", limit));
      }
    }
    return found;
  }

  private List<Address> nearMisses(String key, String condition, String house, int limit) {
    return jdbc.sql("""
            SELECT %s FROM geo.address
             WHERE %s
             ORDER BY word_similarity(:key, search_key) DESC, length(search_key), search_key, id
             LIMIT :limit""".formatted(COLUMNS, condition))
        .param("key", key)
        .param("house", house)
        .param("limit", limit)
        .query(AddressStore::address)
        .list();
  }

  Optional<Address> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM geo.address WHERE id = :id").param("id", id).query(AddressStore::address).optional();
  }

  /** A bounding box on the point index narrows the rows; the haversine distance orders them. */
  Optional<Address> nearest(double latitude, double longitude, int withinMeters) {
    double dLat = Math.toDegrees(withinMeters / EARTH_RADIUS_METERS);
    double cos = Math.cos(Math.toRadians(latitude));
    double dLon = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
    return jdbc.sql("""
            SELECT %s FROM (
              SELECT %s, %s * 2 * asin(sqrt(
                       power(sin(radians(latitude - :lat) / 2), 2)
                       + cos(radians(:lat)) * cos(radians(latitude)) * power(sin(radians(longitude - :lon) / 2), 2))) AS meters
                FROM geo.address
               WHERE latitude BETWEEN :south AND :north AND longitude BETWEEN :west AND :east) near
             WHERE meters <= :within
             ORDER BY meters, id
             LIMIT 1""".formatted(COLUMNS, COLUMNS, Double.toString(EARTH_RADIUS_METERS)))
        .param("lat", latitude)
        .param("lon", longitude)
        .param("south", latitude - dLat)
        .param("north", latitude + dLat)
        .param("west", longitude - dLon)
        .param("east", longitude + dLon)
        .param("within", (double) withinMeters)
        .query(AddressStore::address)
        .optional();
  }

  /**
   * Adds and updates the rows in one statement (arrays unnested, so a city of a million addresses is
   * one round trip), then removes the others when replacing. Call inside a transaction.
   */
  ImportSummary store(AddressCsv.Rows file, Addresses.Mode mode) {
    List<AddressCsv.Row> rows = file.rows();
    int[] counts = template.execute((Connection connection) -> {
      try (var statement = connection.prepareStatement("""
          WITH incoming AS (
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[])
                       AS t(label, house_number, street, zip, latitude, longitude, search_key)),
          stored AS (
            INSERT INTO geo.address AS a (label, house_number, street, zip, latitude, longitude, search_key)
            SELECT label, house_number, street, zip, latitude, longitude, search_key FROM incoming
            ON CONFLICT (search_key, (coalesce(zip, ''))) DO UPDATE
              SET label = excluded.label, house_number = excluded.house_number, street = excluded.street,
                  latitude = excluded.latitude, longitude = excluded.longitude
              WHERE (a.label, a.house_number, a.street, a.latitude, a.longitude)
                    IS DISTINCT FROM (excluded.label, excluded.house_number, excluded.street, excluded.latitude, excluded.longitude)
            RETURNING (xmax = 0) AS added)
          SELECT count(*) FILTER (WHERE added), count(*) FILTER (WHERE NOT added) FROM stored""")) {
        statement.setArray(1, array(connection, "text", rows, AddressCsv.Row::label));
        statement.setArray(2, array(connection, "text", rows, AddressCsv.Row::houseNumber));
        statement.setArray(3, array(connection, "text", rows, AddressCsv.Row::street));
        statement.setArray(4, array(connection, "text", rows, AddressCsv.Row::zip));
        statement.setArray(5, array(connection, "float8", rows, AddressCsv.Row::latitude));
        statement.setArray(6, array(connection, "float8", rows, AddressCsv.Row::longitude));
        statement.setArray(7, array(connection, "text", rows, AddressCsv.Row::searchKey));
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          return new int[] {rs.getInt(1), rs.getInt(2)};
        }
      }
    });
    int removed = 0;
    if (mode == Addresses.Mode.REPLACE) {
      removed = template.execute((Connection connection) -> {
        try (var statement = connection.prepareStatement("""
            DELETE FROM geo.address a
             WHERE NOT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[]) AS t(search_key, zip)
                                WHERE t.search_key = a.search_key AND coalesce(t.zip, '') = coalesce(a.zip, ''))""")) {
          statement.setArray(1, array(connection, "text", rows, AddressCsv.Row::searchKey));
          statement.setArray(2, array(connection, "text", rows, AddressCsv.Row::zip));
          return statement.executeUpdate();
        }
      });
    }
    int added = counts[0];
    int updated = counts[1];
    return new ImportSummary(added, updated, rows.size() - added - updated, removed, file.repeated());
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM geo.address").query(Long.class).single();
  }

  /** The last load, when there was one. */
  Optional<Source> source() {
    return jdbc.sql("SELECT origin, location, sha256 FROM geo.address_source")
        .query((rs, n) -> new Source(rs.getString("origin"), rs.getString("location"), rs.getString("sha256")))
        .optional();
  }

  void recordSource(String origin, @Nullable String location, @Nullable String sha256, long rows, Instant at) {
    jdbc.sql("""
            INSERT INTO geo.address_source (origin, location, sha256, rows, loaded_at)
            VALUES (:origin, :location, :sha256, :rows, :at)
            ON CONFLICT (singleton) DO UPDATE SET origin = excluded.origin, location = excluded.location,
              sha256 = excluded.sha256, rows = excluded.rows, loaded_at = excluded.loaded_at""")
        .param("origin", origin)
        .param("location", location)
        .param("sha256", sha256)
        .param("rows", rows)
        .param("at", java.sql.Timestamp.from(at))
        .update();
  }

  /** Where the stored addresses came from: {@code ADDRESS_FILE} (with location and checksum) or {@code IMPORT}. */
  record Source(String origin, @Nullable String location, @Nullable String sha256) {}

  private static Array array(Connection connection, String type, List<AddressCsv.Row> rows, Function<AddressCsv.Row, @Nullable Object> value)
      throws SQLException {
    Object[] values = new Object[rows.size()];
    for (int i = 0; i < values.length; i++) values[i] = value.apply(rows.get(i));
    return connection.createArrayOf(type, values);
  }

  /** Keys hold only letters, digits and spaces, but a LIKE pattern must never depend on that. */
  private static String likeLiteral(String key) {
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Address address(ResultSet rs, int row) throws SQLException {
    return new Address(
        rs.getLong("id"),
        rs.getString("label"),
        rs.getString("house_number"),
        rs.getString("street"),
        rs.getString("zip"),
        rs.getDouble("latitude"),
        rs.getDouble("longitude"));
  }
}
