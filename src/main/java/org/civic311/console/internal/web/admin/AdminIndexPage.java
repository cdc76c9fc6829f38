package org.civic311.console.internal.web.admin;

import java.util.List;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.identity.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin home: one link per admin section, including those other parts of the console provide. */
@Controller
class AdminIndexPage {

  /** One admin section: where it is and the message keys of its name and what it is for. */
  public record Section(String id, String path) {}

  static final List<Section> SECTIONS =
      List.of(
          new Section("categories", "/staff/admin/categories"),
          new Section("departments", "/staff/admin/departments"),
          new Section("users", "/staff/admin/users"),
          new Section("apiKeys", "/staff/admin/api-keys"),
          new Section("templates", "/staff/admin/templates"),
          new Section("deliveries", "/staff/admin/deliveries"),
          new Section("calendar", "/staff/admin/calendar"),
          new Section("webhooks", "/staff/admin/webhooks"),
          new Section("cannedResponses", "/staff/admin/canned-responses"),
          new Section("audit", "/staff/audit"));

  private final ConsoleAccess access;

  AdminIndexPage(ConsoleAccess access) {
    this.access = access;
  }

  @GetMapping("/staff/admin")
  String index(StaffMember me, Model model) {
    if (!access.canAdminister(me)) throw new NotAllowed("admin index for " + me.email());
    model.addAttribute("sections", SECTIONS);
    return "console/admin/index";
  }
}
