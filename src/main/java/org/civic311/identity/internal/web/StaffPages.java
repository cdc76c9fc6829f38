package org.civic311.identity.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Department;
import org.civic311.identity.StaffAccountRejected;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.civic311.identity.internal.IdentityProperties;
import org.civic311.identity.internal.PasswordResets;
import org.civic311.identity.internal.SecurityConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, the staff landing page and the password reset pages. */
@Controller
class StaffPages {

  private final PasswordResets resets;
  private final Catalog catalog;
  private final IdentityProperties.Lockout lockout;

  private final List<SingleSignOn> providers;

  StaffPages(
      PasswordResets resets,
      Catalog catalog,
      IdentityProperties properties,
      ObjectProvider<ClientRegistrationRepository> registrations) {
    this.resets = resets;
    this.catalog = catalog;
    this.lockout = properties.lockout();
    List<SingleSignOn> configured = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object registration : all) {
        if (registration instanceof ClientRegistration client) {
          configured.add(new SingleSignOn(client.getRegistrationId(), client.getClientName()));
        }
      }
    }
    this.providers = List.copyOf(configured);
  }

  /** A configured OpenID Connect provider, offered on the sign-in page. */
  record SingleSignOn(String id, String name) {}

  @GetMapping("/staff/login")
  String login(
      @CookieValue(name = SecurityConfiguration.LAST_EMAIL, required = false) @Nullable String typed,
      HttpServletResponse response,
      Model model) {
    String email = typed == null ? "" : URLDecoder.decode(typed, StandardCharsets.UTF_8);
    if (typed != null) {
      response.addHeader(
          HttpHeaders.SET_COOKIE,
          ResponseCookie.from(SecurityConfiguration.LAST_EMAIL, "").path("/staff/login").maxAge(0).build().toString());
    }
    model.addAttribute("email", email.length() <= 254 ? email : "");
    model.addAttribute("maxFailed", lockout.maxFailedSignIns());
    model.addAttribute("lockMinutes", Math.max(1, lockout.duration().toMinutes()));
    model.addAttribute("providers", providers);
    return "identity/login";
  }

  @GetMapping("/staff/password-reset")
  String askForLink(Model model) {
    model.addAttribute("mailConfigured", resets.canSendMail());
    model.addAttribute("email", "");
    return "identity/reset-request";
  }

  @PostMapping("/staff/password-reset")
  String sendLink(@RequestParam(defaultValue = "") String email, Model model) {
    resets.sendLink(email.strip());
    model.addAttribute("email", email.strip());
    return "identity/reset-sent";
  }

  @GetMapping("/staff/password-reset/{token}")
  String newPasswordForm(@PathVariable String token, Model model) {
    if (token.length() > 64 || !resets.isValid(token)) return "identity/reset-invalid";
    model.addAttribute("token", token);
    return "identity/reset-form";
  }

  @PostMapping("/staff/password-reset/{token}")
  String setNewPassword(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirmation,
      Model model) {
    model.addAttribute("token", token);
    if (!password.equals(confirmation)) {
      model.addAttribute("problem", "identity.reset.mismatch");
      return "identity/reset-form";
    }
    try {
      if (!resets.reset(token, password)) return "identity/reset-invalid";
    } catch (StaffAccountRejected weak) {
      model.addAttribute("problem", "identity.reset.weak");
      return "identity/reset-form";
    }
    return "redirect:/staff/login?reset";
  }
}
