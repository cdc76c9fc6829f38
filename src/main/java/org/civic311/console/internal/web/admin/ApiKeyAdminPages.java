package org.civic311.console.internal.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civic311.audit.AuditNotes;
import org.civic311.catalog.Catalog;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.console.internal.web.PageNotFound;
import org.civic311.identity.ApiKeyScope;
import org.civic311.identity.ApiKeySummary;
import org.civic311.identity.ApiKeys;
import org.civic311.identity.IssuedApiKey;
import org.civic311.identity.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API keys of Open311 clients and city systems: the list (never a secret), a new key whose secret is
 * shown once on the answer page itself (not kept anywhere to show again), and revoking.
 */
@Controller
class ApiKeyAdminPages {

  private final ApiKeys apiKeys;
  private final Catalog catalog;
  private final ConsoleAccess access;
  private final Problems problems;

  ApiKeyAdminPages(ApiKeys apiKeys, Catalog catalog, ConsoleAccess access, Problems problems) {
    this.apiKeys = apiKeys;
    this.catalog = catalog;
    this.access = access;
    this.problems = problems;
  }

  public record KeyForm(@Nullable String client, @Nullable List<String> scopes) {
    static KeyForm blank() {
      return new KeyForm("", ApiKeyScope.DEFAULT.stream().map(ApiKeyScope::value).toList());
    }

    public boolean hasScope(String scope) {
      return scopes != null && scopes.contains(scope);
    }
  }

  @GetMapping("/staff/admin/api-keys")
  String list(StaffMember me, Model model) {
    check(me);
    return page(model, KeyForm.blank(), null, null);
  }

  @PostMapping("/staff/admin/api-keys")
  String create(StaffMember me, KeyForm form, Model model, HttpServletRequest request) {
    check(me);
    String client = form.client() == null ? "" : form.client().strip();
    AuditNotes.target(request, client);
    if (client.isEmpty() || client.length() > 200) {
      return page(model, form, problems.of("client", "admin.keys.problem.client"), null);
    }
    Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
    if (form.scopes() != null) form.scopes().forEach(s -> ApiKeyScope.of(s).ifPresent(scopes::add));
    if (scopes.isEmpty()) return page(model, form, problems.of("scopes", "admin.keys.problem.scopes"), null);
    IssuedApiKey issued = apiKeys.create(client, scopes);
    AuditNotes.target(request, issued.keyId());
    AuditNotes.detail(request, "created for " + client + " with scopes " + scopes.stream().map(ApiKeyScope::value).sorted().toList());
    return page(model, KeyForm.blank(), null, issued);
  }

  @PostMapping("/staff/admin/api-keys/{keyId}/revoke")
  String revoke(StaffMember me, @PathVariable String keyId, HttpServletRequest request, RedirectAttributes redirect) {
    check(me);
    if (apiKeys.list().stream().noneMatch(k -> k.keyId().equals(keyId))) throw new PageNotFound("API key " + keyId);
    boolean revoked = apiKeys.revoke(keyId);
    AuditNotes.detail(request, revoked ? "revoked" : "already revoked");
    redirect.addFlashAttribute("revoked", keyId);
    return "redirect:/staff/admin/api-keys";
  }

  private String page(Model model, KeyForm form, Problems.@Nullable Problem problem, @Nullable IssuedApiKey issued) {
    model.addAttribute("keys", apiKeys.list().stream()
        .sorted(Comparator.comparing((ApiKeySummary k) -> k.revokedAt() != null).thenComparing(ApiKeySummary::createdAt).reversed())
        .toList());
    model.addAttribute("allScopes", ApiKeyScope.values());
    model.addAttribute("form", form);
    model.addAttribute("problem", problem);
    model.addAttribute("issued", issued);
    model.addAttribute("zone", catalog.jurisdiction().timeZone());
    return "console/admin/api-keys";
  }

  private void check(StaffMember me) {
    if (!access.canAdminister(me)) throw new NotAllowed("API key admin for " + me.email());
  }
}
