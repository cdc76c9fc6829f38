package org.civic311.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in member's session in step with their account on every staff page: roles an admin
 * changed apply at the next click (not the next sign-in), and a disabled or removed account is signed
 * out at once. One indexed query per staff page; public pages and machine endpoints never pay it.
 * Not a bean, so it is not registered as a servlet filter of its own: the security chain adds it.
 */
final class CurrentRoles extends OncePerRequestFilter {

  private final JdbcStaffAccounts accounts;
  private final SecurityContextRepository contexts;
  private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

  CurrentRoles(JdbcStaffAccounts accounts, SecurityContextRepository contexts) {
    this.accounts = accounts;
    this.contexts = contexts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // The protected actuator endpoints too: a manager whose role was taken away must not keep reading metrics.
    return !(path.equals("/staff") || path.startsWith("/staff/") || MonitoringApiKeys.protectedActuator(request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = holder.getContext().getAuthentication();
    UUID id = memberId(authentication);
    if (id != null) {
      Optional<StaffMember> member = accounts.find(new StaffMemberId(id)).filter(StaffMember::enabled);
      if (member.isEmpty()) {
        holder.clearContext();
        var session = request.getSession(false);
        if (session != null) session.invalidate();
      } else if (!authorities(authentication).equals(roles(member.get()))) {
        SecurityContext updated = holder.createEmptyContext();
        updated.setAuthentication(withRoles(authentication, member.get()));
        holder.setContext(updated);
        contexts.saveContext(updated, request, response);
      }
    }
    chain.doFilter(request, response);
  }

  private static @Nullable UUID memberId(@Nullable Authentication authentication) {
    if (authentication == null) return null;
    return switch (authentication.getPrincipal()) {
      case StaffPrincipal principal -> principal.id();
      case StaffOidcUser oidc -> oidc.memberId();
      case null, default -> null;
    };
  }

  private static Set<String> authorities(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
  }

  private static Set<String> roles(StaffMember member) {
    return member.roles().stream().map(role -> "ROLE_" + role.name()).collect(Collectors.toSet());
  }

  private static Authentication withRoles(Authentication old, StaffMember member) {
    List<SimpleGrantedAuthority> authorities = roles(member).stream().map(SimpleGrantedAuthority::new).toList();
    AbstractAuthenticationToken updated =
        old instanceof OAuth2AuthenticationToken oauth
            ? new OAuth2AuthenticationToken(oauth.getPrincipal(), authorities, oauth.getAuthorizedClientRegistrationId())
            : UsernamePasswordAuthenticationToken.authenticated(old.getPrincipal(), null, authorities);
    updated.setDetails(old.getDetails());
    return updated;
  }
}
