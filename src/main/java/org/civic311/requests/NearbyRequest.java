package org.civic311.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An open request near a point, as the public may see it: a resident about to report the same
 * problem can follow it instead. Never carries reporter data.
 *
 * @param address as the reporter gave it, when given
 * @param distanceMeters from the point asked about, rounded to the meter
 * @param firstMediaUrl the first photo, when there is one
 */
public record NearbyRequest(
    RequestNumber number,
    String categoryCode,
    Status status,
    Instant submittedAt,
    @Nullable String address,
    double latitude,
    double longitude,
    int distanceMeters,
    int followers,
    @Nullable String firstMediaUrl) {}
