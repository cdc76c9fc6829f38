package org.civic311.console.internal.web.queue;

import java.util.List;
import org.civic311.console.internal.CannedResponses;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.identity.StaffMember;
import org.civic311.requests.RequestNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins edit the city's canned responses: add, change, remove, in English, Spanish or another language. */
@Controller
class CannedResponsesController {

  private final ConsoleAccess access;
  private final CannedResponses canned;

  CannedResponsesController(ConsoleAccess access, CannedResponses canned) {
    this.access = access;
    this.canned = canned;
  }

  /** What was typed into one response's form. */
  record CannedForm(String language, String title, String body, String position) {}

  /** A refused form: which field (as named in the form) and the message key saying why. */
  record Problem(String field, String key) {}

  @GetMapping("/staff/admin/canned-responses")
  String list(StaffMember me, Model model) {
    require(me);
    return page(model, new CannedForm("en", "", "", "10"), null, null, null);
  }

  @PostMapping("/staff/admin/canned-responses")
  String add(
      @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "0") String position,
      StaffMember me, Model model, RedirectAttributes flash) {
    require(me);
    CannedForm typed = new CannedForm(language, title, body, position);
    Problem problem = problem(typed, null, canned.all());
    if (problem != null) return page(model, typed, problem, null, null);
    canned.add(language.strip(), title.strip(), body.strip(), Integer.parseInt(position.strip()));
    flash.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/canned-responses";
  }

  @PostMapping("/staff/admin/canned-responses/{id}")
  String update(
      @PathVariable long id, @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "0") String position,
      StaffMember me, Model model, RedirectAttributes flash) {
    require(me);
    canned.find(id).orElseThrow(() -> new RequestNotFound("canned response " + id));
    CannedForm typed = new CannedForm(language, title, body, position);
    Problem problem = problem(typed, id, canned.all());
    // The page is shown again, not redirected to, so the refused response keeps what was typed.
    if (problem != null) return page(model, new CannedForm("en", "", "", "10"), null, id, new Refused(typed, problem));
    canned.update(id, language.strip(), title.strip(), body.strip(), Integer.parseInt(position.strip()));
    flash.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/canned-responses";
  }

  /** A refused edit of one response: what was typed and why it was refused. */
  record Refused(CannedForm form, Problem problem) {}

  private String page(Model model, CannedForm addForm, @Nullable Problem addProblem, @Nullable Long editedId, @Nullable Refused edit) {
    model.addAttribute("responses", canned.all());
    model.addAttribute("form", addForm);
    model.addAttribute("problem", addProblem != null ? addProblem : edit != null ? edit.problem() : null);
    model.addAttribute("addProblem", addProblem);
    model.addAttribute("editedId", editedId);
    model.addAttribute("edit", edit);
    return "console/canned-responses";
  }

  @PostMapping("/staff/admin/canned-responses/{id}/delete")
  String delete(@PathVariable long id, StaffMember me, RedirectAttributes flash) {
    require(me);
    if (canned.delete(id)) flash.addFlashAttribute("deleted", true);
    return "redirect:/staff/admin/canned-responses";
  }

  private void require(StaffMember me) {
    if (!access.canAdminister(me)) throw new NotAllowed("canned responses for " + me.email());
  }

  /**
   * Why a response cannot be saved as typed, or null when it can. Two responses with the same title in
   * one language would be the same choice twice in the request page's list.
   */
  static @Nullable Problem problem(CannedForm form, @Nullable Long id, List<CannedResponses.CannedResponse> existing) {
    String language = form.language().strip();
    if (!language.matches("[a-z]{2,3}")) return new Problem("language", "queue.canned.problem.language");
    String title = form.title().strip();
    if (title.isEmpty() || title.length() > 80) return new Problem("title", "queue.canned.problem.title");
    if (form.body().isBlank() || form.body().strip().length() > 2000) return new Problem("body", "queue.canned.problem.body");
    try {
      int p = Integer.parseInt(form.position().strip());
      if (p < 0 || p > 10_000) return new Problem("position", "queue.canned.problem.position");
    } catch (NumberFormatException e) {
      return new Problem("position", "queue.canned.problem.position");
    }
    boolean taken = existing.stream()
        .anyMatch(c -> (id == null || c.id() != id) && c.language().equals(language) && c.title().equalsIgnoreCase(title));
    if (taken) return new Problem("title", "queue.canned.problem.duplicate");
    return null;
  }
}
