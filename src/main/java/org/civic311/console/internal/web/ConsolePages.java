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
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
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
@ControllerAdvice(basePackages = "org.civic311.console")
class ConsolePages {

  private static final Logger log = LoggerFactory.getLogger(ConsolePages.class);

  // Looked up lazily: web slice tests of other modules load every controller advice, not this
  // module's beans.
  private final ObjectProvider<ConsoleAccess> access;
  private final ObjectProvider<CurrentStaff> currentStaff;
  private final ObjectProvider<Catalog> catalog;

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
    return staff == null ? Navigation.NONE : staff.get().map(this::navigationFor).orElse(Navigation.NONE);
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

  // An exception handler gets a model of its own, without the @ModelAttribute above: the layout needs nav.
  @ExceptionHandler(NotAllowed.class)
  ModelAndView notAllowed(NotAllowed refused, HttpServletResponse response) {
    log.info("Refused a console request: {}", refused.getMessage());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return new ModelAndView("console/not-allowed", "nav", navigation());
  }

  @ExceptionHandler(RequestNotFound.class)
  ModelAndView requestNotFound(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return new ModelAndView("console/request-not-found", "nav", navigation());
  }
}
