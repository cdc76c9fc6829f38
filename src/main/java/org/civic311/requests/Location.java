package org.civic311.requests;

import org.jspecify.annotations.Nullable;

/**
 * Where the problem is: a point, an address, or both.
 *
 * @param latitude WGS84 degrees, -90..90; null when only an address is known
 * @param longitude WGS84 degrees, -180..180; null when only an address is known
 * @param address human readable, most specific part first
 * @param addressId the city's own address id, when the client sent one
 * @param zipcode postal code, when known
 */
public record Location(
    @Nullable Double latitude,
    @Nullable Double longitude,
    @Nullable String address,
    @Nullable String addressId,
    @Nullable String zipcode) {

  public boolean hasPoint() {
    return latitude != null && longitude != null;
  }
}
