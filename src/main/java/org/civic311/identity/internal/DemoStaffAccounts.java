package org.civic311.identity.internal;

import java.util.List;
import java.util.Set;
import org.civic311.catalog.Catalog;
import org.civic311.identity.Crew;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * In demo mode only ({@code civic311.demo.staff-accounts=true}, set by the {@code demo} profile): one
 * staff account per role, with the passwords listed in the README, and a Public Works crew. Accounts
 * that exist already are left alone.
 */
@Component
@ConditionalOnProperty(name = "civic311.demo.staff-accounts", havingValue = "true")
class DemoStaffAccounts implements ApplicationRunner {

  static final String DEPARTMENT = "PW";
  static final Crew CREW = new Crew("PW-EAST", "Public Works East", DEPARTMENT);

  /** One demo account: email user part, name, role; the password is demo-{user}-2026. */
  record Demo(String user, String name, StaffRole role, boolean inDepartment, boolean inCrew) {
    String email() {
      return user + "@springfield.example.gov";
    }

    String password() {
      return "demo-" + user + "-2026";
    }
  }

  static final List<Demo> ACCOUNTS =
      List.of(
          new Demo("calltaker", "Carla Call-taker", StaffRole.CALL_TAKER, false, false),
          new Demo("dispatcher", "Dan Dispatcher", StaffRole.DISPATCHER, true, false),
          new Demo("crew", "Cruz Crew", StaffRole.CREW, true, true),
          new Demo("supervisor", "Sam Supervisor", StaffRole.SUPERVISOR, true, false),
          new Demo("manager", "Mia Manager", StaffRole.MANAGER, true, false),
          new Demo("admin", "Ada Admin", StaffRole.ADMIN, false, false));

  private static final Logger log = LoggerFactory.getLogger(DemoStaffAccounts.class);

  private final StaffAccounts accounts;
  private final Catalog catalog;

  DemoStaffAccounts(StaffAccounts accounts, Catalog catalog) {
    this.accounts = accounts;
    this.catalog = catalog;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Another city file may have no Public Works; then the demo accounts get its first department.
    String department =
        catalog.department(DEPARTMENT).isPresent()
            ? DEPARTMENT
            : catalog.departments().stream().map(d -> d.code()).findFirst().orElse(null);
    String crew = null;
    if (department != null) {
      crew = accounts.saveCrew(new Crew(CREW.code(), CREW.name(), department)).code();
    }
    int created = 0;
    for (Demo demo : ACCOUNTS) {
      if (accounts.findByEmail(demo.email()).isPresent()) continue;
      accounts.create(
          new NewStaffMember(
              demo.email(),
              demo.name(),
              Set.of(demo.role()),
              demo.inDepartment() && department != null ? Set.of(department) : Set.of(),
              demo.inCrew() ? crew : null),
          demo.password());
      created++;
    }
    if (created > 0) log.info("Demo mode: created {} demo staff accounts (passwords in the README)", created);
  }
}
