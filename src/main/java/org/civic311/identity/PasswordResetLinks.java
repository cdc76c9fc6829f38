package org.civic311.identity;

import java.util.Locale;

/** Password reset links mailed to staff members, e.g. to a new account instead of an initial password. */
public interface PasswordResetLinks {

  /** Whether links can be mailed at all (a mail host is configured). */
  boolean canSendMail();

  /** Mails a reset link when the email belongs to an enabled account; does nothing otherwise. */
  void sendLink(String email, Locale locale);
}
