package org.civic311.requests;

import java.util.List;
import java.util.Locale;

/**
 * Why the requests module refused a change: a stable code that pages translate through the message
 * bundle {@code i18n/requests-refusals} (key {@link #messageKey()}, arguments in the order of the
 * English sentence) while logs and Open311 keep the English sentence. An argument is a {@link String}
 * (a request number, a department code...) or a {@link Status}, which pages translate too.
 */
public enum Refusal {
  ACKNOWLEDGE_NOT_NEW("Cannot acknowledge request {0}: it is already {1}."),
  ASSIGN_NOT_OPEN("Request {0} cannot assign it: it is {1}."),
  ASSIGN_ON_HOLD("Cannot assign request {0}: it is on hold: resume it first."),
  START_WORK_NOT_OPEN("Request {0} cannot start work on it: it is {1}."),
  START_WORK_WRONG_STAGE("Cannot start work on request {0}: it is {1}."),
  HOLD_NOT_OPEN("Request {0} cannot put on hold it: it is {1}."),
  HOLD_ALREADY_ON_HOLD("Cannot put on hold request {0}: it is already on hold."),
  RESUME_NOT_ON_HOLD("Cannot resume request {0}: it is not on hold."),
  RESOLVE_NOT_OPEN("Request {0} cannot resolve it: it is {1}."),
  CLOSE_ALREADY_CLOSED("Cannot close request {0}: it is already closed."),
  REOPEN_STILL_OPEN("Cannot reopen request {0}: it is still open."),
  MERGE_NOT_OPEN("Request {0} cannot merge it: it is {1}."),
  PRIORITY_NOT_OPEN("Request {0} cannot change the priority of it: it is {1}."),
  REROUTE_NOT_OPEN("Request {0} cannot re-route it: it is {1}."),
  FOLLOW_NOT_OPEN("Request {0} cannot follow it: it is {1}."),
  ASSIGNMENT_MISSING("Name a crew or a person to assign the request to."),
  HOLD_REASON_MISSING("Say why the request is put on hold."),
  RESOLUTION_MESSAGE_MISSING("Tell the resident what was done."),
  REOPEN_COMMENT_MISSING("Say why the request is reopened."),
  DUPLICATE_OF_ITSELF("A request cannot duplicate itself."),
  REROUTE_REASON_MISSING("Say why the request goes to another department."),
  REROUTE_SAME_DEPARTMENT("The request is already with {0}."),
  UPDATE_TEXT_MISSING("Write the update."),
  NOTE_TEXT_MISSING("Write the note."),
  PARENT_NOT_FOUND("There is no request {0}"),
  PARENT_IS_DUPLICATE("{0} is itself a duplicate of {1}; merge into that one"),
  DEPARTMENT_NOT_FOUND("There is no department {0}"),
  IDEMPOTENCY_KEY_TOO_LONG("Idempotency-Key must be at most 200 characters"),
  IDEMPOTENCY_KEY_REUSED(
      "This Idempotency-Key was already used for a different request; send a new key for a new request"),
  /**
   * A submission rule; {0} is the field in Open311 terms. Pages that take reports translate these by
   * field and {@link InvalidServiceRequest.Kind} next to the input at fault.
   */
  INVALID_INPUT("{0}: this value is not accepted.");

  private final String english;

  Refusal(String english) {
    this.english = english;
  }

  /** The stable code, e.g. {@code assign-not-open}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The key of this refusal's sentence in the message bundle. */
  public String messageKey() {
    return "requests.refusal." + code();
  }

  /** The key of a stage's name in the message bundle, used for {@link Status} arguments. */
  public static String stageKey(Status status) {
    return "requests.refusal.stage." + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The English sentence, for logs and Open311 error descriptions. */
  public String english(List<?> args) {
    String text = english;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      String shown = arg instanceof Status s ? s.name().toLowerCase(Locale.ROOT).replace('_', ' ') : String.valueOf(arg);
      text = text.replace("{" + i + "}", shown);
    }
    return text;
  }

  /** The English pattern with numbered placeholders, e.g. {@code Cannot resume request {0}: ...}. */
  public String englishPattern() {
    return english;
  }
}
