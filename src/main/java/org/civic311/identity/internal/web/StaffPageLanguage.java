package org.civic311.identity.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.civic311.identity.CurrentStaff;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Console pages speak the signed-in member's stored language, whatever the browser asks for, so that
 * the pages and the member's emails agree. Picking a language with the page header's link
 * ({@code ?lang=es}) while signed in stores it as the member's language. Public pages keep following
 * the browser, the language cookie and the link; the sign-in and password reset pages too, since
 * nobody is signed in there.
 */
@Configuration(proxyBeanMethods = false)
class StaffPageLanguage implements WebMvcConfigurer {

  /** The request attribute holding the member read for the page, so the page does not read it again. */
  static final String MEMBER = StaffPageLanguage.class.getName() + ".member";

  private final ObjectProvider<CurrentStaff> currentStaff;
  private final ObjectProvider<StaffAccounts> accounts;

  StaffPageLanguage(ObjectProvider<CurrentStaff> currentStaff, ObjectProvider<StaffAccounts> accounts) {
    this.currentStaff = currentStaff;
    this.accounts = accounts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new MemberLanguage()).addPathPatterns("/staff", "/staff/**", "/console", "/console/**");
  }

  /** The language a page link asks for, when the console speaks it: {@code es}, {@code es-MX}, {@code EN}. */
  static Optional<String> asked(@Nullable String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 35) return Optional.empty();
    String language = Locale.forLanguageTag(tag.strip()).getLanguage();
    return StaffMember.LANGUAGES.contains(language) ? Optional.of(language) : Optional.empty();
  }

  private final class MemberLanguage implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      // Scripts, styles and images need no language: no database read for them.
      if (!(handler instanceof HandlerMethod)) return true;
      CurrentStaff staff = currentStaff.getIfAvailable();
      StaffAccounts members = accounts.getIfAvailable();
      if (staff == null || members == null) return true;
      Optional<StaffMember> signedIn = staff.get();
      if (signedIn.isEmpty()) return true;
      StaffMember member = signedIn.get();
      // A plain link, not a form, so that it works on every page without JavaScript; choosing a
      // language is harmless enough to store on a GET.
      Optional<String> wanted = asked(request.getParameter("lang"));
      if (wanted.isPresent() && !wanted.get().equals(member.language())) member = members.changeLanguage(member.id(), wanted.get());
      request.setAttribute(MEMBER, member);
      // The application's locale resolver (the portal's cookie resolver) answers from this request
      // attribute once it is set; setting it rather than calling setLocale writes no cookie, so the
      // public pages keep the language the visitor chose there.
      request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, Locale.forLanguageTag(member.language()));
      return true;
    }
  }
}
