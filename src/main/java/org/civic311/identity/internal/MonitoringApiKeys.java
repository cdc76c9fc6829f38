package org.civic311.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.civic311.identity.ApiClient;
import org.civic311.identity.ApiKeyScope;
import org.civic311.identity.ApiKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a monitoring system (a Prometheus scraper) read the protected actuator endpoints with an API
 * key of the {@code metrics} scope, sent as {@code Authorization: Bearer <key>}. The key holds for
 * this request only: nothing is saved in a session, so a scrape every 15 seconds creates no session
 * row. A key that is unknown, revoked or without the scope is a 401, never a sign-in redirect.
 * Not a bean, so it is not registered as a servlet filter of its own: the security chain adds it.
 */
final class MonitoringApiKeys extends OncePerRequestFilter {

  static final String AUTHORITY = "SCOPE_" + ApiKeyScope.METRICS.value();
  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;
  private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

  MonitoringApiKeys(ApiKeys keys) {
    this.keys = keys;
  }

  /** The actuator endpoints other than health, which stays open for load balancers and probes. */
  static boolean protectedActuator(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
    boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    return actuator && !health;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !protectedActuator(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    String secret = header.substring(BEARER.length()).strip();
    Optional<ApiClient> client = secret.isEmpty() || secret.length() > 200 ? Optional.empty() : keys.authenticate(secret);
    if (client.isEmpty() || !client.get().may(ApiKeyScope.METRICS)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"civic311\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(
        new PreAuthenticatedAuthenticationToken(
            "api-key:" + client.get().keyId(), null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
    holder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      holder.clearContext();
    }
  }
}
