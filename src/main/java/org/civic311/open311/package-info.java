/**
 * The Open311 GeoReport v2 server: the services list and definitions, posting and searching service
 * requests, tokens, service discovery, the extensions real clients use (pagination, update windows,
 * bounding boxes, search, extended attributes) and mySociety's service request updates, in XML and
 * JSON. It translates HTTP into the public APIs of the catalog, requests, identity and media modules
 * and owns no data of its own. Reporter contact data goes in through it and never comes back out.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    displayName = "Open311",
    allowedDependencies = {"catalog", "requests", "identity", "media"})
package org.civic311.open311;

import org.jspecify.annotations.NullMarked;
