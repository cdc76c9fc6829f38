/**
 * Notifications: telling residents what happens to the requests they reported or follow. Request
 * events arrive from the outbox and become deliveries (one message per recipient and channel) in this
 * module's table in the same transaction; a worker sends them by email after the request's change
 * committed, off the request thread, retrying with backoff while the mail server is away, so every
 * message that must leave leaves, once as far as the receiver can tell. Messages come from templates
 * per event, channel and language that admins may override; every email can be unsubscribed from
 * without signing in.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {"requests", "catalog"})
package org.civic311.notifications;

import org.jspecify.annotations.NullMarked;
