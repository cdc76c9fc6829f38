package org.civic311.console.internal.web.queue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditRecord;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.civic311.console.internal.CannedResponses;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.identity.Crew;
import org.civic311.identity.StaffAccounts;
import org.civic311.identity.StaffMember;
import org.civic311.notifications.StaffWatchers;
import org.civic311.requests.Actor;
import org.civic311.requests.CloseReason;
import org.civic311.requests.HistoryEntry;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.Priority;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.StaffRequestDetails;
import org.civic311.requests.StaffRequestViews;
import org.civic311.requests.TransitionNotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A request as staff handle it: every fact, the whole history (public and internal, labelled), the
 * reporter's contact behind an audited action, and one form per action, each a change through the
 * requests aggregate. A refused action shows the page again with its message and what was typed.
 */
@Controller
class RequestController {

  private static final Pattern STORED_PHOTO = Pattern.compile(".*/media/([0-9a-f-]{36})\\.(jpg|png)$");

  private final ConsoleAccess access;
  private final StaffRequestViews views;
  private final ServiceRequests requests;
  private final Catalog catalog;
  private final StaffAccounts staff;
  private final CannedResponses canned;
  private final AuditLog audit;
  private final ConsoleViews names;
  private final ConsoleLiveUpdates live;
  private final MessageSource messages;
  private final Clock clock;
  private final String mapTiles;
  private final String mapAttribution;
  private final ObjectProvider<StaffWatchers> watchers;

  RequestController(
      ConsoleAccess access, StaffRequestViews views, ServiceRequests requests, Catalog catalog, StaffAccounts staff,
      CannedResponses canned, AuditLog audit, ConsoleViews names, ConsoleLiveUpdates live, MessageSource messages,
      Clock clock,
      @Value("${civic311.portal.map-tile-url:https://tile.openstreetmap.org/{z}/{x}/{y}.png}") String mapTiles,
      @Value("${civic311.portal.map-attribution:© OpenStreetMap contributors}") String mapAttribution,
      ObjectProvider<StaffWatchers> watchers) {
    this.watchers = watchers;
    this.access = access;
    this.views = views;
    this.requests = requests;
    this.catalog = catalog;
    this.staff = staff;
    this.canned = canned;
    this.audit = audit;
    this.names = names;
    this.live = live;
    this.messages = messages;
    this.clock = clock;
    this.mapTiles = mapTiles;
    this.mapAttribution = mapAttribution;
  }

  record Photo(String full, String thumbnail) {}

  record Answer(String question, String answer) {}

  /** One line of the history; photos are those that came with the change (a crew's photo of the finished work). */
  record Entry(String at, String atIso, HistoryEntry.Kind kind, boolean publicEntry, @Nullable String text, String actor, String status,
      List<Photo> photos) {}

  @GetMapping("/staff/requests/{number}")
  String show(@PathVariable String number, StaffMember me, Model model, Locale locale) {
    StaffRequestDetails found = visible(number, me);
    fill(model, found, me, locale);
    return "console/request";
  }

  /** Shows the reporter's contact: only to roles allowed, and every time with an audit entry. */
  @PostMapping("/staff/requests/{number}/contact")
  String contact(@PathVariable String number, StaffMember me, Model model, Locale locale, HttpServletRequest http) {
    StaffRequestDetails found = visible(number, me);
    String department = found.request().departmentCode();
    if (department == null || !access.canSeeReporterContact(me, department)) {
      throw new NotAllowed("reporter contact of " + number + " for " + me.email());
    }
    Reporter reporter = requests.reporterOf(found.request().number()).orElse(Reporter.ANONYMOUS);
    audit.record(new AuditRecord(me.email(), "viewed reporter contact", number, null, http.getRemoteAddr()));
    fill(model, found, me, locale);
    model.addAttribute("reporter", reporter);
    return "console/request";
  }

  @PostMapping("/staff/requests/{number}/actions/{action}")
  String act(
      @PathVariable String number, @PathVariable String action, @ModelAttribute ActionForm form, StaffMember me,
      Model model, Locale locale, RedirectAttributes flash, HttpServletResponse response) {
    StaffRequestDetails found = visible(number, me);
    if (!RequestActions.NAMES.contains(action)) throw new RequestNotFound(number);
    String department = found.request().departmentCode();
    if (department == null || !access.canWorkDepartment(me, department)) {
      throw new NotAllowed(action + " on " + number + " for " + me.email());
    }
    String problem;
    if (action.equals("update") && (form.message() == null || form.message().isBlank()) && form.canned() != null
        && form.canned().matches("\\d{1,18}")) {
      // Without JavaScript the picked response is not copied into the text box: use it as it is.
      String body = canned.find(Long.parseLong(form.canned())).map(CannedResponses.CannedResponse::body).orElse(null);
      form = new ActionForm(body, form.crew(), form.assignee(), form.priority(), form.department(), form.reason(),
          form.agency(), form.closeReason(), form.parent(), form.canned());
    }
    try {
      RequestChange change = RequestActions.change(action, form, department, staff.crews(), staff.list());
      if (change instanceof RequestChange.Reroute(String to, String why) && catalog.department(to).isEmpty()) {
        throw new RequestActions.Refused("department", "queue.action.problem.department");
      }
      requests.change(found.request().number(), change, Actor.staff(me.email()));
      if (change instanceof RequestChange.Reroute(String to, String why) && !access.canSeeDepartment(me, to)) {
        // Sent to a department this member does not see: their queue, not a "not allowed" page.
        flash.addFlashAttribute("reroutedAway", number);
        return "redirect:/staff/queue";
      }
      flash.addFlashAttribute("done", "queue.action.done." + action);
      return "redirect:/staff/requests/" + number;
    } catch (RequestActions.Refused refused) {
      problem = messages.getMessage(refused.messageKey, null, refused.messageKey, locale);
    } catch (TransitionNotAllowed refused) {
      problem = messages.getMessage("queue.action.problem.transition", new Object[] {refused.describe(messages, locale)}, locale);
    } catch (InvalidServiceRequest invalid) {
      problem = invalid.describe(messages, locale);
    }
    // The page again, with the message next to the form and everything as it was typed.
    response.setStatus(422);
    fill(model, found, me, locale);
    model.addAttribute("failedAction", action);
    model.addAttribute("actionProblem", problem);
    model.addAttribute("typed", form);
    return "console/request";
  }

  /**
   * The changing part of the request page (facts and history), which the page's script reads on a live
   * update. Not the whole page: that would take the confirmation ("Assigned.") kept for the page a form
   * leads to, and it costs the map, the forms and the canned responses for nothing.
   */
  @GetMapping("/staff/requests/{number}/current")
  String current(@PathVariable String number, StaffMember me, Model model, Locale locale, HttpServletResponse response) {
    fill(model, visible(number, me), me, locale);
    response.setHeader("Cache-Control", "no-store");
    return "console/request :: live";
  }

  @GetMapping(path = "/staff/requests/{number}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter live(@PathVariable String number, StaffMember me) {
    StaffRequestDetails found = visible(number, me);
    return live.watch(found.request().number(), null);
  }

  private StaffRequestDetails visible(String number, StaffMember me) {
    if (!RequestNumber.isWellFormed(number)) throw new RequestNotFound(number);
    StaffRequestDetails found = views.staffView(new RequestNumber(number)).orElseThrow(() -> new RequestNotFound(number));
    String department = found.request().departmentCode();
    boolean may = department == null ? access.canAdminister(me) : access.canSeeDepartment(me, department);
    if (!may || !access.canSeeQueues(me)) throw new NotAllowed("request " + number + " for " + me.email());
    return found;
  }

  private void fill(Model model, StaffRequestDetails found, StaffMember me, Locale locale) {
    ServiceRequestDetails r = found.request();
    String department = r.departmentCode();
    model.addAttribute("r", r);
    model.addAttribute("number", r.number().value());
    StaffWatchers staffWatchers = watchers.getIfAvailable();
    model.addAttribute("watching", staffWatchers != null && staffWatchers.isWatching(r.number(), me.id()));
    model.addAttribute("category", names.category(r.categoryCode()));
    model.addAttribute("department", names.department(department));
    model.addAttribute("crew", names.crew(r.assignedCrew()));
    model.addAttribute("assignee", found.assignee() == null ? null : staff.list().stream()
        .filter(m -> m.email().equalsIgnoreCase(found.assignee())).map(StaffMember::name).findFirst().orElse(found.assignee()));
    model.addAttribute("submitted", names.dateTime(r.requestedAt(), locale));
    model.addAttribute("due", names.dateTime(r.expectedAt(), locale));
    model.addAttribute("closed", names.dateTime(r.closedAt(), locale));
    model.addAttribute("overdue", r.overdueAt(clock.instant()));
    model.addAttribute("photos", photos(r));
    model.addAttribute("answers", answers(r));
    model.addAttribute("history", history(r, locale));
    model.addAttribute("mapTiles", mapTiles);
    model.addAttribute("mapAttribution", mapAttribution);
    model.addAttribute("mayAct", department != null && access.canWorkDepartment(me, department));
    model.addAttribute("maySeeContact", department != null && access.canSeeReporterContact(me, department));
    model.addAttribute("crews", staff.crews().stream().filter(c -> c.department().equals(department))
        .sorted(Comparator.comparing(Crew::name)).toList());
    model.addAttribute("people", staff.list().stream().filter(StaffMember::enabled)
        .filter(m -> department != null && m.worksFor(department)).toList());
    model.addAttribute("departments", catalog.departments());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("closeReasons", List.of(CloseReason.COMPLETED, CloseReason.NOT_OUR_RESPONSIBILITY, CloseReason.CANCELLED, CloseReason.NO_FURTHER_ACTION));
    model.addAttribute("canned", canned.in(locale.getLanguage()));
    if (!model.containsAttribute("typed")) model.addAttribute("typed", ActionForm.empty());
  }

  private static List<Photo> photos(ServiceRequestDetails r) {
    return photos(r.mediaUrls());
  }

  private static List<Photo> photos(List<String> urls) {
    List<Photo> photos = new ArrayList<>();
    for (String url : urls) {
      Matcher stored = STORED_PHOTO.matcher(url);
      photos.add(stored.matches()
          ? new Photo("/media/" + stored.group(1) + "." + stored.group(2), "/media/" + stored.group(1) + "/thumbnail.jpg")
          : new Photo(url, url));
    }
    return photos;
  }

  private List<Answer> answers(ServiceRequestDetails r) {
    List<Question> questions = catalog.categoryIncludingInactive(r.categoryCode()).map(ServiceCategory::questions).orElse(List.of());
    List<Answer> answers = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : r.answers().entrySet()) {
      Question q = questions.stream().filter(x -> x.code().equals(e.getKey())).findFirst().orElse(null);
      List<String> shown = e.getValue().stream().map(v -> q == null ? v
          : q.values().stream().filter(a -> a.key().equals(v)).map(Question.AllowedValue::name).findFirst().orElse(v)).toList();
      answers.add(new Answer(q == null ? e.getKey() : q.description(), String.join(", ", shown)));
    }
    return answers;
  }

  private List<Entry> history(ServiceRequestDetails r, Locale locale) {
    List<Entry> entries = new ArrayList<>();
    for (HistoryEntry h : r.history().reversed()) {
      entries.add(new Entry(names.dateTime(h.at(), locale), h.at().toString(), h.kind(), h.publicEntry(), h.text(),
          h.actor().name(), h.status().name(), photos(h.mediaUrls())));
    }
    return entries;
  }
}
