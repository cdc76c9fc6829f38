package org.civic311.console.internal.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civic311.audit.AuditNotes;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.CatalogAdmin;
import org.civic311.catalog.CatalogEditRejected;
import org.civic311.catalog.CategoryDetails;
import org.civic311.catalog.ManagedCategory;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.catalog.SlaTarget;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.console.internal.web.PageNotFound;
import org.civic311.identity.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Categories and their questions: the list, one category's details, its questions (add, change,
 * remove, move up or down). Every save goes through {@link CatalogAdmin}, which marks the category as
 * edited by an admin, so the city file no longer overwrites it.
 */
@Controller
class CategoryAdminPages {

  static final String NEW = "new";

  private final CatalogAdmin catalogAdmin;
  private final Catalog catalog;
  private final ConsoleAccess access;
  private final Problems problems;

  CategoryAdminPages(CatalogAdmin catalogAdmin, Catalog catalog, ConsoleAccess access, Problems problems) {
    this.catalogAdmin = catalogAdmin;
    this.catalog = catalog;
    this.access = access;
    this.problems = problems;
  }

  /** The details form as typed: every field a string, so a refused form comes back as it was. */
  public record CategoryForm(
      @Nullable String code,
      @Nullable String name,
      @Nullable String description,
      @Nullable String group,
      @Nullable String keywords,
      @Nullable String department,
      @Nullable String slaAmount,
      @Nullable String slaUnit,
      @Nullable String active) {

    static CategoryForm of(ManagedCategory managed) {
      ServiceCategory c = managed.category();
      SlaTarget sla = c.sla();
      return new CategoryForm(c.code(), c.name(), c.description(), c.group(), c.keywords(), c.departmentCode(),
          sla == null ? "" : String.valueOf(sla.amount()), sla == null ? "" : sla.unit().name(),
          managed.active() ? "on" : null);
    }

    static CategoryForm blank() {
      return new CategoryForm("", "", "", "", "", "", "", SlaTarget.Unit.BUSINESS_DAYS.name(), "on");
    }

    public boolean isActive() {
      return active != null;
    }
  }

  /** One question's form as typed; values are one per line, {@code key = name}. */
  public record QuestionForm(
      @Nullable String code,
      @Nullable String description,
      @Nullable String datatype,
      @Nullable String required,
      @Nullable String hint,
      @Nullable String values) {

    static QuestionForm of(Question question) {
      StringBuilder values = new StringBuilder();
      question.values().forEach(v -> values.append(v.key()).append(" = ").append(v.name()).append('\n'));
      return new QuestionForm(question.code(), question.description(), question.datatype().name(),
          question.required() ? "on" : null, question.datatypeDescription(), values.toString());
    }

    static QuestionForm blank() {
      return new QuestionForm("", "", QuestionDatatype.STRING.name(), null, "", "");
    }

    public boolean isRequired() {
      return required != null;
    }
  }

  /** A question on the page: its form (as stored or as typed) and the problem to show, if any. */
  public record QuestionRow(String code, boolean variable, QuestionForm form, Problems.@Nullable Problem problem) {}

  @GetMapping("/staff/admin/categories")
  String list(StaffMember me, Model model) {
    check(me);
    model.addAttribute("categories", catalogAdmin.allCategories());
    model.addAttribute("departments", departmentNames());
    return "console/admin/categories";
  }

  @GetMapping("/staff/admin/categories/new")
  String newCategory(StaffMember me, Model model) {
    check(me);
    return detailsPage(model, null, CategoryForm.blank(), null);
  }

  @PostMapping("/staff/admin/categories")
  String create(StaffMember me, CategoryForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    String code = form.code() == null ? "" : form.code().strip();
    AuditNotes.target(request, code);
    if (!code.isEmpty() && catalogAdmin.managedCategory(code).isPresent()) {
      return detailsPage(model, null, form, problems.of("code", "admin.problem.codeTaken", code));
    }
    return save(code, form, null, model, request, redirect);
  }

  @GetMapping("/staff/admin/categories/{code}")
  String edit(StaffMember me, @PathVariable String code, Model model) {
    check(me);
    ManagedCategory managed = category(code);
    return detailsPage(model, managed, CategoryForm.of(managed), null);
  }

  @PostMapping("/staff/admin/categories/{code}")
  String update(
      StaffMember me, @PathVariable String code, CategoryForm form, Model model, HttpServletRequest request,
      RedirectAttributes redirect) {
    check(me);
    ManagedCategory managed = category(code);
    return save(code, form, managed, model, request, redirect);
  }

  private String save(
      String code, CategoryForm form, @Nullable ManagedCategory before, Model model, HttpServletRequest request,
      RedirectAttributes redirect) {
    SlaTarget sla;
    try {
      sla = sla(form);
    } catch (IllegalArgumentException e) {
      return detailsPage(model, before, form, problems.of("slaAmount", "admin.problem.sla"));
    }
    try {
      ManagedCategory saved = catalogAdmin.saveCategory(new CategoryDetails(code, text(form.name()), text(form.description()),
          form.group(), form.keywords(), form.department(), sla, form.isActive()));
      AuditNotes.detail(request, before == null ? "added category " + saved.category().name() : changes(before, saved));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/staff/admin/categories/" + encode(saved.code());
    } catch (CatalogEditRejected rejected) {
      AuditNotes.detail(request, "refused: " + rejected.field() + " " + rejected.reason());
      return detailsPage(model, before, form, problems.of(rejected));
    }
  }

  @PostMapping("/staff/admin/categories/{code}/questions")
  String addQuestion(
      StaffMember me, @PathVariable String code, QuestionForm form, Model model, HttpServletRequest request,
      RedirectAttributes redirect) {
    check(me);
    ManagedCategory managed = category(code);
    List<Question> questions = new ArrayList<>(managed.category().questions());
    Question added;
    try {
      added = question(form, true);
    } catch (CatalogEditRejected rejected) {
      return questionProblem(model, managed, NEW, form, problems.of(rejected));
    }
    questions.add(added);
    AuditNotes.detail(request, "added question " + added.code() + " (" + added.datatype().open311() + ")");
    return saveQuestions(managed, questions, NEW, form, model, request, redirect);
  }

  @PostMapping("/staff/admin/categories/{code}/questions/{question}")
  String changeQuestion(
      StaffMember me, @PathVariable String code, @PathVariable String question, QuestionForm form, Model model,
      HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    ManagedCategory managed = category(code);
    Question current = managed.category().question(question).orElseThrow(() -> new PageNotFound("question " + question));
    QuestionForm typed = new QuestionForm(question, form.description(), form.datatype(), form.required(), form.hint(), form.values());
    Question changed;
    try {
      changed = question(typed, current.variable());
    } catch (CatalogEditRejected rejected) {
      return questionProblem(model, managed, question, typed, problems.of(rejected));
    }
    List<Question> questions =
        managed.category().questions().stream().map(q -> q.code().equals(question) ? changed : q).toList();
    AuditNotes.detail(request, "changed question " + question);
    return saveQuestions(managed, questions, question, typed, model, request, redirect);
  }

  @PostMapping("/staff/admin/categories/{code}/questions/{question}/remove")
  String removeQuestion(
      StaffMember me, @PathVariable String code, @PathVariable String question, Model model, HttpServletRequest request,
      RedirectAttributes redirect) {
    check(me);
    ManagedCategory managed = category(code);
    managed.category().question(question).orElseThrow(() -> new PageNotFound("question " + question));
    List<Question> questions = managed.category().questions().stream().filter(q -> !q.code().equals(question)).toList();
    AuditNotes.detail(request, "removed question " + question);
    return saveQuestions(managed, questions, question, null, model, request, redirect);
  }

  @PostMapping("/staff/admin/categories/{code}/questions/{question}/move")
  String moveQuestion(
      StaffMember me, @PathVariable String code, @PathVariable String question, @RequestParam(defaultValue = "up") String direction,
      Model model, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    ManagedCategory managed = category(code);
    List<Question> questions = new ArrayList<>(managed.category().questions());
    int index = questions.stream().map(Question::code).toList().indexOf(question);
    if (index < 0) throw new PageNotFound("question " + question);
    int other = "down".equals(direction) ? index + 1 : index - 1;
    if (other >= 0 && other < questions.size()) {
      questions.set(index, questions.get(other));
      questions.set(other, managed.category().questions().get(index));
    }
    AuditNotes.detail(request, "moved question " + question + ("down".equals(direction) ? " down" : " up"));
    return saveQuestions(managed, questions, question, null, model, request, redirect);
  }

  private String saveQuestions(
      ManagedCategory managed, List<Question> questions, String focus, @Nullable QuestionForm typed, Model model,
      HttpServletRequest request, RedirectAttributes redirect) {
    AuditNotes.target(request, managed.code());
    try {
      catalogAdmin.saveQuestions(managed.code(), questions);
    } catch (CatalogEditRejected rejected) {
      QuestionForm form = typed != null ? typed : QuestionForm.blank();
      return questionProblem(model, managed, focus, form, problems.of(rejected));
    }
    redirect.addFlashAttribute("questionsSaved", true);
    return "redirect:/staff/admin/categories/" + encode(managed.code()) + "#questions";
  }

  private String questionProblem(Model model, ManagedCategory managed, String focus, QuestionForm typed, Problems.Problem problem) {
    model.addAttribute("newQuestion", NEW.equals(focus) ? new QuestionRow(NEW, true, typed, problem)
        : new QuestionRow(NEW, true, QuestionForm.blank(), null));
    return page(model, managed, CategoryForm.of(managed), null, rows(managed, focus, typed, problem));
  }

  private String detailsPage(Model model, @Nullable ManagedCategory managed, CategoryForm form, Problems.@Nullable Problem problem) {
    return page(model, managed, form, problem, managed == null ? List.of() : rows(managed, null, null, null));
  }

  private String page(
      Model model, @Nullable ManagedCategory managed, CategoryForm form, Problems.@Nullable Problem problem,
      List<QuestionRow> questions) {
    model.addAttribute("managed", managed);
    model.addAttribute("form", form);
    model.addAttribute("problem", problem);
    model.addAttribute("questions", questions);
    if (!model.containsAttribute("newQuestion")) {
      model.addAttribute("newQuestion", new QuestionRow(NEW, true, QuestionForm.blank(), null));
    }
    model.addAttribute("departments", catalog.departments());
    model.addAttribute("datatypes", QuestionDatatype.values());
    model.addAttribute("slaUnits", SlaTarget.Unit.values());
    return "console/admin/category";
  }

  private static List<QuestionRow> rows(
      ManagedCategory managed, @Nullable String focus, @Nullable QuestionForm typed, Problems.@Nullable Problem problem) {
    return managed.category().questions().stream()
        .map(q -> q.code().equals(focus) && typed != null
            ? new QuestionRow(q.code(), q.variable(), typed, problem)
            : new QuestionRow(q.code(), q.variable(), QuestionForm.of(q), q.code().equals(focus) ? problem : null))
        .toList();
  }

  /** A question from its form; the values' syntax is checked here, the rest by the catalog. */
  static Question question(QuestionForm form, boolean variable) {
    QuestionDatatype datatype;
    try {
      datatype = QuestionDatatype.valueOf(text(form.datatype()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      datatype = QuestionDatatype.STRING;
    }
    List<Question.AllowedValue> values = new ArrayList<>();
    String lines = form.values() == null ? "" : form.values();
    if (datatype.hasValueList()) {
      for (String line : lines.split("\\R")) {
        if (line.isBlank()) continue;
        int equals = line.indexOf('=');
        String key = (equals < 0 ? line : line.substring(0, equals)).strip();
        String name = (equals < 0 ? line : line.substring(equals + 1)).strip();
        if (key.isEmpty() || name.isEmpty()) {
          throw new CatalogEditRejected("values", CatalogEditRejected.Reason.BAD_VALUE, "Not 'key = name': " + line);
        }
        values.add(new Question.AllowedValue(key, name));
      }
    }
    return new Question(text(form.code()), variable, datatype, form.isRequired(), form.hint(), 0, text(form.description()),
        values);
  }

  private static @Nullable SlaTarget sla(CategoryForm form) {
    String amount = form.slaAmount() == null ? "" : form.slaAmount().strip();
    if (amount.isEmpty()) return null;
    int value = Integer.parseInt(amount);
    if (value > 10_000) throw new IllegalArgumentException("too large");
    SlaTarget.Unit unit = SlaTarget.Unit.valueOf(text(form.slaUnit()).isEmpty() ? "BUSINESS_DAYS" : text(form.slaUnit()));
    return new SlaTarget(value, unit);
  }

  /** What changed, field by field, for the audit log (names of fields, short values). */
  private static String changes(ManagedCategory before, ManagedCategory after) {
    ServiceCategory a = before.category();
    ServiceCategory b = after.category();
    List<String> changed = new ArrayList<>();
    if (!a.name().equals(b.name())) changed.add("name '" + a.name() + "' -> '" + b.name() + "'");
    if (!a.description().equals(b.description())) changed.add("description");
    if (!java.util.Objects.equals(a.group(), b.group())) changed.add("group '" + a.group() + "' -> '" + b.group() + "'");
    if (!java.util.Objects.equals(a.keywords(), b.keywords())) changed.add("keywords");
    if (!java.util.Objects.equals(a.departmentCode(), b.departmentCode())) {
      changed.add("department " + a.departmentCode() + " -> " + b.departmentCode());
    }
    if (!java.util.Objects.equals(a.sla(), b.sla())) changed.add("SLA " + a.sla() + " -> " + b.sla());
    if (before.active() != after.active()) changed.add(after.active() ? "reactivated" : "retired");
    return changed.isEmpty() ? "saved without changes" : String.join(", ", changed);
  }

  private ManagedCategory category(String code) {
    return catalogAdmin.managedCategory(code).orElseThrow(() -> new PageNotFound("category " + code));
  }

  private java.util.Map<String, String> departmentNames() {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    catalogAdmin.allDepartments().forEach(d -> names.put(d.code(), d.department().name()));
    return names;
  }

  private void check(StaffMember me) {
    if (!access.canAdminister(me)) throw new NotAllowed("category admin for " + me.email());
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  static String encode(String segment) {
    return org.springframework.web.util.UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
  }
}
