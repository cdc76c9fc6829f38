package org.civic311.identity.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of staff sign-in ({@code civic311.security.*}).
 *
 * @param lockout how many failed sign-ins lock an account, and for how long
 * @param passwordReset how long an emailed reset link works, and who the mail comes from
 * @param contentSecurityPolicy the whole Content-Security-Policy header; empty for the built-in one
 * @param bootstrapAdmin an admin account made sure to exist at start
 * @param oidc how single sign-on maps the provider's claims to roles
 */
@ConfigurationProperties("civic311.security")
public record IdentityProperties(
    @DefaultValue Lockout lockout,
    @DefaultValue PasswordReset passwordReset,
    @Nullable String contentSecurityPolicy,
    @DefaultValue BootstrapAdmin bootstrapAdmin,
    @DefaultValue Oidc oidc) {

  /**
   * @param maxFailedSignIns failed sign-ins in a row that lock the account
   * @param duration how long it stays locked
   */
  public record Lockout(@DefaultValue("5") int maxFailedSignIns, @DefaultValue("15m") Duration duration) {}

  /**
   * @param validFor how long a link works
   * @param mailFrom the From address of the reset mail
   */
  public record PasswordReset(@DefaultValue("1h") Duration validFor, @DefaultValue("civic311@localhost") String mailFrom) {}

  /**
   * @param email the admin's sign-in email; nothing is created when empty
   * @param password at least 12 characters
   * @param name display name
   */
  public record BootstrapAdmin(@Nullable String email, @Nullable String password, @DefaultValue("Administrator") String name) {}

  /**
   * @param rolesClaim the ID token / user info claim listing the person's roles
   * @param rolePrefix a prefix the provider puts before our role names (e.g. {@code civic311-}); values
   *     without it are ignored
   */
  public record Oidc(@DefaultValue("roles") String rolesClaim, @DefaultValue("") String rolePrefix) {}
}
