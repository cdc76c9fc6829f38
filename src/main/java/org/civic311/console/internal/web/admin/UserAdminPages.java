package org.civic311.console.internal.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civic311.audit.AuditNotes;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Department;
import org.civic311.console.internal.AccountChangePolicy;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.console.internal.web.PageNotFound;
import org.civic311.identity.CrewOfAnotherDepartment;
import org.civic311.identity.NewStaffMember;
import org.civic311.identity.PasswordResetLinks;
import org.civic311.identity.StaffAccountChange;
import org.civic311.identity.StaffAccountRejected;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.civic311.identity.StaffRole;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts: the list, a new account (with an initial password or a password link by email),
 * roles, departments and crew, disabling and enabling, a password link for a member who forgot.
 * Passwords are never echoed back, logged or audited.
 */
@Controller
class UserAdminPages {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final StaffAccounts accounts;
  private final PasswordResetLinks links;
  private final Catalog catalog;
  private final ConsoleAccess access;
  private final Problems problems;
  private final SecureRandom random = new SecureRandom();

  UserAdminPages(StaffAccounts accounts, PasswordResetLinks links, Catalog catalog, ConsoleAccess access, Problems problems) {
    this.accounts = accounts;
    this.links = links;
    this.catalog = catalog;
    this.access = access;
    this.problems = problems;
  }

  /** A new account as typed; the password is never put back into the page. */
  public record NewUserForm(
      @Nullable String email,
      @Nullable String name,
      @Nullable List<String> roles,
      @Nullable List<String> departments,
      @Nullable String crew,
      @Nullable String passwordChoice,
      @Nullable String password,
      @Nullable String language) {

    static NewUserForm blank(String language) {
      return new NewUserForm("", "", List.of(), List.of(), "", "link", null, language);
    }

    public boolean hasRole(String role) {
      return roles != null && roles.contains(role);
    }

    public boolean inDepartment(String code) {
      return departments != null && departments.contains(code);
    }
  }

  /** Roles, departments, crew and language of an existing account, as typed. */
  public record AccessForm(
      @Nullable List<String> roles, @Nullable List<String> departments, @Nullable String crew, @Nullable String language) {
    static AccessForm of(StaffMember member) {
      return new AccessForm(member.roles().stream().map(Enum::name).toList(), List.copyOf(member.departments()),
          member.crew() == null ? "" : member.crew().code(), member.language());
    }

    public boolean hasRole(String role) {
      return roles != null && roles.contains(role);
    }

    public boolean inDepartment(String code) {
      return departments != null && departments.contains(code);
    }
  }

  @GetMapping("/staff/admin/users")
  String list(StaffMember me, Model model) {
    check(me);
    model.addAttribute("members", accounts.list().stream()
        .sorted(Comparator.comparing(StaffMember::name, String.CASE_INSENSITIVE_ORDER)).toList());
    return "console/admin/users";
  }

  @GetMapping("/staff/admin/users/new")
  String newUser(StaffMember me, Model model) {
    check(me);
    // A new colleague most likely reads what the admin creating the account reads.
    return newPage(model, NewUserForm.blank(LocaleContextHolder.getLocale().getLanguage().equals("es") ? "es" : "en"), null);
  }

  @PostMapping("/staff/admin/users")
  String create(StaffMember me, NewUserForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    String email = text(form.email());
    AuditNotes.target(request, email);
    if (!EMAIL.matcher(email).matches() || email.length() > 254) return newPage(model, form, problems.of("email", "admin.users.problem.email"));
    if (accounts.findByEmail(email).isPresent()) return newPage(model, form, problems.of("email", "admin.users.problem.emailTaken", email));
    if (text(form.name()).isEmpty()) return newPage(model, form, problems.of("name", "admin.users.problem.name"));
    Set<StaffRole> roles = roles(form.roles());
    if (roles.isEmpty()) return newPage(model, form, problems.of("roles", "admin.users.problem.roles"));
    // A form without the select (an older page still open) creates an English reader.
    String language = text(form.language()).isEmpty() ? StaffMember.LANGUAGES.getFirst() : text(form.language());
    if (!StaffMember.LANGUAGES.contains(language)) return newPage(model, form, problems.of("language", "admin.users.problem.language"));
    boolean byLink = !"password".equals(form.passwordChoice());
    String password;
    if (byLink) {
      if (!links.canSendMail()) return newPage(model, form, problems.of("passwordChoice", "admin.users.problem.noMail"));
      password = unguessablePassword();
    } else {
      password = form.password() == null ? "" : form.password();
      Optional<String> weak = weakness(password);
      if (weak.isPresent()) return newPage(model, form, problems.of("password", weak.get(), StaffAccounts.MIN_PASSWORD_LENGTH));
    }
    StaffMember created;
    try {
      created = accounts.create(new NewStaffMember(email, text(form.name()), roles, departments(form.departments()),
          blankToNull(form.crew()), language), password);
    } catch (StaffAccountRejected rejected) {
      return newPage(model, form, refusal(rejected, "email"));
    }
    if (byLink) links.sendLink(created.email());
    AuditNotes.detail(request, "created with roles " + names(created.roles()) + ", departments " + new TreeSet<>(created.departments())
        + ", language " + created.language() + (byLink ? ", password link mailed" : ", initial password set"));
    redirect.addFlashAttribute("created", byLink ? "link" : "password");
    return "redirect:/staff/admin/users/" + created.id();
  }

  @GetMapping("/staff/admin/users/{id}")
  String edit(StaffMember me, @PathVariable("id") String idText, Model model) {
    check(me);
    StaffMemberId id = id(idText);
    StaffMember member = member(id);
    return editPage(model, me, member, AccessForm.of(member), null);
  }

  @PostMapping("/staff/admin/users/{id}")
  String save(
      StaffMember me, @PathVariable("id") String idText, AccessForm form, Model model, HttpServletRequest request,
      RedirectAttributes redirect) {
    check(me);
    StaffMemberId id = id(idText);
    StaffMember member = member(id);
    AuditNotes.target(request, member.email());
    Set<StaffRole> roles = roles(form.roles());
    if (roles.isEmpty()) return editPage(model, me, member, form, problems.of("roles", "admin.users.problem.roles"));
    if (AccountChangePolicy.changeRoles(me, member, roles).isPresent()) {
      AuditNotes.detail(request, "refused: own ADMIN role");
      return editPage(model, me, member, form, problems.of("roles", "admin.users.problem.ownAdmin"));
    }
    // A form without the select (an older page still open) keeps the member's language.
    String language = text(form.language()).isEmpty() ? member.language() : text(form.language());
    if (!StaffMember.LANGUAGES.contains(language)) return editPage(model, me, member, form, problems.of("language", "admin.users.problem.language"));
    StaffMember after;
    try {
      after = accounts.update(id, new StaffAccountChange(roles, departments(form.departments()), blankToNull(form.crew()), language));
    } catch (StaffAccountRejected rejected) {
      AuditNotes.detail(request, "refused: " + rejected.getMessage());
      return editPage(model, me, member, form, refusal(rejected, "roles"));
    }
    AuditNotes.detail(request, "roles " + names(member.roles()) + " -> " + names(after.roles())
        + ", departments " + new TreeSet<>(member.departments()) + " -> " + new TreeSet<>(after.departments())
        + ", crew " + (member.crew() == null ? "none" : member.crew().code()) + " -> " + (after.crew() == null ? "none" : after.crew().code())
        + ", language " + member.language() + " -> " + after.language());
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/users/" + id;
  }

  @PostMapping("/staff/admin/users/{id}/disable")
  String disable(StaffMember me, @PathVariable("id") String idText, Model model, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    StaffMemberId id = id(idText);
    StaffMember member = member(id);
    AuditNotes.target(request, member.email());
    if (AccountChangePolicy.disable(me, member).isPresent()) {
      AuditNotes.detail(request, "refused: disable self");
      return editPage(model, me, member, AccessForm.of(member), problems.of("enabled", "admin.users.problem.disableSelf"));
    }
    accounts.disable(id);
    AuditNotes.detail(request, "disabled");
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/users/" + id;
  }

  @PostMapping("/staff/admin/users/{id}/enable")
  String enable(StaffMember me, @PathVariable("id") String idText, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    StaffMemberId id = id(idText);
    StaffMember member = member(id);
    AuditNotes.target(request, member.email());
    accounts.enable(id);
    AuditNotes.detail(request, "enabled");
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/users/" + id;
  }

  @PostMapping("/staff/admin/users/{id}/password-link")
  String passwordLink(
      StaffMember me, @PathVariable("id") String idText, Model model, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    StaffMemberId id = id(idText);
    StaffMember member = member(id);
    AuditNotes.target(request, member.email());
    if (!links.canSendMail()) {
      return editPage(model, me, member, AccessForm.of(member), problems.of("passwordLink", "admin.users.problem.noMail"));
    }
    links.sendLink(member.email());
    AuditNotes.detail(request, "password link mailed");
    redirect.addFlashAttribute("linkSent", true);
    return "redirect:/staff/admin/users/" + id;
  }

  private String newPage(Model model, NewUserForm form, Problems.@Nullable Problem problem) {
    model.addAttribute("form", form);
    model.addAttribute("problem", problem);
    model.addAttribute("canMail", links.canSendMail());
    choices(model);
    return "console/admin/user-new";
  }

  private String editPage(Model model, StaffMember me, StaffMember member, AccessForm form, Problems.@Nullable Problem problem) {
    model.addAttribute("member", member);
    model.addAttribute("self", me.id().equals(member.id()));
    model.addAttribute("form", form);
    model.addAttribute("problem", problem);
    model.addAttribute("canMail", links.canSendMail());
    choices(model);
    return "console/admin/user";
  }

  /** A refusal of the accounts module, in the admin's language when it names a field this page knows. */
  private Problems.Problem refusal(StaffAccountRejected rejected, String fallbackField) {
    if (rejected instanceof CrewOfAnotherDepartment other) {
      String department = catalog.department(other.crew().department()).map(Department::name).orElse(other.crew().department());
      return problems.of("crew", "admin.users.problem.crewDepartment", other.crew().name(), department);
    }
    String field = rejected.field();
    return switch (field == null ? "" : field) {
      case "crew" -> problems.of("crew", "admin.users.problem.crew");
      case "departments" -> problems.of("departments", "admin.users.problem.departments");
      case "language" -> problems.of("language", "admin.users.problem.language");
      case "roles" -> problems.of("roles", "admin.users.problem.roles");
      case "name" -> problems.of("name", "admin.users.problem.name");
      default -> new Problems.Problem(field == null ? fallbackField : field, rejected.getMessage());
    };
  }

  private void choices(Model model) {
    model.addAttribute("languages", StaffMember.LANGUAGES);
    model.addAttribute("allRoles", StaffRole.values());
    model.addAttribute("departments", catalog.departments());
    model.addAttribute("crews", accounts.crews());
  }

  private static Optional<String> weakness(String password) {
    if (password.length() < StaffAccounts.MIN_PASSWORD_LENGTH) return Optional.of("admin.users.problem.passwordShort");
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) return Optional.of("admin.users.problem.passwordLong");
    if (password.chars().distinct().count() < 6) return Optional.of("admin.users.problem.passwordWeak");
    return Optional.empty();
  }

  /** A password nobody knows; the member sets their own through the mailed link. */
  private String unguessablePassword() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static StaffMemberId id(String text) {
    try {
      return StaffMemberId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new PageNotFound("staff member " + text);
    }
  }

  private StaffMember member(StaffMemberId id) {
    return accounts.find(id).orElseThrow(() -> new PageNotFound("staff member " + id));
  }

  private static Set<StaffRole> roles(@Nullable List<String> names) {
    Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
    if (names != null) {
      for (String name : names) {
        try {
          roles.add(StaffRole.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ignored) {
          // An unknown role name cannot come from the form; it grants nothing.
        }
      }
    }
    return roles;
  }

  private static Set<String> departments(@Nullable List<String> codes) {
    return codes == null ? Set.of() : codes.stream().filter(c -> !c.isBlank()).map(String::strip).collect(Collectors.toSet());
  }

  private static String names(Set<StaffRole> roles) {
    return roles.stream().map(Enum::name).sorted().toList().toString();
  }

  private void check(StaffMember me) {
    if (!access.canAdminister(me)) throw new NotAllowed("user admin for " + me.email());
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
