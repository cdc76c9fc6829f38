package org.civic311.identity.internal;

import java.util.Optional;
import org.civic311.identity.CurrentStaff;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.identity.StaffMemberId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in member from Spring Security's context, read fresh from the database so that a
 * disabled account or a changed department shows at once.
 */
@Component
class SignedInStaff implements CurrentStaff {

  private final StaffAccounts accounts;

  SignedInStaff(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<StaffMember> get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) return Optional.empty();
    java.util.UUID id =
        switch (authentication.getPrincipal()) {
          case StaffPrincipal principal -> principal.id();
          case StaffOidcUser oidc -> oidc.memberId();
          case null, default -> null;
        };
    if (id == null) return Optional.empty();
    return accounts.find(new StaffMemberId(id)).filter(StaffMember::enabled);
  }
}
