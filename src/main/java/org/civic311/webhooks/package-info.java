/**
 * Webhooks for city systems: admins register an endpoint (a URL and the request events it wants),
 * and every matching event is delivered to it as a signed JSON document, retried with exponential
 * backoff for up to 24 hours, with each attempt logged. Deliveries are written in the transaction of
 * the change through the outbox, so none is lost when the app dies, and a receiver can drop repeats by
 * the delivery id.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks", allowedDependencies = {"requests", "catalog"})
package org.civic311.webhooks;

import org.jspecify.annotations.NullMarked;
