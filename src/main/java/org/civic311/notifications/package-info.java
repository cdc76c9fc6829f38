/**
 * Notifications: telling residents what happens to the requests they reported or follow. Request
 * events arrive from the outbox and become deliveries (one message per recipient and channel) in this
 * module's table in the same transaction; a worker sends them by email, and by SMS to reporters who
 * agreed to it, after the request's change committed, off the request thread, retrying with backoff
 * while the mail server or the SMS provider is away, so every message that must leave leaves, once as
 * far as the receiver can tell. Messages come from templates per event, channel and language that
 * admins may override; every email can be unsubscribed from without signing in, and a reply of STOP
 * ends text messages. The resolved and closed messages to the reporter link to a satisfaction survey
 * whose answers this module keeps for reports. Staff hear from it too: the department's dispatchers
 * when a request nears its due date, its supervisors when it passes it, and staff members watching
 * a request about each of its changes.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {"requests", "catalog", "workflow", "identity"})
package org.civic311.notifications;

import org.jspecify.annotations.NullMarked;
