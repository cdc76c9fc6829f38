package org.civic311.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.civic311.catalog.Catalog;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the shared layout needs on every portal page: the city's name and the language switch. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

  private final Catalog catalog;

  PageModel(Catalog catalog) {
    this.catalog = catalog;
  }

  @ModelAttribute("cityName")
  String cityName() {
    return catalog.jurisdiction().name();
  }

  /** The language the switch offers: the other one of the two. */
  @ModelAttribute("otherLanguage")
  String otherLanguage(Locale locale) {
    return locale.getLanguage().equals("es") ? "en" : "es";
  }

  /** This page in the other language (the same address and query, with {@code lang} replaced). */
  @ModelAttribute("otherLanguageUrl")
  String otherLanguageUrl(HttpServletRequest request, Locale locale) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // After a POST the page's address is not one to go back to with GET: the switch keeps the path only.
    String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
    try {
      return UriComponentsBuilder.fromUriString(query == null ? path : path + "?" + query)
          .replaceQueryParam(Languages.PARAMETER, otherLanguage(locale))
          .build()
          .toUriString();
    } catch (IllegalArgumentException unreadable) {
      return path + "?" + Languages.PARAMETER + "=" + otherLanguage(locale);
    }
  }
}
