package org.civic311.requests;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * A submission or change that breaks a rule: every problem is named so the client can fix them all.
 * The message is English (logs, Open311); each {@link Violation} is a {@link MessageSourceResolvable}
 * that a page shows in the reader's language.
 */
public class InvalidServiceRequest extends RuntimeException {

  private final List<Violation> violations;

  public InvalidServiceRequest(List<Violation> violations) {
    super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public InvalidServiceRequest(Violation violation) {
    this(List.of(violation));
  }

  public List<Violation> violations() {
    return violations;
  }

  /** Every problem in the reader's language, one sentence after the other. */
  public String describe(MessageSource messages, Locale locale) {
    return violations.stream().map(v -> messages.getMessage(v, locale)).distinct().collect(Collectors.joining(" "));
  }

  /**
   * One problem.
   *
   * @param field the input at fault in Open311 terms, e.g. {@code service_code}, {@code
   *     attribute[SIZE]}, {@code lat}, {@code description}
   * @param kind what is wrong
   * @param message an English sentence for the person who sent it (logs, Open311)
   * @param refusal the stable code of the rule broken, for pages to translate
   * @param args the arguments of the refusal's sentence: strings, or stages ({@link Status})
   */
  public record Violation(String field, Kind kind, String message, Refusal refusal, List<Object> args)
      implements MessageSourceResolvable {

    public Violation {
      args = List.copyOf(args);
    }

    /** A violation named by its refusal code; the English message is the code's sentence. */
    public Violation(String field, Kind kind, Refusal refusal, Object... args) {
      this(field, kind, refusal.english(List.of(args)), refusal, List.of(args));
    }

    /** A submission rule with an English sentence only; pages translate it by field and kind. */
    public Violation(String field, Kind kind, String message) {
      this(field, kind, message, Refusal.INVALID_INPUT, List.of(field));
    }

    @Override
    public String[] getCodes() {
      return new String[] {refusal.messageKey()};
    }

    @Override
    public Object[] getArguments() {
      return translatable(args);
    }

    @Override
    public String getDefaultMessage() {
      return message;
    }
  }

  public enum Kind {
    MISSING,
    INVALID,
    /** The category does not exist (a 404 in Open311 terms). */
    UNKNOWN_CATEGORY,
    TOO_LONG
  }

  static Object[] translatable(List<Object> args) {
    return args.stream().map(a -> a instanceof Status s ? TransitionNotAllowed.stage(s) : a).toArray();
  }
}
