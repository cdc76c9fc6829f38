package org.civic311.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages the pages speak. A resident's choice ({@code ?lang=es}) is remembered in a cookie;
 * without one the browser's Accept-Language decides, and English is the fallback. Adding a language
 * is adding a messages file and its tag here.
 */
final class Languages {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));
  static final String COOKIE = "civic311_lang";
  static final String PARAMETER = "lang";

  private Languages() {}

  /** A supported language for a tag such as {@code es} or {@code es-MX}; empty otherwise. */
  static Optional<Locale> supported(@Nullable String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 35) return Optional.empty();
    String language = Locale.forLanguageTag(tag.strip()).getLanguage();
    return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
  }

  /** The first language of the browser's list that the pages speak. */
  static Locale fromBrowser(HttpServletRequest request) {
    for (Locale wanted : Collections.list(request.getLocales())) {
      Optional<Locale> match = supported(wanted.toLanguageTag());
      if (match.isPresent()) return match.get();
    }
    return Locale.ENGLISH;
  }

  static CookieLocaleResolver resolver() {
    var resolver = new CookieLocaleResolver(COOKIE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    resolver.setCookieHttpOnly(true);
    resolver.setDefaultLocaleFunction(Languages::fromBrowser);
    return resolver;
  }

  /** Switches the language when a page is asked for with {@code ?lang=}, ignoring unknown languages. */
  static final class Switch implements HandlerInterceptor {

    private final CookieLocaleResolver resolver;

    Switch(CookieLocaleResolver resolver) {
      this.resolver = resolver;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      supported(request.getParameter(PARAMETER)).ifPresent(locale -> resolver.setLocale(request, response, locale));
      return true;
    }
  }
}
