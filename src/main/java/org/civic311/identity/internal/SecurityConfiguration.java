package org.civic311.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.civic311.identity.ApiKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Two filter chains:
 *
 * <ul>
 *   <li>Machine endpoints ({@code /open311/**}, {@code /media/**}, one-click unsubscribe POSTs): open
 *       to all, no session and no CSRF token, because their callers are apps and mail clients that
 *       have neither; Open311 POSTs prove who they are with an API key, checked by the open311 module.
 *   <li>Everything else: sessions (kept in PostgreSQL), CSRF tokens on every form, form sign-in at
 *       {@code /staff/login}. {@code /staff/**} needs a signed-in staff member, {@code /staff/admin/**}
 *       the ADMIN role; the actuator endpoints other than health need ADMIN, MANAGER or an API key
 *       of the {@code metrics} scope ({@link MonitoringApiKeys}); resident pages, static files and
 *       health stay public.
 * </ul>
 *
 * Both send the same security headers. Only staff pages are marked not to be cached: public pages and
 * files decide their own caching.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

  static final String LOGIN_PAGE = "/staff/login";
  /** The cookie that brings the email typed back to the sign-in page after a refusal. */
  public static final String LAST_EMAIL = "identity_email";

  private final String contentSecurityPolicy;

  SecurityConfiguration(
      IdentityProperties properties, @Value("${civic311.portal.map-tile-url:}") @Nullable String tileUrl) {
    this.contentSecurityPolicy = ContentSecurityPolicy.of(properties.contentSecurityPolicy(), tileUrl);
  }

  static RequestMatcher machineEndpoints() {
    var path = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(
        path.matcher("/open311/**"),
        path.matcher("/media/**"),
        // Every notifications POST carries its own proof: a signed link token (unsubscribe, confirm,
        // survey) or a provider's signature (SMS replies); one-click unsubscribe comes from mail programs.
        path.matcher(HttpMethod.POST, "/notifications/**"));
  }

  /**
   * No Micrometer observation around each security filter, authentication and authorization: it
   * wrapped every request in a dozen observations and took GET services.json from 17,900 to 11,500
   * answers a second on the benchmark machine (docs/performance.md). HTTP server metrics
   * (http.server.requests) stay.
   */
  @Bean
  static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
    return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain machineEndpointsChain(HttpSecurity http) throws Exception {
    // Nothing here signs anyone in, so the chain keeps only what every answer needs: the security
    // headers. No authorization, session, anonymous, logout or servlet-API filters: each wrapped or
    // inspected every Open311 call for nothing (docs/performance.md).
    http.securityMatcher(machineEndpoints())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.disable())
        .securityContext(context -> context.disable())
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .logout(logout -> logout.disable())
        .servletApi(servletApi -> servletApi.disable())
        .exceptionHandling(exceptions -> exceptions.disable())
        .headers(this::securityHeaders)
        .headers(headers -> headers.cacheControl(HeadersConfigurer.CacheControlConfig::disable));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pagesChain(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> singleSignOn,
      ObjectProvider<JdbcStaffAccounts> accounts,
      ObjectProvider<ApiKeys> apiKeys,
      IdentityProperties properties)
      throws Exception {
    RequestMatcher staffPages = PathPatternRequestMatcher.withDefaults().matcher("/staff/**");
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(LOGIN_PAGE, "/staff/password-reset", "/staff/password-reset/**")
                    .permitAll()
                    .requestMatchers("/staff/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/staff", "/staff/**")
                    .authenticated()
                    // Metrics and the other actuator endpoints tell how the city's service runs: admins,
                    // managers, or a monitoring system's key (MonitoringApiKeys). Health stays public.
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator", "/actuator/**")
                    .hasAnyAuthority("ROLE_ADMIN", "ROLE_MANAGER", MonitoringApiKeys.AUTHORITY)
                    // Public: resident pages, Open311 (above), photos, static files, health, errors.
                    .requestMatchers(
                        "/", "/report/**", "/requests/**", "/map/**", "/webjars/**", "/portal/**", "/identity/**",
                        "/manifest.webmanifest", "/favicon.ico", "/notifications/**", "/error")
                    .permitAll()
                    // Unknown paths reach the application and get its 404; nothing else is staff-only yet.
                    .anyRequest()
                    .permitAll())
        .formLogin(
            form ->
                form.loginPage(LOGIN_PAGE)
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .defaultSuccessUrl("/staff")
                    .failureHandler(rememberEmailAndShowError())
                    .permitAll())
        // CSRF tokens and the page to return to after sign-in live in cookies, not in a session, so an
        // anonymous visitor (a resident filling in a form, a bot knocking on /staff) never creates a
        // session row in the database; only a signed-in staff member has one.
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfCookie())
                    // The resident portal guards its own forms (portal FormGuard: a double-submit token
                    // that survives the review step and a 429 page, without a session); one token per form.
                    .ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/report/**"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/requests/**")))
        .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
        // A scraper without a key gets a 401 it can report, not the sign-in page; everyone else is
        // sent to sign in, as form login (and single sign-on, with the same page) would do.
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(
                    new DelegatingAuthenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                        new RequestMatcherEntry<AuthenticationEntryPoint>(
                            MonitoringApiKeys::protectedActuator, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))))
        .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl(LOGIN_PAGE + "?signed-out").permitAll())
        .headers(this::securityHeaders)
        .headers(
            headers ->
                headers
                    .cacheControl(HeadersConfigurer.CacheControlConfig::disable)
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(staffPages, new CacheControlHeadersWriter())));
    http.addFilterBefore(
        new CurrentRoles(accounts.getObject(), new HttpSessionSecurityContextRepository()), AuthorizationFilter.class);
    http.addFilterBefore(new MonitoringApiKeys(apiKeys.getObject()), AuthorizationFilter.class);
    // Single sign-on only when a provider is configured (spring.security.oauth2.client.registration.*).
    if (singleSignOn.getIfAvailable() != null) {
      OidcStaffSignIn oidc = new OidcStaffSignIn(accounts.getObject(), properties.oidc());
      http.oauth2Login(
          login ->
              login
                  .loginPage(LOGIN_PAGE)
                  .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidc))
                  .defaultSuccessUrl("/staff")
                  .failureUrl(LOGIN_PAGE + "?error"));
    }
    return http.build();
  }

  /**
   * Spring Security's firewall refuses request paths that could fool path matching (encoded dots or
   * slashes, {@code ;}, {@code //}); refusing them is right, but its bare 400 would change what such a
   * path answered before: a path that cannot name anything is not found (404), a method we never
   * serve is 405, anything else (bad header) 400. {@code sendError} lets the usual error pages (Open311
   * error lists on Open311 paths) render the answer.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, rejected) -> {
      String reason = String.valueOf(rejected.getMessage());
      int status =
          reason.contains("HTTP method") ? HttpServletResponse.SC_METHOD_NOT_ALLOWED
              : reason.contains("URL") || reason.contains("normalized") ? HttpServletResponse.SC_NOT_FOUND
              : HttpServletResponse.SC_BAD_REQUEST;
      response.sendError(status);
    };
  }

  private void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentTypeOptions(options -> {})
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy));
  }

  /**
   * Every refusal (wrong password, unknown account, locked, disabled) shows the same message; the
   * email typed is kept for the form, the password never.
   */
  private static AuthenticationFailureHandler rememberEmailAndShowError() {
    return (request, response, exception) -> {
      String email = request.getParameter("email");
      if (email != null && !email.isBlank() && email.length() <= 254) {
        // A one-minute cookie for the sign-in page only, instead of a session for a visitor who is not signed in.
        ResponseCookie cookie =
            ResponseCookie.from(LAST_EMAIL, URLEncoder.encode(email.strip(), StandardCharsets.UTF_8))
                .path(request.getContextPath() + LOGIN_PAGE)
                .maxAge(Duration.ofMinutes(1))
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
      }
      response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?error");
    };
  }

  private static CookieCsrfTokenRepository csrfCookie() {
    CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return repository;
  }
}
