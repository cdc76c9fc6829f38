package org.civic311.console.internal.web.queue;

import org.jspecify.annotations.Nullable;

/**
 * What a staff member typed into one of the request page's action forms; each action reads the fields
 * it needs ({@code canned}: the id of a canned response, used when the message is left empty). Kept as typed so that a refused action shows the form again with the same text.
 */
public record ActionForm(
    @Nullable String message,
    @Nullable String crew,
    @Nullable String assignee,
    @Nullable String priority,
    @Nullable String department,
    @Nullable String reason,
    @Nullable String agency,
    @Nullable String closeReason,
    @Nullable String parent,
    @Nullable String canned) {

  static ActionForm empty() {
    return new ActionForm(null, null, null, null, null, null, null, null, null, null);
  }
}
