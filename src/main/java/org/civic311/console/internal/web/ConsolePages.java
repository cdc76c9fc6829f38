package org.civic311.console.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Department;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.identity.CurrentStaff;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.requests.RequestNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's home page and what every console page shares: the signed-in member and which parts
 * of the console their roles open (the navigation shows only those), and the pages for a refusal or
 * an unknown request.
 */
@Controller
@ControllerAdvice(basePackages = {
    "org.civic311.console",
    // Console pages that live in the modules they administer (a template is no Java dependency).
    "org.civic311.notifications.internal.web.staff",
    "org.civic311.notifications.internal.web.admin",
    "org.civic311.workflow.internal.web.admin",
    "org.civic311.webhooks.internal.web.admin"})
class ConsolePages {

  private static final Logger log = LoggerFactory.getLogger(ConsolePages.class);

  private final ObjectProvider<ConsoleAccess> access;
  private final ObjectProvider<CurrentStaff> currentStaff;
  private final ObjectProvider<Catalog> catalog;

  // Providers, not beans: as a @ControllerAdvice this class is part of every web slice test of other
  // modules (e.g. open311's @WebMvcTest), where the console's and identity's beans do not exist.
  ConsolePages(
      ObjectProvider<ConsoleAccess> access, ObjectProvider<CurrentStaff> currentStaff, ObjectProvider<Catalog> catalog) {
    this.access = access;
    this.currentStaff = currentStaff;
    this.catalog = catalog;
  }

  /** The navigation of every console page; empty for anonymous requests (sign-in redirects first). */
  @ModelAttribute("nav")
  Navigation navigation() {
    CurrentStaff staff = currentStaff.getIfAvailable();
    if (staff == null || access.getIfAvailable() == null) return Navigation.NONE;
    return staff.get().map(this::navigationFor).orElse(Navigation.NONE);
  }

  Navigation navigationFor(StaffMember me) {
    ConsoleAccess access = this.access.getObject();
    return new Navigation(
        true,
        me.name(),
        access.canTakeReports(me),
        access.canSeeQueues(me),
        access.isCrew(me),
        access.canAdminister(me),
        access.canReadAuditLog(me));
  }

  /** Which sections a member's roles open; the layout draws links for those only. */
  public record Navigation(
      boolean signedIn, String name, boolean intake, boolean queue, boolean jobs, boolean admin, boolean audit) {
    static final Navigation NONE = new Navigation(false, "", false, false, false, false, false);
  }

  @GetMapping("/staff")
  String home(StaffMember me, Model model) {
    model.addAttribute("me", me);
    model.addAttribute("roles", me.roles().stream().sorted(Comparator.naturalOrder()).map(StaffRole::name).toList());
    List<String> departments =
        me.departments().stream()
            .map(code -> catalog.getObject().department(code).map(Department::name).orElse(code))
            .sorted()
            .toList();
    model.addAttribute("departments", departments);
    return "console/home";
  }

  @ExceptionHandler(NotAllowed.class)
  String notAllowed(NotAllowed refused, HttpServletResponse response, Model model) {
    log.info("Refused a console request: {}", refused.getMessage());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    // Exception handlers get an empty model: the layout still needs its navigation.
    model.addAttribute("nav", navigation());
    return "console/not-allowed";
  }

  @ExceptionHandler(RequestNotFound.class)
  String requestNotFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("nav", navigation());
    return "console/request-not-found";
  }

  @ExceptionHandler(PageNotFound.class)
  String pageNotFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("nav", navigation());
    return "console/admin/not-found";
  }
}
