package org.civic311.requests.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.civic311.requests.NearbyRequest;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Open requests of a category around a point, nearest first, for "is this already reported?". A
 * bounding box on service_request_point_idx (latitude, then longitude inside the index) narrows the
 * rows before the haversine distance is computed, so the cost follows the requests nearby rather than
 * the whole table. Selects public columns only.
 */
@Repository
class NearbyRequestQueries {

  /** Widest circle asked for: a street block or a park, not a neighbourhood. */
  static final int MAX_RADIUS_METERS = 5_000;
  static final int MAX_LIMIT = 100;
  /** Mean Earth radius (IUGG), the radius haversine distances assume. */
  static final double EARTH_RADIUS_METERS = 6_371_008.8;

  private static final String SQL = """
      SELECT number, category_code, status, submitted_at, address, latitude, longitude, followers, first_media, meters
        FROM (SELECT number, category_code, status, submitted_at, address, latitude, longitude, followers,
                     media_urls[1] AS first_media,
                     %s * 2 * asin(sqrt(
                       power(sin(radians(latitude - :lat) / 2), 2)
                       + cos(radians(:lat)) * cos(radians(latitude)) * power(sin(radians(longitude - :lon) / 2), 2))) AS meters
                FROM requests.service_request
               WHERE latitude BETWEEN :south AND :north
                 AND longitude BETWEEN :west AND :east
                 AND category_code = :category
                 AND status NOT IN ('RESOLVED', 'CLOSED')) near
       WHERE meters <= :radius
       ORDER BY meters, submitted_at DESC, number
       LIMIT :limit""".formatted(Double.toString(EARTH_RADIUS_METERS));

  private final JdbcClient jdbc;

  NearbyRequestQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<NearbyRequest> openNear(String categoryCode, double latitude, double longitude, int radiusMeters, int limit) {
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
      throw new IllegalArgumentException("A point needs a latitude from -90 to 90 and a longitude from -180 to 180");
    }
    if (radiusMeters < 1 || radiusMeters > MAX_RADIUS_METERS) {
      throw new IllegalArgumentException("The radius must be from 1 to " + MAX_RADIUS_METERS + " meters");
    }
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("The limit must be from 1 to " + MAX_LIMIT);
    if (categoryCode == null || categoryCode.isBlank()) return List.of();
    // A little wider than the circle, so rounding never drops a request right on its edge.
    double dLat = Math.toDegrees(radiusMeters * 1.001 / EARTH_RADIUS_METERS);
    double cos = Math.cos(Math.toRadians(latitude));
    double dLon = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
    return jdbc.sql(SQL)
        .param("lat", latitude)
        .param("lon", longitude)
        .param("south", latitude - dLat)
        .param("north", latitude + dLat)
        .param("west", longitude - dLon)
        .param("east", longitude + dLon)
        .param("category", categoryCode.strip())
        .param("radius", (double) radiusMeters)
        .param("limit", limit)
        .query(NearbyRequestQueries::nearby)
        .list();
  }

  private static NearbyRequest nearby(ResultSet rs, int row) throws SQLException {
    return new NearbyRequest(
        new RequestNumber(rs.getString("number")),
        rs.getString("category_code"),
        Status.valueOf(rs.getString("status")),
        rs.getTimestamp("submitted_at").toInstant(),
        rs.getString("address"),
        rs.getDouble("latitude"),
        rs.getDouble("longitude"),
        (int) Math.round(rs.getDouble("meters")),
        rs.getInt("followers"),
        rs.getString("first_media"));
  }
}
