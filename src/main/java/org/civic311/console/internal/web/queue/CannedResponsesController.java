package org.civic311.console.internal.web.queue;

import org.civic311.console.internal.CannedResponses;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.identity.StaffMember;
import org.civic311.requests.RequestNotFound;
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

  @GetMapping("/staff/admin/canned-responses")
  String list(StaffMember me, Model model) {
    require(me);
    model.addAttribute("responses", canned.all());
    if (!model.containsAttribute("form")) model.addAttribute("form", new CannedForm("en", "", "", "10"));
    return "console/canned-responses";
  }

  @PostMapping("/staff/admin/canned-responses")
  String add(
      @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "0") String position,
      StaffMember me, Model model, RedirectAttributes flash) {
    require(me);
    String problem = problem(language, title, body, position);
    if (problem != null) {
      model.addAttribute("problem", problem);
      model.addAttribute("form", new CannedForm(language, title, body, position));
      model.addAttribute("responses", canned.all());
      return "console/canned-responses";
    }
    canned.add(language.strip(), title.strip(), body.strip(), Integer.parseInt(position.strip()));
    flash.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/canned-responses";
  }

  @PostMapping("/staff/admin/canned-responses/{id}")
  String update(
      @PathVariable long id, @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "0") String position,
      StaffMember me, RedirectAttributes flash) {
    require(me);
    canned.find(id).orElseThrow(() -> new RequestNotFound("canned response " + id));
    String problem = problem(language, title, body, position);
    if (problem != null) {
      flash.addFlashAttribute("problem", problem);
      flash.addFlashAttribute("problemId", id);
      return "redirect:/staff/admin/canned-responses";
    }
    canned.update(id, language.strip(), title.strip(), body.strip(), Integer.parseInt(position.strip()));
    flash.addFlashAttribute("saved", true);
    return "redirect:/staff/admin/canned-responses";
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

  /** A message key, or null when the form is fine. */
  static String problem(String language, String title, String body, String position) {
    if (!language.strip().matches("[a-z]{2,3}")) return "queue.canned.problem.language";
    if (title.isBlank() || title.strip().length() > 80) return "queue.canned.problem.title";
    if (body.isBlank() || body.strip().length() > 2000) return "queue.canned.problem.body";
    try {
      int p = Integer.parseInt(position.strip());
      if (p < 0 || p > 10_000) return "queue.canned.problem.position";
    } catch (NumberFormatException e) {
      return "queue.canned.problem.position";
    }
    return null;
  }
}
