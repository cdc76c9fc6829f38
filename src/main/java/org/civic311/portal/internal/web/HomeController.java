package org.civic311.portal.internal.web;

import java.util.Locale;
import org.civic311.requests.RequestNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page and the "track a request by number" form, which leads to the request's status page. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "portal/home";
  }

  /**
   * A plain GET form cannot build {@code /requests/{number}} by itself, so it comes here first. A
   * number typed with spaces or an en dash (as phones like to) still finds its page.
   */
  @GetMapping("/track")
  String track(@RequestParam(defaultValue = "") String number, Model model) {
    String cleaned = clean(number);
    if (cleaned != null && RequestNumber.isWellFormed(cleaned)) return "redirect:/requests/" + cleaned;
    model.addAttribute("number", number.length() > 40 ? number.substring(0, 40) : number);
    model.addAttribute(
        "trackError", number.isBlank() ? "portal.home.track.error.missing" : "portal.home.track.error.format");
    return "portal/home";
  }

  private static @Nullable String clean(String typed) {
    if (typed.length() > 40) return null;
    String cleaned = typed.strip().replaceAll("\\s+", "").replace('–', '-').replace('—', '-').replace('‐', '-');
    if (cleaned.matches("\\d{10,}")) cleaned = cleaned.substring(0, 4) + "-" + cleaned.substring(4);
    return cleaned.toUpperCase(Locale.ROOT);
  }
}
