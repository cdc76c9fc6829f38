package org.civic311.catalog;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The city or town this Civic311 serves.
 *
 * @param id the Open311 jurisdiction_id, the city's web domain without www (e.g. {@code
 *     springfield.example.gov})
 * @param name the name residents know, e.g. "City of Springfield"
 * @param timeZone where datetimes are shown
 * @param bounds the area requests may be located in; null when not limited
 * @param contact who to ask about the Open311 API (shown in discovery)
 * @param keyService how to get an API key (shown in discovery)
 */
public record Jurisdiction(
    String id, String name, ZoneId timeZone, @Nullable Bounds bounds, String contact, String keyService) {

  /** A latitude/longitude box: south, west, north, east in WGS84 degrees. */
  public record Bounds(double south, double west, double north, double east) {
    public boolean contains(double latitude, double longitude) {
      return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
    }
  }
}
