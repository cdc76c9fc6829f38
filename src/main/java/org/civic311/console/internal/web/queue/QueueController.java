package org.civic311.console.internal.web.queue;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditNotes;
import org.civic311.audit.AuditRecord;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Department;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.SavedViews;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.geo.Addresses;
import org.civic311.identity.Crew;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.Priority;
import org.civic311.requests.QueuePage;
import org.civic311.requests.QueueRow;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.StaffRequestViews;
import org.civic311.requests.Status;
import org.civic311.requests.TransitionNotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The queue page: the requests of the member's departments with filters, sorts, saved views, search,
 * keyset pages, bulk actions for storm days, and live refresh.
 */
@Controller
class QueueController {

  private final ConsoleAccess access;
  private final StaffRequestViews views;
  private final ServiceRequests requests;
  private final Catalog catalog;
  private final StaffAccounts staff;
  private final SavedViews savedViews;
  private final Addresses addresses;
  private final AuditLog audit;
  private final ConsoleViews names;
  private final ConsoleLiveUpdates live;
  private final MessageSource messages;
  private final Clock clock;

  QueueController(
      ConsoleAccess access, StaffRequestViews views, ServiceRequests requests, Catalog catalog, StaffAccounts staff,
      SavedViews savedViews, Addresses addresses, AuditLog audit, ConsoleViews names, ConsoleLiveUpdates live,
      MessageSource messages, Clock clock) {
    this.access = access;
    this.views = views;
    this.requests = requests;
    this.catalog = catalog;
    this.staff = staff;
    this.savedViews = savedViews;
    this.addresses = addresses;
    this.audit = audit;
    this.names = names;
    this.live = live;
    this.messages = messages;
    this.clock = clock;
  }

  /** One row as the table shows it. */
  record Row(
      String number, String category, Status status, Priority priority, String department, String place,
      String submitted, String due, boolean overdue, int followers, String crew, @Nullable String assignee) {}

  @GetMapping("/staff/queue")
  String queue(@ModelAttribute("filter") QueueFilter filter, StaffMember me, Model model, Locale locale, HttpServletRequest http) {
    requireQueue(me);
    List<String> all = catalog.departments().stream().map(Department::code).toList();
    QueuePolicy.Outcome outcome =
        QueuePolicy.build(filter, me, access, all, clock.instant(), address -> addresses.suggest(address, 1).stream()
            .findFirst().map(a -> new double[] {a.latitude(), a.longitude()}));
    if (outcome.refused()) throw new NotAllowed("queue of department " + filter.department() + " for " + me.email());
    List<Row> rows = List.of();
    String next = null;
    List<QueuePolicy.Problem> problems = new ArrayList<>(outcome.problems());
    if (outcome.query() != null) {
      try {
        QueuePage page = views.queue(outcome.query());
        rows = page.rows().stream().map(r -> row(r, locale)).toList();
        next = page.nextCursor() == null ? null : "/staff/queue?" + filter.withAfter(page.nextCursor());
        if (outcome.contactSearch() && next != null) {
          // A page link never carries the email or phone searched for, so it cannot go on with this
          // search: say that there is more and how to narrow it, rather than page through everything.
          next = null;
          model.addAttribute("contactMore", true);
        }
        if (outcome.contactSearch()) {
          // Searching by a reporter's email or phone reveals who reported what: audited like a view.
          audit.record(new AuditRecord(me.email(), "searched by reporter contact", null, rows.size() + " result(s)", http.getRemoteAddr()));
        }
      } catch (IllegalArgumentException badCursor) {
        problems.add(new QueuePolicy.Problem("after", "queue.problem.after"));
      }
    }
    Set<String> visible = QueuePolicy.visibleDepartments(me, access, all);
    model.addAttribute("rows", rows);
    model.addAttribute("next", next);
    model.addAttribute("firstPage", filter.after() == null || filter.after().isBlank() ? null : "/staff/queue?" + filter.toQueryString());
    model.addAttribute("problems", problems);
    model.addAttribute("departments", catalog.departments().stream().filter(d -> visible == null || visible.contains(d.code())).toList());
    model.addAttribute("categories", catalog.categories());
    model.addAttribute("crews", staff.crews().stream().filter(c -> visible == null || visible.contains(c.department())).toList());
    model.addAttribute("statuses", Status.values());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("savedViews", savedViews.of(me.id()));
    model.addAttribute("mayActOnAny", all.stream().anyMatch(d -> access.canWorkDepartment(me, d)));
    model.addAttribute("maySearchContact", all.stream().anyMatch(d -> access.canSeeReporterContact(me, d)));
    model.addAttribute("queryString", filter.toQueryString());
    return "console/queue";
  }

  private Row row(QueueRow r, Locale locale) {
    String place = r.address() != null ? r.address()
        : r.latitude() != null ? String.format(Locale.ROOT, "%.5f, %.5f", r.latitude(), r.longitude()) : "";
    return new Row(
        r.number().value(), names.category(r.categoryCode()), r.status(), r.priority(), names.department(r.departmentCode()),
        place, names.dateTime(r.submittedAt(), locale), names.dateTime(r.expectedAt(), locale), r.overdue(), r.followers(),
        names.crew(r.assignedCrew()), r.assignee());
  }

  @PostMapping("/staff/queue/views")
  String saveView(@RequestParam String name, @RequestParam(defaultValue = "") String query, StaffMember me, RedirectAttributes flash) {
    requireQueue(me);
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 80 || query.length() > 2000) {
      flash.addFlashAttribute("viewProblem", "queue.views.problem.name");
      flash.addFlashAttribute("viewName", name);
      return "redirect:/staff/queue" + (query.isEmpty() ? "" : "?" + query);
    }
    // A contact search must never be kept: the saved query is rebuilt from what a filter keeps.
    String safe = query.replaceAll("(^|&)contact=[^&]*", "").replaceAll("(^|&)after=[^&]*", "").replaceAll("^&", "");
    if (savedViews.save(me.id(), trimmed, safe).isEmpty()) {
      flash.addFlashAttribute("viewProblem", "queue.views.problem.tooMany");
    } else {
      flash.addFlashAttribute("viewSaved", trimmed);
    }
    return "redirect:/staff/queue" + (safe.isEmpty() ? "" : "?" + safe);
  }

  @PostMapping("/staff/queue/views/{id}/delete")
  String deleteView(@PathVariable long id, StaffMember me, RedirectAttributes flash) {
    requireQueue(me);
    if (savedViews.delete(me.id(), id)) flash.addFlashAttribute("viewDeleted", true);
    return "redirect:/staff/queue";
  }

  /** One item of a bulk action and how it went. */
  record BulkItem(String number, boolean done, String message, @Nullable String refusal) implements java.io.Serializable {
    BulkItem(String number, boolean done, String message) {
      this(number, done, message, null);
    }
  }

  @PostMapping("/staff/queue/bulk")
  String bulk(
      @RequestParam(name = "selected", required = false) @Nullable List<String> selected,
      @RequestParam(name = "bulkAction", defaultValue = "") String action,
      @RequestParam(name = "bulkCrew", defaultValue = "") String crew,
      @RequestParam(name = "bulkParent", defaultValue = "") String parent,
      @RequestParam(name = "back", defaultValue = "") String back,
      StaffMember me, Locale locale, RedirectAttributes flash, HttpServletRequest http) {
    requireQueue(me);
    String backTo = "redirect:/staff/queue" + (back.isEmpty() || back.contains("contact=") ? "" : "?" + back);
    if (selected == null || selected.isEmpty()) {
      flash.addFlashAttribute("bulkProblem", "queue.bulk.problem.none");
      return backTo;
    }
    if (selected.size() > 200) {
      flash.addFlashAttribute("bulkProblem", "queue.bulk.problem.tooMany");
      return backTo;
    }
    List<Crew> crews = staff.crews();
    List<BulkItem> results = new ArrayList<>();
    for (String value : selected.stream().distinct().toList()) {
      BulkItem item = bulkOne(value, action, crew, parent, me, crews, locale);
      results.add(item);
      auditBulkItem(item, action, crew, parent, me, http);
    }
    long done = results.stream().filter(BulkItem::done).count();
    AuditNotes.detail(http, "bulk " + bulkName(action) + ": " + done + " done, " + (results.size() - done) + " refused");
    flash.addFlashAttribute("bulkResults", results);
    flash.addFlashAttribute("bulkDone", results.stream().filter(BulkItem::done).count());
    flash.addFlashAttribute("bulkRefused", results.stream().filter(r -> !r.done()).count());
    return backTo;
  }

  private BulkItem bulkOne(String value, String action, String crew, String parent, StaffMember me, List<Crew> crews, Locale locale) {
    if (!RequestNumber.isWellFormed(value)) return new BulkItem(value, false, msg("queue.bulk.refused.number", locale), "not-a-number");
    RequestNumber number = new RequestNumber(value);
    try {
      var found = requests.find(number).orElseThrow(() -> new RequestNotFound(value));
      if (found.departmentCode() == null || !access.canWorkDepartment(me, found.departmentCode())) {
        return new BulkItem(value, false, msg("queue.bulk.refused.department", locale), "not-your-department");
      }
      RequestChange change = switch (action) {
        case "assign" -> RequestActions.assign(new ActionForm(null, crew, null, null, null, null, null, null, null, null),
            found.departmentCode(), crews, List.of());
        case "duplicate" -> new RequestChange.MarkDuplicate(RequestActions.number(parent));
        default -> throw new RequestActions.Refused("bulkAction", "queue.bulk.problem.action");
      };
      requests.change(number, change, org.civic311.requests.Actor.staff(me.email()));
      return new BulkItem(value, true, msg("queue.bulk.done." + action, locale));
    } catch (RequestNotFound e) {
      return new BulkItem(value, false, msg("queue.bulk.refused.notFound", locale), "not-found");
    } catch (RequestActions.Refused e) {
      return new BulkItem(value, false, msg(e.messageKey, locale), e.messageKey);
    } catch (TransitionNotAllowed e) {
      return new BulkItem(value, false, e.describe(messages, locale), e.refusal().code());
    } catch (InvalidServiceRequest e) {
      return new BulkItem(value, false, e.describe(messages, locale),
          e.violations().stream().map(v -> v.refusal().code()).distinct().collect(java.util.stream.Collectors.joining(", ")));
    }
  }

  /**
   * One audit entry per request of a bulk action, with the request number as target: the audit page's
   * search by target (exact, indexed) then answers "who closed 2026-000123?", which one entry for the
   * whole batch could not (200 numbers do not fit a target, and a search inside details is no index).
   * Only codes chosen from lists are kept (crew, parent number), never typed text.
   */
  private void auditBulkItem(BulkItem item, String action, String crew, String parent, StaffMember me, HttpServletRequest http) {
    String detail = switch (action) {
      case "assign" -> "crew " + clipCode(crew);
      case "duplicate" -> "parent " + (RequestNumber.isWellFormed(parent.strip()) ? parent.strip() : "(not a request number)");
      default -> "unknown action";
    };
    String outcome = item.done() ? "done" : "refused" + (item.refusal() == null ? "" : " (" + item.refusal() + ")");
    String target = RequestNumber.isWellFormed(item.number()) ? item.number() : "(not a request number)";
    try {
      audit.record(new AuditRecord(me.email(), "bulk " + bulkName(action), target, detail + "; " + outcome, http.getRemoteAddr()));
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(QueueController.class).error("Could not write the bulk audit entry for {}", target, e);
    }
  }

  private static String bulkName(String action) {
    return switch (action) {
      case "assign" -> "assign";
      case "duplicate" -> "close as duplicate";
      default -> "(unknown action)";
    };
  }

  private static String clipCode(String code) {
    String stripped = code.strip();
    return stripped.matches("[A-Za-z0-9_-]{1,40}") ? stripped : "(none)";
  }

  @GetMapping(path = "/staff/queue/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter queueLive(StaffMember me) {
    requireQueue(me);
    List<String> all = catalog.departments().stream().map(Department::code).toList();
    return live.watch(null, QueuePolicy.visibleDepartments(me, access, all));
  }

  private void requireQueue(StaffMember me) {
    if (!access.canSeeQueues(me)) throw new NotAllowed("queue for " + me.email());
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
