package org.civic311.console.internal.web.queue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civic311.identity.Crew;
import org.civic311.identity.StaffMember;
import org.civic311.requests.CloseReason;
import org.civic311.requests.Priority;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;

/**
 * The request page's actions as requests-module changes. Only what the form alone can tell is checked
 * here (a crew of another department, an unknown person, a malformed number); whether the request's
 * stage allows the change is the aggregate's decision.
 */
final class RequestActions {

  /** The actions the request page offers, as they appear in its URLs. */
  static final List<String> NAMES = List.of(
      "acknowledge", "start", "assign", "priority", "reroute", "refer", "hold", "resume", "resolve", "close", "reopen",
      "merge", "note", "update");

  private RequestActions() {}

  /** A form the action cannot use; {@code messageKey} is in the console-queue bundle. */
  static final class Refused extends RuntimeException {
    final String field;
    final String messageKey;

    Refused(String field, String messageKey) {
      super(messageKey);
      this.field = field;
      this.messageKey = messageKey;
    }
  }

  /**
   * @param requestDepartment the department the request is with now
   * @throws Refused for a form the action cannot use
   */
  static RequestChange change(
      String action, ActionForm form, @Nullable String requestDepartment, List<Crew> crews, List<StaffMember> staff) {
    return switch (action) {
      case "acknowledge" -> new RequestChange.Acknowledge(text(form.message()));
      case "start" -> new RequestChange.StartWork(text(form.message()));
      case "assign" -> assign(form, requestDepartment, crews, staff);
      case "priority" -> new RequestChange.ChangePriority(priority(form.priority()));
      case "reroute" -> new RequestChange.Reroute(required(form.department(), "department"), required(form.reason(), "reason"));
      case "refer" -> {
        String agency = required(form.agency(), "agency");
        String reason = text(form.reason());
        // The agency goes into the public text so the resident knows whom to ask next.
        yield new RequestChange.Close(CloseReason.REFERRED, "Referred to " + agency + (reason == null ? "." : ": " + reason));
      }
      case "hold" -> new RequestChange.PutOnHold(required(form.reason(), "reason"));
      case "resume" -> new RequestChange.Resume();
      case "resolve" -> new RequestChange.Resolve(required(form.message(), "message"));
      case "close" -> new RequestChange.Close(closeReason(form.closeReason()), text(form.message()));
      case "reopen" -> new RequestChange.Reopen(required(form.reason(), "reason"));
      case "merge" -> new RequestChange.MarkDuplicate(number(form.parent()));
      case "note" -> new RequestChange.AddInternalNote(required(form.message(), "message"));
      case "update" -> new RequestChange.PostPublicUpdate(required(form.message(), "message"));
      default -> throw new IllegalArgumentException(action);
    };
  }

  static RequestChange assign(ActionForm form, @Nullable String requestDepartment, List<Crew> crews, List<StaffMember> staff) {
    String crewCode = text(form.crew());
    String person = text(form.assignee());
    if (crewCode == null && person == null) throw new Refused("crew", "queue.action.problem.assignee");
    if (crewCode != null) {
      Optional<Crew> crew = crews.stream().filter(c -> c.code().equals(crewCode)).findFirst();
      if (crew.isEmpty()) throw new Refused("crew", "queue.action.problem.crew");
      if (requestDepartment != null && !crew.get().department().equals(requestDepartment)) {
        throw new Refused("crew", "queue.action.problem.crewDepartment");
      }
    }
    if (person != null) {
      // Someone who works for the request's department (or an admin): the form lists only them, and a
      // hand-made form must not hand the request to another department's staff.
      boolean known = staff.stream().anyMatch(m -> m.enabled() && m.email().equalsIgnoreCase(person)
          && (requestDepartment == null || m.worksFor(requestDepartment) || m.has(org.civic311.identity.StaffRole.ADMIN)));
      if (!known) throw new Refused("assignee", "queue.action.problem.person");
    }
    return new RequestChange.Assign(crewCode, person == null ? null : person.toLowerCase(Locale.ROOT));
  }

  static RequestNumber number(@Nullable String text) {
    String value = text(text);
    if (value == null || !RequestNumber.isWellFormed(value)) throw new Refused("parent", "queue.action.problem.parent");
    return new RequestNumber(value);
  }

  private static Priority priority(@Nullable String text) {
    try {
      return Priority.valueOf(required(text, "priority").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Refused("priority", "queue.action.problem.priority");
    }
  }

  private static CloseReason closeReason(@Nullable String text) {
    try {
      CloseReason reason = CloseReason.valueOf(required(text, "closeReason").toUpperCase(Locale.ROOT));
      // Those two have their own actions, which keep what they need (the parent, the agency).
      if (reason == CloseReason.DUPLICATE || reason == CloseReason.REFERRED) throw new Refused("closeReason", "queue.action.problem.closeReasonAction");
      return reason;
    } catch (IllegalArgumentException e) {
      throw new Refused("closeReason", "queue.action.problem.closeReason");
    }
  }

  private static String required(@Nullable String text, String field) {
    String value = text(text);
    if (value == null) throw new Refused(field, "queue.action.problem.required." + field);
    return value;
  }

  private static @Nullable String text(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
