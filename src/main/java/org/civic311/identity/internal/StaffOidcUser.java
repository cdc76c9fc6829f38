package org.civic311.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.jspecify.annotations.Nullable;

/**
 * A staff member signed in through the city's OpenID Connect provider. Its name is the member id, as
 * for {@link StaffPrincipal}, so sessions are indexed by member whichever way they signed in.
 */
final class StaffOidcUser extends DefaultOidcUser {

  @Serial private static final long serialVersionUID = 1L;

  private final UUID memberId;

  StaffOidcUser(UUID memberId, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
    super(authorities, idToken, userInfo);
    this.memberId = memberId;
  }

  UUID memberId() {
    return memberId;
  }

  @Override
  public String getName() {
    return memberId.toString();
  }
}
