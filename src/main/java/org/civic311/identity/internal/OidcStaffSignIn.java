package org.civic311.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on with the city's OpenID Connect provider (Keycloak, Entra ID, Okta...). The provider
 * says who the person is (the {@code email} claim) and which Civic311 roles they have (a claim,
 * {@code roles} by default, holding role names such as {@code dispatcher} or {@code CALL_TAKER},
 * optionally with a prefix like {@code civic311-}). The first sign-in creates the staff account
 * (without a password); later sign-ins bring its roles in line with the provider. A disabled account,
 * or a person with no Civic311 role, is refused.
 */
class OidcStaffSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private static final Logger log = LoggerFactory.getLogger(OidcStaffSignIn.class);

  private final OidcUserService provider = new OidcUserService();
  private final JdbcStaffAccounts accounts;
  private final IdentityProperties.Oidc settings;

  OidcStaffSignIn(JdbcStaffAccounts accounts, IdentityProperties.Oidc settings) {
    this.accounts = accounts;
    this.settings = settings;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    OidcUser user = provider.loadUser(request);
    String email = user.getEmail();
    if (email == null || email.isBlank()) throw refused("The provider sent no email claim");
    // The email names the account: one the provider itself has not verified could be anybody's.
    if (Boolean.FALSE.equals(user.getEmailVerified())) throw refused("The provider has not verified the email");
    Set<StaffRole> roles = roles(user.getClaim(settings.rolesClaim()));
    if (roles.isEmpty()) throw refused("No Civic311 role in the " + settings.rolesClaim() + " claim");
    String name = Optional.ofNullable(user.getFullName()).filter(n -> !n.isBlank()).orElse(email);
    StaffMember member = accounts.signedInWithProvider(email, name, roles);
    if (!member.enabled()) throw refused("Staff account disabled");
    log.info("Staff member {} signed in with {}", member.id(), request.getClientRegistration().getRegistrationId());
    List<SimpleGrantedAuthority> authorities = member.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    return new StaffOidcUser(member.id().value(), authorities, user.getIdToken(), user.getUserInfo());
  }

  /** The Civic311 roles named in the claim (a list or a space/comma separated text); others are ignored. */
  Set<StaffRole> roles(Object claim) {
    Collection<?> values =
        claim instanceof Collection<?> list ? list : claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
    Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
    String prefix = settings.rolePrefix().toLowerCase(Locale.ROOT);
    for (Object value : values) {
      String role = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
      if (!role.startsWith(prefix)) continue;
      String name = role.substring(prefix.length()).replace('-', '_').toUpperCase(Locale.ROOT);
      for (StaffRole known : StaffRole.values()) if (known.name().equals(name)) roles.add(known);
    }
    return roles;
  }

  private static OAuth2AuthenticationException refused(String why) {
    // The sign-in page shows its one message for every refusal; the reason is for the log.
    log.warn("Single sign-on refused: {}", why);
    return new OAuth2AuthenticationException(new OAuth2Error("access_denied"), why);
  }
}
