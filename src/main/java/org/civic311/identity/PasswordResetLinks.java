package org.civic311.identity;

/** Password reset links mailed to staff members, e.g. to a new account instead of an initial password. */
public interface PasswordResetLinks {

  /** Whether links can be mailed at all (a mail host is configured). */
  boolean canSendMail();

  /**
   * Mails a reset link, in the member's language, when the email belongs to an enabled account; does
   * nothing otherwise.
   */
  void sendLink(String email);
}
