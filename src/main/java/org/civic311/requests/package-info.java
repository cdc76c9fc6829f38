/**
 * Service requests: what a resident reported, where, in which category, who handles it and how far
 * it got. The only module that writes request state: every change is a method on the aggregate that
 * records a history entry and publishes an event through the Modulith outbox. Reporter contact is
 * private and never leaves this module except through {@link org.civic311.requests.ServiceRequests#reporterOf}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Service requests")
package org.civic311.requests;

import org.jspecify.annotations.NullMarked;
