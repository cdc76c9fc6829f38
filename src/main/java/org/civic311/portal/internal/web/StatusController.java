package org.civic311.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.civic311.catalog.Catalog;
import org.civic311.notifications.InvalidSubscription;
import org.civic311.notifications.Subscriptions;
import org.civic311.portal.internal.PortalProperties;
import org.civic311.portal.internal.TrackProperties;
import org.civic311.requests.Actor;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.TransitionNotAllowed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A request's status page (by its number), its live updates, and what a resident can do there:
 * follow it by email, or reopen it when it is not fixed. Every form works without JavaScript.
 */
@Controller
class StatusController {

  private static final Logger log = LoggerFactory.getLogger(StatusController.class);
  static final int MAX_COMMENT = 2_000;
  private static final int MAX_EMAIL = 254;

  private final ServiceRequests requests;
  private final Subscriptions subscriptions;
  private final Catalog catalog;
  private final MessageSource messages;
  private final FormGuard guard;
  private final ReportRateLimit rateLimit;
  private final LiveUpdates live;
  private final PortalProperties portal;
  private final TrackProperties track;
  private final Clock clock;

  StatusController(ServiceRequests requests, Subscriptions subscriptions, Catalog catalog, MessageSource messages,
      FormGuard guard, ReportRateLimit rateLimit, LiveUpdates live, PortalProperties portal, TrackProperties track,
      Clock clock) {
    this.requests = requests;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.messages = messages;
    this.guard = guard;
    this.rateLimit = rateLimit;
    this.live = live;
    this.portal = portal;
    this.track = track;
    this.clock = clock;
  }

  @GetMapping("/requests/{number}")
  String status(@PathVariable String number, @RequestParam(defaultValue = "") String done, Locale locale,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    Optional<ServiceRequestDetails> found = find(number);
    if (found.isEmpty()) return notFound(number, model, response);
    if (done.equals("follow") || done.equals("reopened")) model.addAttribute("done", done);
    if (done.equals("follow-merged")) {
      // Followed where the updates go: the request this one was merged into.
      RequestNumber followed = mergedInto(found.get());
      if (followed != null) {
        model.addAttribute("done", done);
        model.addAttribute("followedInstead", followed.value());
      }
    }
    return page(found.get(), new FieldErrors(messages, locale), "", "", locale, model, request, response);
  }

  /** The changing part of the page (stage and timeline), which the page's script fetches on a live update. */
  @GetMapping("/requests/{number}/timeline")
  String timeline(@PathVariable String number, Locale locale, Model model, HttpServletResponse response) {
    Optional<ServiceRequestDetails> found = find(number);
    if (found.isEmpty()) return notFound(number, model, response);
    response.setHeader("Cache-Control", "no-store");
    live(found.get(), locale, model);
    return "portal/status-live :: live";
  }

  /** A server-sent event stream: one {@code changed} event whenever a public change to the request commits. */
  @GetMapping(path = "/requests/{number}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  ResponseEntity<SseEmitter> events(@PathVariable String number) {
    Optional<ServiceRequestDetails> found = find(number);
    if (found.isEmpty()) return ResponseEntity.notFound().build();
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        // Proxies such as nginx must pass each event on at once.
        .header("X-Accel-Buffering", "no")
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .body(live.watch(found.get().number()));
  }

  /**
   * "Follow by email": the notifications module sends a confirmation link. The "me too" count goes up
   * now, when the resident asks, since confirming happens in the notifications module, which does not
   * change requests; a follower who never confirms is still one more person who has the problem.
   */
  @PostMapping("/requests/{number}/follow")
  String follow(@PathVariable String number, @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String csrf, Locale locale, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    Optional<ServiceRequestDetails> found = find(number);
    if (found.isEmpty()) return notFound(number, model, response);
    ServiceRequestDetails details = found.get();
    String typed = email.length() > 400 ? email.substring(0, 400) : email;
    var errors = new FieldErrors(messages, locale);
    if (!guard.accepts(request, csrf)) {
      errors.add("email", "portal.track.error.expired");
    } else if (typed.isBlank()) {
      errors.add("email", "portal.track.follow.error.missing");
    } else if (typed.strip().length() > MAX_EMAIL || !typed.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add("email", "portal.track.follow.error.invalid");
    }
    if (!errors.isEmpty()) return refused(details, errors, typed, "", locale, model, request, response);
    String client = request.getRemoteAddr();
    if (!rateLimit.tryAcquire(client)) return tooMany(details, typed, "", locale, model, request, response);
    RequestNumber followed;
    try {
      followed = subscriptions.subscribe(details.number(), typed.strip(), locale);
    } catch (InvalidSubscription invalid) {
      rateLimit.release(client);
      errors.add("email", "portal.track.follow.error.invalid");
      return refused(details, errors, typed, "", locale, model, request, response);
    } catch (RequestNotFound gone) {
      return notFound(number, model, response);
    }
    try {
      requests.change(followed, new RequestChange.Follow(), Actor.resident());
    } catch (TransitionNotAllowed closed) {
      // A closed request counts no new "me too"; the follower still hears if it is reopened.
      log.debug("Follower of closed request {} not counted", followed);
    }
    String done = followed.equals(details.number()) ? "follow" : "follow-merged";
    return "redirect:/requests/" + details.number().value() + "?done=" + done + "#follow";
  }

  /** "Not fixed? Reopen": within the reopen window after closing, with the resident's reason. */
  @PostMapping("/requests/{number}/reopen")
  String reopen(@PathVariable String number, @RequestParam(defaultValue = "") String comment,
      @RequestParam(defaultValue = "") String csrf, Locale locale, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    Optional<ServiceRequestDetails> found = find(number);
    if (found.isEmpty()) return notFound(number, model, response);
    ServiceRequestDetails details = found.get();
    // Kept as typed, even when too long, so the resident can shorten it instead of typing it again.
    String typed = comment.length() > MAX_COMMENT * 4 ? comment.substring(0, MAX_COMMENT * 4) : comment;
    var errors = new FieldErrors(messages, locale);
    if (!guard.accepts(request, csrf)) {
      errors.add("comment", "portal.track.error.expired");
    } else if (details.status().isOpen()) {
      errors.add("comment", "portal.track.reopen.error.open");
    } else if (!withinReopenWindow(details)) {
      errors.add("comment", "portal.track.reopen.error.late", track.reopenDays());
    } else if (typed.isBlank()) {
      errors.add("comment", "portal.track.reopen.error.missing");
    } else if (typed.strip().length() > MAX_COMMENT) {
      errors.add("comment", "portal.track.reopen.error.long", MAX_COMMENT, typed.strip().length());
    }
    if (!errors.isEmpty()) return refused(details, errors, "", typed, locale, model, request, response);
    String client = request.getRemoteAddr();
    if (!rateLimit.tryAcquire(client)) return tooMany(details, "", typed, locale, model, request, response);
    try {
      requests.change(details.number(), new RequestChange.Reopen(typed.strip()), Actor.resident());
    } catch (TransitionNotAllowed | InvalidServiceRequest refused) {
      rateLimit.release(client);
      errors.add("comment", "portal.track.reopen.error.open");
      ServiceRequestDetails now = find(number).orElse(details);
      return refused(now, errors, "", typed, locale, model, request, response);
    }
    return "redirect:/requests/" + details.number().value() + "?done=reopened#timeline";
  }

  /**
   * The forms' addresses opened with GET (the language switch on a page shown after a POST leads
   * here): back to the status page, in the chosen language.
   */
  @GetMapping({"/requests/{number}/follow", "/requests/{number}/reopen"})
  String formAddress(@PathVariable String number, Model model, HttpServletResponse response) {
    if (find(number).isEmpty()) return notFound(number, model, response);
    return "redirect:/requests/" + number;
  }

  /** Whether a resident may still reopen: resolved or closed, and closed no longer ago than the window. */
  boolean withinReopenWindow(ServiceRequestDetails details) {
    if (details.status().isOpen()) return false;
    Instant closedAt = details.closedAt() != null ? details.closedAt() : details.updatedAt();
    return !clock.instant().isAfter(closedAt.plus(Duration.ofDays(track.reopenDays())));
  }

  /**
   * The request a merged (closed duplicate) request's updates go to, through later merges too, as the
   * notifications module follows it; null for a request that is not merged.
   */
  private @Nullable RequestNumber mergedInto(ServiceRequestDetails details) {
    RequestNumber parent = null;
    ServiceRequestDetails current = details;
    for (int hop = 0; hop < 10 && !current.status().isOpen() && current.duplicateOf() != null; hop++) {
      parent = current.duplicateOf();
      Optional<ServiceRequestDetails> next = requests.find(parent);
      if (next.isEmpty()) break;
      current = next.get();
    }
    return parent;
  }

  private Optional<ServiceRequestDetails> find(String number) {
    if (number.length() > 20 || !RequestNumber.isWellFormed(number)) return Optional.empty();
    return requests.find(new RequestNumber(number));
  }

  private String refused(ServiceRequestDetails details, FieldErrors errors, String email, String comment,
      Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return page(details, errors, email, comment, locale, model, request, response);
  }

  private String tooMany(ServiceRequestDetails details, String email, String comment, Locale locale, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", "3600");
    var errors = new FieldErrors(messages, locale);
    errors.add(email.isEmpty() ? "comment" : "email", "portal.track.error.too-many");
    return page(details, errors, email, comment, locale, model, request, response);
  }

  private String page(ServiceRequestDetails details, FieldErrors errors, String email, String comment, Locale locale,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    ZoneId zone = catalog.jurisdiction().timeZone();
    response.setHeader("Cache-Control", "no-store");
    live(details, locale, model);
    model.addAttribute("description", details.description());
    model.addAttribute("address", details.location().address());
    model.addAttribute("latitude", details.location().latitude());
    model.addAttribute("longitude", details.location().longitude());
    model.addAttribute("photos", StatusViews.photos(details));
    model.addAttribute("submitted", StatusViews.date(details.requestedAt(), zone, locale));
    model.addAttribute("expected", details.expectedAt() == null ? null : StatusViews.date(details.expectedAt(), zone, locale));
    model.addAttribute("canReopen", withinReopenWindow(details));
    Instant closedAt = details.closedAt() != null ? details.closedAt() : details.updatedAt();
    model.addAttribute("reopenUntil", StatusViews.date(closedAt.plus(Duration.ofDays(track.reopenDays())), zone, locale));
    model.addAttribute("errors", errors.asMap());
    model.addAttribute("errorList", errors.all());
    model.addAttribute("email", email);
    model.addAttribute("comment", comment);
    model.addAttribute("maxComment", MAX_COMMENT);
    model.addAttribute("csrf", guard.token(request, response));
    model.addAttribute("mapTiles", portal.mapTileUrl());
    model.addAttribute("mapAttribution", portal.mapAttribution());
    return "portal/status";
  }

  private void live(ServiceRequestDetails details, Locale locale, Model model) {
    ZoneId zone = catalog.jurisdiction().timeZone();
    model.addAttribute("request", details);
    model.addAttribute("number", details.number().value());
    model.addAttribute("categoryName", StatusViews.categoryName(catalog, details.categoryCode(), locale));
    model.addAttribute("stageKey", StatusViews.stageKey(details));
    model.addAttribute("open", details.status().isOpen());
    model.addAttribute("closeReasonKey",
        details.closeReason() == null ? null : "portal.track.reason." + details.closeReason().name());
    model.addAttribute("duplicateOf", details.duplicateOf() == null ? null : details.duplicateOf().value());
    model.addAttribute("followers", details.followers());
    model.addAttribute("updated", StatusViews.dateTime(details.updatedAt(), zone, locale));
    model.addAttribute("timeline", StatusViews.timeline(details, zone, locale));
  }

  private static String notFound(String number, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("number", number.length() > 40 ? number.substring(0, 40) : number);
    model.addAttribute("wellFormed", RequestNumber.isWellFormed(number));
    return "portal/request-not-found";
  }

}
