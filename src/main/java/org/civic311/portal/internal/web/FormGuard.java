package org.civic311.portal.internal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Cross-site request forgery protection for the portal's forms until Spring Security arrives: a random
 * token in a cookie (SameSite=Lax, HttpOnly) that each form repeats in a hidden field (the
 * "double-submit cookie" pattern). Another site can make a browser send the cookie but can neither
 * read it nor put it in the form. Stateless, so any app node can check it.
 */
@Component
class FormGuard {

  static final String COOKIE = "civic311_form";
  static final String FIELD = "csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The token of this browser, set in a cookie the first time a form is shown. */
  String token(HttpServletRequest request, HttpServletResponse response) {
    String existing = cookie(request);
    if (existing != null) return existing;
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ResponseCookie cookie =
        ResponseCookie.from(COOKIE, token).path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure()).build();
    response.addHeader("Set-Cookie", cookie.toString());
    request.setAttribute(COOKIE, token);
    return token;
  }

  /** Whether a posted form carries this browser's token. */
  boolean accepts(HttpServletRequest request, String posted) {
    String expected = cookie(request);
    return expected != null
        && !posted.isEmpty()
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), posted.getBytes(StandardCharsets.UTF_8));
  }

  private static String cookie(HttpServletRequest request) {
    if (request.getAttribute(COOKIE) instanceof String fresh) return fresh;
    Cookie[] cookies = request.getCookies();
    if (cookies == null) return null;
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{32}")) return cookie.getValue();
    }
    return null;
  }
}
