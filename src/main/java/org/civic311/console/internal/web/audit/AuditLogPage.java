package org.civic311.console.internal.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.civic311.audit.AuditEntry;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditSearch;
import org.civic311.catalog.Catalog;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.identity.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log: who did what, when and from where, newest first, searched by actor, words of the
 * action, target and a date range (days in the city's time zone), 50 entries a page with an "older"
 * link that continues after the last entry shown (keyset paging: no page drifts when entries arrive).
 */
@Controller
class AuditLogPage {

  static final int PAGE = 50;

  private final AuditLog auditLog;
  private final Catalog catalog;
  private final ConsoleAccess access;

  AuditLogPage(AuditLog auditLog, Catalog catalog, ConsoleAccess access) {
    this.auditLog = auditLog;
    this.catalog = catalog;
    this.access = access;
  }

  /** The search as typed. */
  public record AuditQuery(
      @Nullable String actor, @Nullable String action, @Nullable String target, @Nullable String from, @Nullable String to,
      @Nullable String before) {

    public String olderLink(long lastId) {
      UriComponentsBuilder link = UriComponentsBuilder.fromPath("/staff/audit");
      add(link, "actor", actor);
      add(link, "action", action);
      add(link, "target", target);
      add(link, "from", from);
      add(link, "to", to);
      return link.queryParam("before", lastId).encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder link, String name, @Nullable String value) {
      if (value != null && !value.isBlank()) link.queryParam(name, value.strip());
    }
  }

  @GetMapping("/staff/audit")
  String search(StaffMember me, AuditQuery query, Model model) {
    if (!access.canReadAuditLog(me)) throw new NotAllowed("audit log for " + me.email());
    ZoneId zone = catalog.jurisdiction().timeZone();
    model.addAttribute("query", query);
    model.addAttribute("zone", zone);
    Instant from;
    Instant to;
    Long before;
    try {
      from = day(query.from(), zone, 0);
      to = day(query.to(), zone, 1);
    } catch (DateTimeParseException e) {
      model.addAttribute("problem", "audit.problem.date");
      model.addAttribute("entries", List.of());
      return "console/audit";
    }
    try {
      before = query.before() == null || query.before().isBlank() ? null : Long.valueOf(query.before().strip());
    } catch (NumberFormatException e) {
      before = null;
    }
    if (from != null && to != null && !from.isBefore(to)) {
      model.addAttribute("problem", "audit.problem.range");
      model.addAttribute("entries", List.of());
      return "console/audit";
    }
    List<AuditEntry> entries =
        auditLog.search(new AuditSearch(clip(query.actor()), clip(query.action()), clip(query.target()), from, to, before, PAGE + 1));
    boolean more = entries.size() > PAGE;
    List<AuditEntry> shown = more ? entries.subList(0, PAGE) : entries;
    model.addAttribute("entries", shown);
    model.addAttribute("older", more ? query.olderLink(shown.getLast().id()) : null);
    return "console/audit";
  }

  /** The start of the day (or of the next day for an end date, which is inclusive) in the city's zone. */
  private static @Nullable Instant day(@Nullable String text, ZoneId zone, int plusDays) {
    if (text == null || text.isBlank()) return null;
    return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(zone).toInstant();
  }

  private static @Nullable String clip(@Nullable String text) {
    if (text == null || text.isBlank()) return null;
    String stripped = text.strip();
    return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
  }
}
