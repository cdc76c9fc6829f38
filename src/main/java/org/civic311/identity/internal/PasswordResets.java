package org.civic311.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by emailed link. The link carries a random 128-bit token; only its SHA-256 is
 * stored, it works once and for {@code civic311.security.password-reset.valid-for} (1 hour). Asking
 * for a link never tells whether the email belongs to an account. Mail goes out only when a mail host
 * is configured.
 */
@Service
public class PasswordResets implements org.civic311.identity.PasswordResetLinks {

  private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

  private final JdbcClient jdbc;
  private final StaffAccounts accounts;
  private final Clock clock;
  private final IdentityProperties.PasswordReset settings;
  private final ObjectProvider<JavaMailSender> mail;
  private final MessageSource messages;
  private final String mailHost;
  private final String publicUrl;
  private final SecureRandom random = new SecureRandom();

  PasswordResets(
      JdbcClient jdbc,
      StaffAccounts accounts,
      Clock clock,
      IdentityProperties properties,
      ObjectProvider<JavaMailSender> mail,
      MessageSource messages,
      @Value("${spring.mail.host:}") String mailHost,
      @Value("${civic311.public-url:http://localhost:8080}") String publicUrl) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.clock = clock;
    this.settings = properties.passwordReset();
    this.mail = mail;
    this.messages = messages;
    this.mailHost = mailHost.strip();
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** Whether reset links can be mailed at all (a mail host is configured). */
  @Override
  public boolean canSendMail() {
    return !mailHost.isEmpty() && mail.getIfAvailable() != null;
  }

  /**
   * Mails a reset link when the email belongs to an enabled account; does nothing otherwise, and the
   * caller shows the same answer either way.
   */
  @Transactional
  @Override
  public void sendLink(String email) {
    Optional<StaffMember> member = email.isBlank() || email.length() > 254 ? Optional.empty() : accounts.findByEmail(email);
    if (member.isEmpty() || !member.get().enabled()) return;
    JavaMailSender sender = mail.getIfAvailable();
    if (mailHost.isEmpty() || sender == null) {
      log.warn("Password reset asked for staff member {}, but no mail host is configured (CIVIC311_SMTP_HOST)", member.get().id());
      return;
    }
    byte[] tokenBytes = new byte[16];
    random.nextBytes(tokenBytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
    Instant now = clock.instant();
    UUID memberId = member.get().id().value();
    // A new link replaces the older unused ones.
    jdbc.sql("delete from identity.password_reset where staff_member_id = ? and used_at is null").param(memberId).update();
    jdbc.sql("insert into identity.password_reset (token_hash, staff_member_id, created_at, expires_at) values (?, ?, ?, ?)")
        .params(StoredApiKeys.sha256(token), memberId, now.atOffset(ZoneOffset.UTC), now.plus(settings.validFor()).atOffset(ZoneOffset.UTC))
        .update();
    // The member's own language, not the page's: an admin may send the link from an English page.
    java.util.Locale locale = java.util.Locale.forLanguageTag(member.get().language());
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.mailFrom());
    message.setTo(member.get().email());
    message.setSubject(messages.getMessage("identity.reset.mail.subject", null, locale));
    message.setText(
        messages.getMessage(
            "identity.reset.mail.body",
            new Object[] {member.get().name(), publicUrl + "/staff/password-reset/" + token, settings.validFor().toMinutes()},
            locale));
    try {
      sender.send(message);
      log.info("Password reset link mailed to staff member {}", member.get().id());
    } catch (MailException e) {
      // The page answers the same as for an unknown email; the admin sees the cause in the log.
      log.warn("Could not mail a password reset link to staff member {}: {}", member.get().id(), e.getMessage());
    }
  }

  /** Whether a link's token is still good (unknown, used and expired tokens are not). */
  public boolean isValid(String token) {
    return jdbc.sql("select 1 from identity.password_reset where token_hash = ? and used_at is null and expires_at > ?")
        .params(StoredApiKeys.sha256(token), clock.instant().atOffset(ZoneOffset.UTC))
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /**
   * Sets the new password with a token and uses the token up; false when the token is not (or no
   * longer) good. The password is checked first, so a refused password leaves the link working.
   *
   * @throws org.civic311.identity.StaffAccountRejected when the password breaks the rules
   */
  @Transactional
  public boolean reset(String token, String newPassword) {
    JdbcStaffAccounts.checkPassword(newPassword);
    if (token.length() > 64) return false;
    Optional<UUID> member =
        jdbc.sql(
                """
                update identity.password_reset set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now
                returning staff_member_id
                """)
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .param("hash", StoredApiKeys.sha256(token))
            .query(UUID.class)
            .optional();
    if (member.isEmpty()) return false;
    accounts.setPassword(new StaffMemberId(member.get()), newPassword);
    return true;
  }
}
