/**
 * The staff console: the pages city staff spend their day in. Call-taker intake, department and crew
 * queues, the request detail with every action, the field crews' phone pages and the admin pages.
 * It owns no request data: every change goes through the requests module's aggregate, categories come
 * from the catalog, accounts from identity, photos from media; who may see and do what is decided in
 * one place, {@link org.civic311.console.internal.ConsoleAccess}, and every staff action is written to
 * the audit log.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Staff console")
package org.civic311.console;

import org.jspecify.annotations.NullMarked;
