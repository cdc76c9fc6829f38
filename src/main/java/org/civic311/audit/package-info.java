/**
 * The audit log: who did what, when and from where. Every staff action (every state-changing request
 * to a staff page) is written by an interceptor, and every view of a reporter's contact data by the
 * page that shows it. Entries are append-only: the table refuses updates and deletes.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Audit log", allowedDependencies = {"identity"})
package org.civic311.audit;

import org.jspecify.annotations.NullMarked;
