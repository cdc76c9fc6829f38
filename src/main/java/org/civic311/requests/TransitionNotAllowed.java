package org.civic311.requests;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A change the request's current stage does not allow, e.g. assigning a closed request. The message
 * is English (logs, Open311); a page shows it in the reader's language with
 * {@code messageSource.getMessage(refused, locale)}, through {@link #refusal()} and {@link #args()}.
 */
public class TransitionNotAllowed extends RuntimeException implements MessageSourceResolvable {
  private final Status current;
  private final Refusal refusal;
  private final List<Object> args;

  public TransitionNotAllowed(Status current, Refusal refusal, Object... args) {
    super(refusal.english(List.of(args)));
    this.current = current;
    this.refusal = refusal;
    this.args = List.of(args);
  }

  /** The refusal in the reader's language. */
  public String describe(MessageSource messages, Locale locale) {
    return messages.getMessage(this, locale);
  }

  public Status current() {
    return current;
  }

  public Refusal refusal() {
    return refusal;
  }

  /** The arguments of the refusal's sentence: strings, or stages ({@link Status}). */
  public List<Object> args() {
    return args;
  }

  @Override
  public String[] getCodes() {
    return new String[] {refusal.messageKey()};
  }

  @Override
  public Object[] getArguments() {
    return InvalidServiceRequest.translatable(args);
  }

  @Override
  public String getDefaultMessage() {
    return getMessage();
  }

  static MessageSourceResolvable stage(Status status) {
    return new DefaultMessageSourceResolvable(new String[] {Refusal.stageKey(status)}, status.name());
  }
}
