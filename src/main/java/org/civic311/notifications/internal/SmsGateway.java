package org.civic311.notifications.internal;

/**
 * The port text messages leave through. The shipped adapter speaks Twilio's REST API; another
 * provider is another implementation of this one method.
 */
public interface SmsGateway {

  /**
   * Sends one text message.
   *
   * @param to the recipient in E.164 ({@code +14155550123})
   * @return what the provider answered; never throws for provider or network trouble
   */
  SmsResult send(String to, String body);

  /** The provider's answer to one message. */
  sealed interface SmsResult {}

  /** The provider took the message; {@code providerMessageId} traces it there (Twilio's SID). */
  record Sent(String providerMessageId) implements SmsResult {}

  /**
   * The provider did not take the message.
   *
   * @param retry whether trying again later may help (busy, down, rate-limited) or never will (an
   *     invalid number, a refused sender)
   * @param error for admins: the provider's code and message, without phone numbers
   */
  record Failed(boolean retry, String error) implements SmsResult {}
}
