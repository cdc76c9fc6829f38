package org.civic311.geo.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the city's addresses come from at start.
 *
 * @param addressFile an address CSV ({@code classpath:...}, {@code file:...} or a plain path) loaded at
 *     start when the address table is empty or the file changed; blank for none
 */
@ConfigurationProperties("civic311")
record GeoProperties(@Nullable String addressFile) {}
