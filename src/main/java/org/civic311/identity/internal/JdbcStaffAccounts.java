package org.civic311.identity.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Department;
import org.civic311.identity.Crew;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.StaffAccountChange;
import org.civic311.identity.StaffAccountRejected;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.civic311.identity.StaffMemberNotFound;
import org.civic311.identity.StaffRole;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts in {@code identity.staff_member} and its role, department and crew tables. */
@Service
class JdbcStaffAccounts implements StaffAccounts {

  static final int MAX_PASSWORD_BYTES = 72; // bcrypt reads no further; Spring Security refuses longer input
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern CREW_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{0,39}$");
  private static final Logger log = LoggerFactory.getLogger(JdbcStaffAccounts.class);

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final PasswordEncoder passwords;
  private final Clock clock;

  JdbcStaffAccounts(JdbcClient jdbc, Catalog catalog, PasswordEncoder passwords, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.passwords = passwords;
    this.clock = clock;
  }

  @Override
  @Transactional
  public StaffMember create(NewStaffMember member, String password) {
    String email = validEmail(member.email());
    String name = validName(member.name());
    Set<StaffRole> roles = validRoles(member.roles());
    Set<String> departments = validDepartments(member.departments());
    @Nullable Crew crewOfMember = member.crewCode() == null ? null : existingCrew(member.crewCode());
    CrewMembershipPolicy.check(crewOfMember, departments);
    String crew = crewOfMember == null ? null : crewOfMember.code();
    String language = validLanguage(member.language());
    checkPassword(password);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    try {
      jdbc.sql(
              """
              insert into identity.staff_member (id, email, display_name, password_hash, crew_code, created_at, password_changed_at, language)
              values (?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(id, email, name, passwords.encode(password), crew, now, now, language)
          .update();
    } catch (DuplicateKeyException taken) {
      throw new StaffAccountRejected("email", "A staff account with the email " + email + " already exists");
    }
    StaffMemberId memberId = new StaffMemberId(id);
    writeRoles(memberId, roles);
    writeDepartments(memberId, departments);
    log.info("Staff account {} created with roles {}", id, roles);
    return require(memberId);
  }

  /**
   * The account of someone the city's OpenID Connect provider vouched for: created without a password
   * on their first sign-in, and given the roles the provider lists every time. Disabled accounts stay
   * disabled.
   */
  @Transactional
  StaffMember signedInWithProvider(String email, String name, Set<StaffRole> roles) {
    Optional<StaffMember> existing = findByEmail(email);
    if (existing.isPresent()) {
      if (existing.get().enabled() && !existing.get().roles().equals(roles)) return changeRoles(existing.get().id(), roles);
      return existing.get();
    }
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("insert into identity.staff_member (id, email, display_name, created_at) values (?, ?, ?, ?)")
          .params(id, validEmail(email), validName(name), now())
          .update();
    } catch (DuplicateKeyException sameMomentElsewhere) {
      return findByEmail(email).orElseThrow();
    }
    writeRoles(new StaffMemberId(id), validRoles(roles));
    log.info("Staff account {} created by single sign-on with roles {}", id, roles);
    return require(new StaffMemberId(id));
  }

  @Override
  public Optional<StaffMember> findByEmail(String email) {
    return jdbc.sql("select id from identity.staff_member where lower(email) = lower(?)")
        .param(email.strip())
        .query(UUID.class)
        .optional()
        .flatMap(id -> find(new StaffMemberId(id)));
  }

  @Override
  public Optional<StaffMember> find(StaffMemberId id) {
    return select("where m.id = ?", id.value()).stream().findFirst();
  }

  @Override
  public List<StaffMember> list() {
    return select("", null);
  }

  @Override
  @Transactional
  public StaffMember changeRoles(StaffMemberId id, Set<StaffRole> roles) {
    Set<StaffRole> valid = validRoles(roles);
    lock(id);
    jdbc.sql("delete from identity.staff_role where staff_member_id = ?").param(id.value()).update();
    writeRoles(id, valid);
    log.info("Staff member {} now has roles {}", id, valid);
    return require(id);
  }

  @Override
  @Transactional
  public StaffMember update(StaffMemberId id, StaffAccountChange change) {
    // Everything is checked before the first write, and the transaction covers the writes anyway.
    Set<StaffRole> roles = validRoles(change.roles());
    Set<String> departments = validDepartments(change.departments());
    @Nullable Crew crewOfMember = change.crewCode() == null ? null : existingCrew(change.crewCode());
    CrewMembershipPolicy.check(crewOfMember, departments);
    String crew = crewOfMember == null ? null : crewOfMember.code();
    String language = validLanguage(change.language());
    lock(id);
    jdbc.sql("delete from identity.staff_role where staff_member_id = ?").param(id.value()).update();
    writeRoles(id, roles);
    jdbc.sql("delete from identity.staff_department where staff_member_id = ?").param(id.value()).update();
    writeDepartments(id, departments);
    jdbc.sql("update identity.staff_member set crew_code = ?, language = ? where id = ?").params(crew, language, id.value()).update();
    log.info("Staff member {} now has roles {}, departments {}, crew {}, language {}", id, roles, departments, crew, language);
    return require(id);
  }

  @Override
  @Transactional
  public StaffMember changeLanguage(StaffMemberId id, String language) {
    String valid = validLanguage(language);
    lock(id);
    jdbc.sql("update identity.staff_member set language = ? where id = ?").params(valid, id.value()).update();
    return require(id);
  }

  @Override
  @Transactional
  public StaffMember disable(StaffMemberId id) {
    lock(id);
    jdbc.sql("update identity.staff_member set enabled = false where id = ?").param(id.value()).update();
    endSessions(id);
    log.info("Staff member {} disabled", id);
    return require(id);
  }

  @Override
  @Transactional
  public StaffMember enable(StaffMemberId id) {
    lock(id);
    jdbc.sql("update identity.staff_member set enabled = true where id = ?").param(id.value()).update();
    return require(id);
  }

  @Override
  @Transactional
  public void setPassword(StaffMemberId id, String password) {
    checkPassword(password);
    lock(id);
    jdbc.sql(
            """
            update identity.staff_member
            set password_hash = ?, password_changed_at = ?, failed_sign_ins = 0, locked_until = null
            where id = ?
            """)
        .params(passwords.encode(password), now(), id.value())
        .update();
    endSessions(id);
    log.info("Password of staff member {} changed", id);
  }

  @Override
  @Transactional
  public Crew saveCrew(Crew crew) {
    String code = crew.code().strip();
    if (!CREW_CODE.matcher(code).matches()) {
      throw new StaffAccountRejected(
          "A crew code has 1 to 40 capital letters, digits, - or _ (e.g. PW-EAST), got " + crew.code());
    }
    String name = validName(crew.name());
    String department = validDepartments(Set.of(crew.department())).iterator().next();
    jdbc.sql(
            """
            insert into identity.crew (code, name, department_code) values (?, ?, ?)
            on conflict (code) do update set name = excluded.name, department_code = excluded.department_code
            """)
        .params(code, name, department)
        .update();
    return new Crew(code, name, department);
  }

  @Override
  public List<Crew> crews() {
    return jdbc.sql("select code, name, department_code from identity.crew order by department_code, code")
        .query((rs, row) -> new Crew(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /**
   * Ends every session of the member on every node: sessions are rows keyed by the principal name,
   * which is the member id (see {@link StaffPrincipal}).
   */
  private void endSessions(StaffMemberId id) {
    jdbc.sql("delete from identity.spring_session where principal_name = ?").param(id.toString()).update();
  }

  /** Serialises concurrent changes of one member and turns an unknown id into {@link StaffMemberNotFound}. */
  private void lock(StaffMemberId id) {
    jdbc.sql("select id from identity.staff_member where id = ? for update")
        .param(id.value())
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new StaffMemberNotFound(id));
  }

  private StaffMember require(StaffMemberId id) {
    return find(id).orElseThrow(() -> new StaffMemberNotFound(id));
  }

  private void writeRoles(StaffMemberId id, Set<StaffRole> roles) {
    for (StaffRole role : roles) {
      jdbc.sql("insert into identity.staff_role (staff_member_id, role) values (?, ?)").params(id.value(), role.name()).update();
    }
  }

  private void writeDepartments(StaffMemberId id, Set<String> departments) {
    for (String department : departments) {
      jdbc.sql("insert into identity.staff_department (staff_member_id, department_code) values (?, ?)")
          .params(id.value(), department)
          .update();
    }
  }

  private List<StaffMember> select(String where, @Nullable Object param) {
    String sql =
        """
        select m.id, m.email, m.display_name, m.enabled, m.language, c.code as crew_code, c.name as crew_name, c.department_code as crew_department,
               coalesce((select string_agg(r.role, ',') from identity.staff_role r where r.staff_member_id = m.id), '') as roles,
               coalesce((select string_agg(d.department_code, ',') from identity.staff_department d where d.staff_member_id = m.id), '') as departments
        from identity.staff_member m left join identity.crew c on c.code = m.crew_code
        """
            + where
            + " order by lower(m.display_name), m.id";
    var statement = jdbc.sql(sql);
    if (param != null) statement = statement.param(param);
    return statement.query((rs, row) -> member(rs)).list();
  }

  private static StaffMember member(ResultSet rs) throws SQLException {
    Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
    for (String role : split(rs.getString("roles"))) roles.add(StaffRole.valueOf(role));
    String crewCode = rs.getString("crew_code");
    Crew crew = crewCode == null ? null : new Crew(crewCode, rs.getString("crew_name"), rs.getString("crew_department"));
    return new StaffMember(
        new StaffMemberId(rs.getObject("id", UUID.class)),
        rs.getString("email"),
        rs.getString("display_name"),
        roles,
        new TreeSet<>(split(rs.getString("departments"))),
        crew,
        rs.getBoolean("enabled"),
        rs.getString("language"));
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  static String validEmail(String email) {
    String value = email.strip();
    if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
      throw new StaffAccountRejected("email", "Not an email address: " + value);
    }
    return value;
  }

  private static String validName(String name) {
    String value = name.strip();
    if (value.isEmpty() || value.length() > 200) throw new StaffAccountRejected("name", "A name has 1 to 200 characters");
    return value;
  }

  private static Set<StaffRole> validRoles(Set<StaffRole> roles) {
    if (roles.isEmpty()) throw new StaffAccountRejected("roles", "A staff member needs at least one role");
    return EnumSet.copyOf(roles);
  }

  private static String validLanguage(String language) {
    String value = language.strip().toLowerCase(Locale.ROOT);
    if (!StaffMember.LANGUAGES.contains(value)) {
      throw new StaffAccountRejected("language", "Unknown language " + language + " (staff emails exist in " + String.join(", ", StaffMember.LANGUAGES) + ")");
    }
    return value;
  }

  private Set<String> validDepartments(Set<String> departments) {
    Map<String, String> known = new HashMap<>();
    for (Department department : catalog.departments()) known.put(department.code().toUpperCase(Locale.ROOT), department.code());
    Set<String> valid = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (String code : departments) {
      String match = known.get(code.strip().toUpperCase(Locale.ROOT));
      if (match == null) unknown.add(code); else valid.add(match);
    }
    if (!unknown.isEmpty()) {
      throw new StaffAccountRejected("departments",
          "Unknown department " + String.join(", ", unknown) + " (the city has "
              + known.values().stream().sorted().collect(Collectors.joining(", ")) + ")");
    }
    return valid;
  }

  private Crew existingCrew(String crewCode) {
    return jdbc.sql("select code, name, department_code from identity.crew where code = ?")
        .param(crewCode.strip())
        .query((rs, row) -> new Crew(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional()
        .orElseThrow(() -> new StaffAccountRejected("crew", "Unknown crew " + crewCode));
  }

  /** The password rule, also used by the reset page and the CLI to explain a refusal. */
  static void checkPassword(String password) {
    if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      throw new StaffAccountRejected("password", "A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new StaffAccountRejected("password", "A password can have at most " + MAX_PASSWORD_BYTES + " bytes (about 70 letters)");
    }
    if (password.isBlank()) throw new StaffAccountRejected("password", "A password cannot be only spaces");
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
