package org.civic311.audit;

import org.jspecify.annotations.Nullable;

/**
 * What to write to the audit log.
 *
 * @param actor the staff member's email (or {@code system} for jobs)
 * @param action what was done, in a few words: {@code POST /staff/requests/{number}/assign},
 *     {@code viewed reporter contact}
 * @param target what it was done to: a request number, an account email, a category code
 * @param detail anything else worth keeping (an outcome status, the fields changed); never a password
 *     or a reporter's contact data
 * @param from the client's network address
 */
public record AuditRecord(
    String actor, String action, @Nullable String target, @Nullable String detail, @Nullable String from) {

  public AuditRecord {
    actor = clip(actor, 254);
    action = clip(action, 200);
    target = target == null ? null : clip(target, 200);
    detail = detail == null ? null : clip(detail, 2000);
    from = from == null ? null : clip(from, 100);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
