package org.civic311.console.internal.web.account;

import jakarta.servlet.http.HttpServletRequest;
import org.civic311.audit.AuditNotes;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in member chooses their language (console pages and emails) on the console home page. Any
 * role may: it is about how Civic311 speaks to them, not about what they may do. Admins set it for
 * others on the account page; the header's English / Español link stores it too.
 */
@Controller
class MemberLanguage {

  private final StaffAccounts accounts;

  MemberLanguage(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/staff/language")
  String change(StaffMember me, @RequestParam(name = "language", required = false) @Nullable String language,
      HttpServletRequest request, RedirectAttributes redirect) {
    String wanted = language == null ? "" : language.strip();
    AuditNotes.target(request, me.email());
    // The select offers nothing else; a forged value is answered like an empty choice.
    if (!StaffMember.LANGUAGES.contains(wanted)) {
      AuditNotes.detail(request, "refused: language " + wanted);
      redirect.addFlashAttribute("languageProblem", true);
      return "redirect:/staff";
    }
    StaffMember after = accounts.changeLanguage(me.id(), wanted);
    AuditNotes.detail(request, "language " + me.language() + " -> " + after.language());
    redirect.addFlashAttribute("languageSaved", true);
    return "redirect:/staff";
  }
}
