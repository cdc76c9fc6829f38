package org.civic311.notifications.internal.web.staff;

import jakarta.servlet.http.HttpServletResponse;
import org.civic311.identity.StaffMember;
import org.civic311.notifications.StaffWatchers;
import org.civic311.notifications.WatchNotAllowed;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The "watch" and "stop watching" buttons of a request's console page: the signed-in member starts or
 * stops getting the request's changes by email, and returns to the page.
 */
@Controller
class WatchActions {

  private final StaffWatchers watchers;

  WatchActions(StaffWatchers watchers) {
    this.watchers = watchers;
  }

  @PostMapping("/staff/requests/{number}/watch")
  String watch(@PathVariable String number, StaffMember me) {
    RequestNumber request = parse(number);
    watchers.watch(request, me.id());
    return "redirect:/staff/requests/" + request.value();
  }

  @PostMapping("/staff/requests/{number}/unwatch")
  String unwatch(@PathVariable String number, StaffMember me) {
    RequestNumber request = parse(number);
    watchers.unwatch(request, me.id());
    return "redirect:/staff/requests/" + request.value();
  }

  // Exception handlers get no model attributes from advice, so these pages draw no navigation.
  @ExceptionHandler(RequestNotFound.class)
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("nav", NoNavigation.INSTANCE);
    return "console/request-not-found";
  }

  @ExceptionHandler(WatchNotAllowed.class)
  String notAllowed(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("nav", NoNavigation.INSTANCE);
    return "console/not-allowed";
  }

  private static RequestNumber parse(String number) {
    if (!RequestNumber.isWellFormed(number)) throw new RequestNotFound(number);
    return new RequestNumber(number);
  }

  /** What the console layout needs to draw no navigation on an error page. */
  public record NoNavigation(boolean signedIn) {
    static final NoNavigation INSTANCE = new NoNavigation(false);
  }
}
