package org.civic311.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lets a staff page say more about the action the audit interceptor records for its request: a
 * readable target (an account's email rather than its id) and a detail (which fields changed). Never
 * a password, an API key's secret or a reporter's contact data.
 */
public final class AuditNotes {

  static final String TARGET = AuditNotes.class.getName() + ".target";
  static final String DETAIL = AuditNotes.class.getName() + ".detail";

  private AuditNotes() {}

  /** The target to record instead of the path's variables. */
  public static void target(HttpServletRequest request, String target) {
    request.setAttribute(TARGET, target);
  }

  /** A detail recorded before the answer's status. */
  public static void detail(HttpServletRequest request, String detail) {
    request.setAttribute(DETAIL, detail);
  }

  /** The target a page set, or null. */
  public static @Nullable String targetOf(HttpServletRequest request) {
    return request.getAttribute(TARGET) instanceof String target ? target : null;
  }

  /** The detail a page set, or null. */
  public static @Nullable String detailOf(HttpServletRequest request) {
    return request.getAttribute(DETAIL) instanceof String detail ? detail : null;
  }
}
