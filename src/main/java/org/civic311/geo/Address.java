package org.civic311.geo;

import org.jspecify.annotations.Nullable;

/**
 * A street address of the city that a resident can pick.
 *
 * @param id stable across imports of the same label and zip; a request may keep it as its address id
 * @param label as a resident reads it, e.g. {@code 200 N Spring St}
 * @param houseNumber e.g. {@code 200}
 * @param street e.g. {@code N Spring St}
 * @param zip postal code, when known
 * @param latitude WGS84 degrees
 * @param longitude WGS84 degrees
 */
public record Address(
    long id, String label, String houseNumber, String street, @Nullable String zip, double latitude, double longitude) {}
