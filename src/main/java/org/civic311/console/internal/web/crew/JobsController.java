package org.civic311.console.internal.web.crew;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.catalog.Catalog;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.identity.StaffMember;
import org.civic311.media.PhotoRejected;
import org.civic311.media.Photos;
import org.civic311.requests.Actor;
import org.civic311.requests.CrewJobs;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.Status;
import org.civic311.requests.TransitionNotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A field crew's phone pages: the open jobs of the member's crew as a list (and a map), "on site" and
 * "done" with a photo and a note. Each action carries an id made when the page (or the phone's offline
 * queue) made it, and is applied through {@link ServiceRequests#changeFromExternalSystem}, so a retry
 * after a lost answer, a double tap or a queue sent twice changes a request once.
 */
@Controller
class JobsController {

  static final int MAX_JOBS = 200;
  static final int MAX_NOTE = 2000;
  /** Client action ids: a UUID from the page or the phone, or anything short and plain. */
  private static final Pattern ACTION_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

  private final ConsoleAccess access;
  private final CrewJobs jobs;
  private final ServiceRequests requests;
  private final Photos photos;
  private final Catalog catalog;
  private final MessageSource messages;
  private final Clock clock;
  private final String mapTiles;
  private final String mapAttribution;

  JobsController(
      ConsoleAccess access,
      CrewJobs jobs,
      ServiceRequests requests,
      Photos photos,
      Catalog catalog,
      MessageSource messages,
      Clock clock,
      @Value("${civic311.portal.map-tile-url:https://tile.openstreetmap.org/{z}/{x}/{y}.png}") String mapTiles,
      @Value("${civic311.portal.map-attribution:© OpenStreetMap contributors}") String mapAttribution) {
    this.access = access;
    this.jobs = jobs;
    this.requests = requests;
    this.photos = photos;
    this.catalog = catalog;
    this.messages = messages;
    this.clock = clock;
    this.mapTiles = mapTiles;
    this.mapAttribution = mapAttribution;
  }

  @GetMapping("/staff/jobs")
  String list(
      StaffMember me,
      @RequestParam(required = false) @Nullable String onsite,
      @RequestParam(required = false) @Nullable String done,
      Locale locale,
      Model model) {
    requireCrew(me);
    if (onsite != null && RequestNumber.isWellFormed(onsite)) model.addAttribute("flash", text("jobs.flash.onsite", locale, onsite));
    if (done != null && RequestNumber.isWellFormed(done)) model.addAttribute("flash", text("jobs.flash.done", locale, done));
    return render(me, Map.of(), Map.of(), Map.of(), model, locale);
  }

  @PostMapping("/staff/jobs/{number}/on-site")
  Object onSite(
      StaffMember me,
      @PathVariable String number,
      @RequestParam(defaultValue = "") String clientActionId,
      Locale locale,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    ServiceRequestDetails job = ownJob(me, number);
    String actionId = actionId(clientActionId);
    try {
      long entry = requests.changeFromExternalSystem(job.number(), actionId, new RequestChange.StartWork(null), Actor.staff(me.email()));
      return answered(request, entry, "redirect:/staff/jobs?onsite=" + number + "#job-" + number);
    } catch (TransitionNotAllowed refused) {
      return refused(me, request, response, number, text("jobs.error.transition", locale, refused.describe(messages, locale)), null, Map.of(), model, locale, HttpStatus.CONFLICT);
    }
  }

  @PostMapping("/staff/jobs/{number}/done")
  Object done(
      StaffMember me,
      @PathVariable String number,
      @RequestParam(defaultValue = "") String clientActionId,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(required = false) @Nullable MultipartFile photo,
      Locale locale,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    ServiceRequestDetails job = ownJob(me, number);
    String actionId = actionId(clientActionId);
    String message = note.strip();
    if (message.isEmpty() || message.length() > MAX_NOTE) {
      return refused(me, request, response, number, text("jobs.error.note", locale), "note", Map.of(number, note), model, locale, HttpStatus.UNPROCESSABLE_CONTENT);
    }
    List<String> media = List.of();
    if (photo != null && !photo.isEmpty()) {
      try {
        media = List.of(photos.store(photo.getBytes(), String.valueOf(photo.getOriginalFilename())).url());
      } catch (PhotoRejected rejected) {
        return refused(me, request, response, number, text("jobs.error.photo", locale, rejected.getMessage()), "photo", Map.of(number, note), model, locale, HttpStatus.UNPROCESSABLE_CONTENT);
      }
    }
    try {
      long entry =
          requests.changeFromExternalSystem(
              job.number(), actionId, new RequestChange.ResolveWithPhotos(message, media), Actor.staff(me.email()));
      return answered(request, entry, "redirect:/staff/jobs?done=" + number);
    } catch (TransitionNotAllowed refused) {
      media.forEach(url -> photos.discard(url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\.[a-z]+$", "")));
      return refused(me, request, response, number, text("jobs.error.transition", locale, refused.describe(messages, locale)), null, Map.of(number, note), model, locale, HttpStatus.CONFLICT);
    } catch (InvalidServiceRequest invalid) {
      return refused(me, request, response, number, text("jobs.error.note", locale), "note", Map.of(number, note), model, locale, HttpStatus.UNPROCESSABLE_CONTENT);
    }
  }

  /** The phone's queue gets a small JSON answer; a plain form goes back to the list. */
  private static Object answered(HttpServletRequest request, long entry, String redirect) {
    if (wantsJson(request)) return ResponseEntity.ok(Map.of("applied", true, "entry", entry));
    return redirect;
  }

  private Object refused(
      StaffMember me,
      HttpServletRequest request,
      HttpServletResponse response,
      String number,
      String message,
      @Nullable String field,
      Map<String, String> notes,
      Model model,
      Locale locale,
      HttpStatus status) {
    if (wantsJson(request)) return ResponseEntity.status(status).body(Map.of("applied", false, "message", message));
    response.setStatus(status.value());
    return render(me, Map.of(number, message), field == null ? Map.of() : Map.of(number, field), notes, model, locale);
  }

  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("application/json");
  }

  /** A job of the member's own crew; anything else is refused (403), an unknown number is a 404. */
  private ServiceRequestDetails ownJob(StaffMember me, String number) {
    requireCrew(me);
    if (!RequestNumber.isWellFormed(number)) throw new RequestNotFound(number);
    ServiceRequestDetails job = requests.find(new RequestNumber(number)).orElseThrow(() -> new RequestNotFound(number));
    if (me.crew() == null || !me.crew().code().equals(job.assignedCrew())) {
      throw new NotAllowed(me.email() + " is not in the crew of request " + number);
    }
    return job;
  }

  private static String actionId(String given) {
    String id = given.strip();
    // A form without an id (an old page) still works; it just has no protection against a repeat.
    if (!ACTION_ID.matcher(id).matches()) id = UUID.randomUUID().toString();
    return "crew:" + id;
  }

  private String render(
      StaffMember me, Map<String, String> errors, Map<String, String> errorFields, Map<String, String> notes, Model model, Locale locale) {
    Instant now = clock.instant();
    var zone = catalog.jurisdiction().timeZone();
    DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
    List<JobView> views =
        jobs.openJobsOf(me.crew().code(), MAX_JOBS).stream()
            .map(
                job -> {
                  Double lat = job.location().latitude();
                  Double lon = job.location().longitude();
                  String label = job.location().address() != null ? job.location().address() : job.number().value();
                  boolean overdue = job.expectedAt() != null && job.expectedAt().isBefore(now) && job.status() != Status.ON_HOLD;
                  return new JobView(
                      job.number().value(),
                      catalog.categoryIncludingInactive(job.categoryCode()).map(c -> c.name(locale)).orElse(job.categoryCode()),
                      job.status().name(),
                      job.status() == Status.IN_PROGRESS,
                      job.priority().name(),
                      job.description(),
                      job.location().address(),
                      lat,
                      lon,
                      lat == null ? null : "geo:" + lat + "," + lon + "?q=" + lat + "," + lon + "(" + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20") + ")",
                      lat == null
                          ? "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(label, StandardCharsets.UTF_8)
                          : "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=18/" + lat + "/" + lon,
                      job.expectedAt() == null ? null : format.format(job.expectedAt().atZone(zone)),
                      overdue,
                      UUID.randomUUID().toString(),
                      UUID.randomUUID().toString(),
                      errors.get(job.number().value()),
                      notes.getOrDefault(job.number().value(), ""),
                      errorFields.get(job.number().value()));
                })
            .toList();
    model.addAttribute("jobs", views);
    model.addAttribute("crewName", me.crew().name());
    // The time a copy kept for dead zones says it shows (jobs-sw.js serves it when offline).
    model.addAttribute("asOf", DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(now.atZone(zone)));
    model.addAttribute("mapTiles", mapTiles);
    model.addAttribute("mapAttribution", mapAttribution);
    return "console/jobs";
  }

  /**
   * One job as the phone page shows it, with fresh action ids for its two forms: a double tap or a
   * re-sent form then carries the same id and is applied once.
   */
  record JobView(
      String number,
      String category,
      String status,
      boolean onSite,
      String priority,
      @Nullable String description,
      @Nullable String address,
      @Nullable Double latitude,
      @Nullable Double longitude,
      @Nullable String geoUri,
      String webMapUrl,
      @Nullable String due,
      boolean overdue,
      String onSiteActionId,
      String doneActionId,
      @Nullable String error,
      String note,
      @Nullable String errorField) {}

  private void requireCrew(StaffMember me) {
    if (!access.isCrew(me)) throw new NotAllowed(me.email() + " is not in a crew");
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
