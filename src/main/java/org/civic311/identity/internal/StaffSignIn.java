package org.civic311.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a staff member's email and password, with the lockout: after {@code maxFailedSignIns}
 * failures in a row the account refuses every sign-in, the right password included, until the lock
 * runs out. Failures are counted in the member's row, so the count holds across app nodes and
 * restarts. Every refusal is the same {@link AuthenticationException} message family, and an unknown
 * or disabled account still spends a password hash, so neither the answer nor its timing tells
 * whether an account exists.
 */
@Component
class StaffSignIn implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(StaffSignIn.class);

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final IdentityProperties.Lockout lockout;
  private final String unknownAccountHash;

  StaffSignIn(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, IdentityProperties properties) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
    this.lockout = properties.lockout();
    this.unknownAccountHash = passwords.encode("no account has this password " + UUID.randomUUID());
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String email = authentication.getName() == null ? "" : authentication.getName().strip();
    String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    Account account = email.isEmpty() || email.length() > 254 ? null : load(email);
    Instant now = clock.instant();
    if (account == null || !account.enabled() || account.passwordHash() == null) {
      passwords.matches(password, unknownAccountHash);
      throw new BadCredentialsException("Bad credentials");
    }
    if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
      passwords.matches(password, unknownAccountHash);
      throw new LockedException("Locked");
    }
    if (!matches(password, account.passwordHash())) {
      recordFailure(account.id(), now);
      throw new BadCredentialsException("Bad credentials");
    }
    recordSuccess(account, password, now);
    List<SimpleGrantedAuthority> authorities = account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    StaffPrincipal principal = new StaffPrincipal(account.id(), account.email(), account.displayName());
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private boolean matches(String password, String hash) {
    try {
      return passwords.matches(password, hash);
    } catch (IllegalArgumentException tooLongOrMalformed) {
      return false;
    }
  }

  private @Nullable Account load(String email) {
    return jdbc.sql(
            """
            select m.id, m.email, m.display_name, m.password_hash, m.enabled, m.locked_until,
                   coalesce((select string_agg(r.role, ',') from identity.staff_role r where r.staff_member_id = m.id), '') as roles
            from identity.staff_member m where lower(m.email) = lower(?)
            """)
        .param(email)
        .query(
            (rs, row) -> {
              OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
              String roles = rs.getString("roles");
              return new Account(
                  rs.getObject("id", UUID.class),
                  rs.getString("email"),
                  rs.getString("display_name"),
                  rs.getString("password_hash"),
                  rs.getBoolean("enabled"),
                  locked == null ? null : locked.toInstant(),
                  roles.isEmpty() ? List.of() : List.of(roles.split(",")));
            })
        .optional()
        .orElse(null);
  }

  /** One statement, so two nodes counting failures of one account at once never lose a count. */
  private void recordFailure(UUID id, Instant now) {
    Boolean locked =
        jdbc.sql(
                """
                update identity.staff_member set
                  locked_until = case when failed_sign_ins + 1 >= :max then :until else locked_until end,
                  failed_sign_ins = case when failed_sign_ins + 1 >= :max then 0 else failed_sign_ins + 1 end
                where id = :id
                returning locked_until is not null and locked_until = :until
                """)
            .param("max", lockout.maxFailedSignIns())
            .param("until", now.plus(lockout.duration()).atOffset(ZoneOffset.UTC))
            .param("id", id)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (locked) log.warn("Staff account {} locked for {} after {} failed sign-ins", id, lockout.duration(), lockout.maxFailedSignIns());
  }

  private void recordSuccess(Account account, String password, Instant now) {
    // A hash made with older settings (or another algorithm) is replaced while we have the password.
    String upgraded = passwords.upgradeEncoding(account.passwordHash()) ? passwords.encode(password) : null;
    jdbc.sql(
            """
            update identity.staff_member
            set failed_sign_ins = 0, locked_until = null, last_signed_in_at = ?, password_hash = coalesce(?, password_hash)
            where id = ?
            """)
        .params(now.atOffset(ZoneOffset.UTC), upgraded, account.id())
        .update();
  }

  private record Account(
      UUID id,
      String email,
      String displayName,
      @Nullable String passwordHash,
      boolean enabled,
      @Nullable Instant lockedUntil,
      List<String> roles) {}
}
