/**
 * The city's street addresses: suggestions while a resident types an address ("200 n spring" finds
 * "200 N Spring St"), the nearest address to a phone's location, and the import of a city's address
 * list from CSV. The sample city ships a few thousand addresses that are loaded at start when the
 * address file changed. Depends on no other module.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Addresses", allowedDependencies = {})
package org.civic311.geo;

import org.jspecify.annotations.NullMarked;
