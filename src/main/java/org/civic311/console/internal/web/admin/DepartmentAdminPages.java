package org.civic311.console.internal.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.civic311.audit.AuditNotes;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.CatalogAdmin;
import org.civic311.catalog.CatalogEditRejected;
import org.civic311.catalog.Department;
import org.civic311.catalog.ManagedDepartment;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.console.internal.web.PageNotFound;
import org.civic311.identity.Crew;
import org.civic311.identity.StaffAccountRejected;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Departments (in the catalog) and their crews (in identity) on one page: the list, an add form for
 * each, and an edit page for each.
 */
@Controller
class DepartmentAdminPages {

  private final CatalogAdmin catalogAdmin;
  private final Catalog catalog;
  private final StaffAccounts accounts;
  private final ConsoleAccess access;
  private final Problems problems;

  DepartmentAdminPages(
      CatalogAdmin catalogAdmin, Catalog catalog, StaffAccounts accounts, ConsoleAccess access, Problems problems) {
    this.catalogAdmin = catalogAdmin;
    this.catalog = catalog;
    this.accounts = accounts;
    this.access = access;
    this.problems = problems;
  }

  public record DepartmentForm(@Nullable String code, @Nullable String name, @Nullable String email, @Nullable String active) {
    static DepartmentForm of(ManagedDepartment d) {
      return new DepartmentForm(d.code(), d.department().name(), d.department().email(), d.active() ? "on" : null);
    }

    static DepartmentForm blank() {
      return new DepartmentForm("", "", "", "on");
    }
  }

  public record CrewForm(@Nullable String code, @Nullable String name, @Nullable String department) {
    static CrewForm of(Crew crew) {
      return new CrewForm(crew.code(), crew.name(), crew.department());
    }

    static CrewForm blank() {
      return new CrewForm("", "", "");
    }
  }

  @GetMapping("/staff/admin/departments")
  String list(StaffMember me, Model model) {
    check(me);
    return listPage(model, DepartmentForm.blank(), null, CrewForm.blank(), null);
  }

  @PostMapping("/staff/admin/departments")
  String addDepartment(
      StaffMember me, DepartmentForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    String code = text(form.code());
    AuditNotes.target(request, code);
    if (catalogAdmin.allDepartments().stream().anyMatch(d -> d.code().equalsIgnoreCase(code))) {
      return listPage(model, form, problems.of("code", "admin.problem.codeTaken", code), CrewForm.blank(), null);
    }
    try {
      catalogAdmin.saveDepartment(new Department(code, text(form.name()), form.email()), true);
    } catch (CatalogEditRejected rejected) {
      return listPage(model, form, problems.of(rejected), CrewForm.blank(), null);
    }
    AuditNotes.detail(request, "added department " + text(form.name()));
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/departments";
  }

  @GetMapping("/staff/admin/departments/{code}")
  String editDepartment(StaffMember me, @PathVariable String code, Model model) {
    check(me);
    model.addAttribute("form", DepartmentForm.of(department(code)));
    return "console/admin/department";
  }

  @PostMapping("/staff/admin/departments/{code}")
  String saveDepartment(
      StaffMember me, @PathVariable String code, DepartmentForm form, Model model, HttpServletRequest request,
      RedirectAttributes redirect) {
    check(me);
    ManagedDepartment before = department(code);
    DepartmentForm typed = new DepartmentForm(code, form.name(), form.email(), form.active());
    try {
      catalogAdmin.saveDepartment(new Department(code, text(form.name()), form.email()), form.active() != null);
    } catch (CatalogEditRejected rejected) {
      model.addAttribute("form", typed);
      model.addAttribute("problem", problems.of(rejected));
      return "console/admin/department";
    }
    AuditNotes.detail(request, "name '" + before.department().name() + "' -> '" + text(form.name()) + "'"
        + (before.active() == (form.active() != null) ? "" : form.active() != null ? ", reactivated" : ", retired"));
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/departments";
  }

  @PostMapping("/staff/admin/crews")
  String addCrew(StaffMember me, CrewForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    String code = text(form.code()).toUpperCase(java.util.Locale.ROOT);
    AuditNotes.target(request, code);
    if (accounts.crews().stream().anyMatch(c -> c.code().equals(code))) {
      return listPage(model, DepartmentForm.blank(), null, form, problems.of("crewCode", "admin.problem.codeTaken", code));
    }
    Problems.Problem problem = saveCrew(new Crew(code, text(form.name()), text(form.department())));
    if (problem != null) return listPage(model, DepartmentForm.blank(), null, form, problem);
    AuditNotes.detail(request, "added crew " + text(form.name()) + " in " + text(form.department()));
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/departments#crews";
  }

  @GetMapping("/staff/admin/crews/{code}")
  String editCrew(StaffMember me, @PathVariable String code, Model model) {
    check(me);
    model.addAttribute("form", CrewForm.of(crew(code)));
    model.addAttribute("departments", catalog.departments());
    return "console/admin/crew";
  }

  @PostMapping("/staff/admin/crews/{code}")
  String saveCrew(
      StaffMember me, @PathVariable String code, CrewForm form, Model model, HttpServletRequest request,
      RedirectAttributes redirect) {
    check(me);
    Crew before = crew(code);
    CrewForm typed = new CrewForm(code, form.name(), form.department());
    Problems.Problem problem = saveCrew(new Crew(code, text(form.name()), text(form.department())));
    if (problem != null) {
      model.addAttribute("form", typed);
      model.addAttribute("problem", problem);
      model.addAttribute("departments", catalog.departments());
      return "console/admin/crew";
    }
    AuditNotes.detail(request, "name '" + before.name() + "' -> '" + text(form.name()) + "', department "
        + before.department() + " -> " + text(form.department()));
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/departments#crews";
  }

  private Problems.@Nullable Problem saveCrew(Crew crew) {
    if (crew.name().isEmpty()) return problems.of("crewName", "admin.problem.REQUIRED", label("crewName"));
    if (catalog.department(crew.department()).isEmpty()) {
      return problems.of("crewDepartment", "admin.problem.UNKNOWN_DEPARTMENT", label("crewDepartment"));
    }
    try {
      accounts.saveCrew(crew);
      return null;
    } catch (StaffAccountRejected rejected) {
      return problems.of("crewCode", "admin.problem.BAD_CODE", label("crewCode"));
    }
  }

  private String label(String field) {
    return problems.of(field, "admin.field." + field).message();
  }

  private String listPage(
      Model model, DepartmentForm departmentForm, Problems.@Nullable Problem departmentProblem, CrewForm crewForm,
      Problems.@Nullable Problem crewProblem) {
    model.addAttribute("departments", catalogAdmin.allDepartments());
    model.addAttribute("activeDepartments", catalog.departments());
    model.addAttribute("crews", accounts.crews());
    model.addAttribute("departmentForm", departmentForm);
    model.addAttribute("departmentProblem", departmentProblem);
    model.addAttribute("crewForm", crewForm);
    model.addAttribute("crewProblem", crewProblem);
    return "console/admin/departments";
  }

  private ManagedDepartment department(String code) {
    return catalogAdmin.allDepartments().stream().filter(d -> d.code().equals(code)).findFirst()
        .orElseThrow(() -> new PageNotFound("department " + code));
  }

  private Crew crew(String code) {
    return accounts.crews().stream().filter(c -> c.code().equals(code)).findFirst()
        .orElseThrow(() -> new PageNotFound("crew " + code));
  }

  private void check(StaffMember me) {
    if (!access.canAdminister(me)) throw new NotAllowed("department admin for " + me.email());
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
