package org.civic311.identity.internal;

import java.util.Set;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the admin named in {@code CIVIC311_BOOTSTRAP_ADMIN_EMAIL} exists, with the password in
 * {@code CIVIC311_BOOTSTRAP_ADMIN_PASSWORD}, so an automated deployment has a first admin without the
 * CLI. An existing account is left as it is (its password is not reset at every start). The password
 * is never logged.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private final StaffAccounts accounts;
  private final String email;
  private final String password;
  private final String name;

  BootstrapAdmin(StaffAccounts accounts, IdentityProperties properties) {
    this.accounts = accounts;
    IdentityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
    this.email = admin.email() == null ? "" : admin.email().strip();
    this.password = admin.password() == null ? "" : admin.password();
    this.name = admin.name();
    // Checked while the context starts, so a bad setting stops the start before anything is served.
    if (email.isEmpty() && !password.isEmpty()) {
      throw new IllegalStateException("CIVIC311_BOOTSTRAP_ADMIN_PASSWORD is set but CIVIC311_BOOTSTRAP_ADMIN_EMAIL is empty");
    }
    if (!email.isEmpty() && password.codePointCount(0, password.length()) < StaffAccounts.MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "CIVIC311_BOOTSTRAP_ADMIN_PASSWORD must have at least " + StaffAccounts.MIN_PASSWORD_LENGTH
              + " characters (it is " + password.length() + " long)");
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    if (email.isEmpty()) return;
    if (accounts.findByEmail(email).isPresent()) {
      log.info("Bootstrap admin account exists already; left as it is");
      return;
    }
    StaffMember admin = accounts.create(new NewStaffMember(email, name, Set.of(StaffRole.ADMIN), Set.of(), null), password);
    log.info("Bootstrap admin account {} created", admin.id());
  }
}
