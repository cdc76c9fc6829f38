package org.civic311.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.QuestionDatatype;
import org.civic311.catalog.ServiceCategory;
import org.civic311.geo.Addresses;
import org.civic311.media.PhotoRejected;
import org.civic311.media.Photos;
import org.civic311.notifications.InvalidSubscription;
import org.civic311.notifications.Subscriptions;
import org.civic311.portal.internal.PortalProperties;
import org.civic311.requests.Actor;
import org.civic311.requests.Channel;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.RequestChange;
import org.civic311.requests.RequestNotFound;
import org.civic311.requests.RequestNumber;
import org.civic311.requests.ServiceRequestDetails;
import org.civic311.requests.ServiceRequests;
import org.civic311.requests.SubmitServiceRequest;
import org.civic311.requests.Submission;
import org.civic311.requests.TransitionNotAllowed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Reporting a problem: choose a category, fill in the form (questions, location, description, photos,
 * contact), review, submit, see the number. Every step is a plain HTML form the server checks, so it
 * works without JavaScript; with it the form becomes a wizard with a map and photo previews.
 */
@Controller
class ReportController {

  private static final Logger log = LoggerFactory.getLogger(ReportController.class);
  static final int MAX_PHOTOS = 5;
  private static final String PHOTO_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private final Catalog catalog;
  private final Addresses addresses;
  private final ServiceRequests requests;
  private final Photos photos;
  private final FormGuard guard;
  private final ReportRateLimit rateLimit;
  private final PortalProperties properties;
  private final MessageSource messages;
  private final Pattern ourPhoto;
  private final DuplicateCandidates duplicates;
  private final Subscriptions subscriptions;
  private final TransactionTemplate transaction;

  ReportController(
      Catalog catalog,
      Addresses addresses,
      ServiceRequests requests,
      Photos photos,
      FormGuard guard,
      ReportRateLimit rateLimit,
      PortalProperties properties,
      MessageSource messages,
      @Value("${civic311.public-url}") String publicUrl,
      DuplicateCandidates duplicates,
      Subscriptions subscriptions,
      PlatformTransactionManager transactions) {
    this.duplicates = duplicates;
    this.subscriptions = subscriptions;
    this.transaction = new TransactionTemplate(transactions);
    this.catalog = catalog;
    this.addresses = addresses;
    this.requests = requests;
    this.photos = photos;
    this.guard = guard;
    this.rateLimit = rateLimit;
    this.properties = properties;
    this.messages = messages;
    String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    // Only photos this server stored may ride along in hidden fields.
    this.ourPhoto = Pattern.compile(Pattern.quote(base) + "/media/(" + PHOTO_ID + ")\\.(jpg|png)");
  }

  @GetMapping("/report")
  String choose(@RequestParam(defaultValue = "") String q, Locale locale, Model model) {
    String query = q.length() > 100 ? q.substring(0, 100) : q;
    String other = messages.getMessage("portal.report.choose.other-group", null, locale);
    List<ReportViews.Group> groups = ReportViews.groups(catalog.categories(), locale, other);
    if (!query.isBlank()) {
      groups = groups.stream()
          .map(g -> new ReportViews.Group(g.name(), g.categories().stream().filter(c -> ReportViews.matches(c, query)).toList()))
          .filter(g -> !g.categories().isEmpty())
          .toList();
    }
    List<ReportViews.CategoryChoice> common = query.isBlank()
        ? catalog.categories().stream().limit(6).map(c -> ReportViews.choice(c, c.localized(locale))).toList()
        : List.of();
    model.addAttribute("q", query);
    model.addAttribute("groups", groups);
    model.addAttribute("common", common);
    return "portal/report-choose";
  }

  @GetMapping("/report/{code}")
  String form(@PathVariable String code, Locale locale, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    ServiceCategory category = catalog.category(code).orElse(null);
    if (category == null) return notFound(response);
    return showForm(category, ReportForm.empty(), new FieldErrors(messages, locale), locale, model, request, response);
  }

  /** The form sent: photos stored, everything checked; the review page when all is well, else the form again. */
  @PostMapping("/report/{code}")
  String review(@PathVariable String code, Locale locale, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    ServiceCategory category = catalog.category(code).orElse(null);
    if (category == null) return notFound(response);
    noStore(response);
    ReportForm form = ReportForm.from(request);
    if (!form.website().isEmpty()) return trapped(category);
    var errors = new FieldErrors(messages, locale);
    if (!guard.accepts(request, form.csrf())) {
      errors.add("main", "portal.report.error.expired");
      return showForm(category, form.withPhotos(keptPhotos(form)), errors, locale, model, request, response);
    }
    var newPoints = new LinkedHashMap<String, String>();
    form = form.withPhotos(photos(form, request, errors, newPoints), newPoints);
    String usePoint = request.getParameter("usePhotoLocation");
    if (usePoint != null && form.points().containsValue(usePoint)) {
      form = atPhotoPoint(form, usePoint);
      model.addAttribute("photoPointUsed", true);
    }
    if (request.getParameter("edit") != null) {
      return showForm(category, form, new FieldErrors(messages, locale), locale, model, request, response);
    }
    check(category, form, errors, locale);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return showForm(category, form, errors, locale, model, request, response);
    }
    return showReview(category, form, UUID.randomUUID().toString(), locale, model, request, response);
  }

  /** The review page's "Send report": checked again, counted against the hourly limit, stored. */
  @PostMapping("/report/{code}/submit")
  String submit(@PathVariable String code, @RequestParam(defaultValue = "") String reportKey, Locale locale,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    ServiceCategory category = catalog.category(code).orElse(null);
    if (category == null) return notFound(response);
    noStore(response);
    ReportForm form = ReportForm.from(request);
    if (!form.website().isEmpty()) return trapped(category);
    form = form.withPhotos(keptPhotos(form));
    var errors = new FieldErrors(messages, locale);
    if (!guard.accepts(request, form.csrf())) {
      errors.add("main", "portal.report.error.expired");
      return showForm(category, form, errors, locale, model, request, response);
    }
    String client = request.getRemoteAddr();
    if (!rateLimit.tryAcquire(client)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", "3600");
      model.addAttribute("tooMany", true);
      return showReview(category, form, reportKey, locale, model, request, response);
    }
    Submission submission;
    ReportForm sent = form;
    try {
      // The photos stop waiting for cleanup in the request's own transaction: both happen or neither.
      submission = transaction.execute(status -> {
        Submission stored = requests.submit(command(category, sent, locale, key(reportKey)));
        photos.claim(sent.photoUrls());
        return stored;
      });
    } catch (InvalidServiceRequest invalid) {
      rateLimit.release(client);
      errors.addAll(invalid, category.localized(locale), catalog.jurisdiction(), latitude(form), longitude(form));
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return showForm(category, form, errors, locale, model, request, response);
    } catch (PhotoRejected gone) {
      rateLimit.release(client);
      errors.add("photo", "portal.violation.photo.expired");
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      List<String> left = form.photoUrls().stream()
          .filter(url -> { var m = ourPhoto.matcher(url); return m.matches() && photos.load(m.group(1)).isPresent(); })
          .toList();
      return showForm(category, form.withPhotos(left), errors, locale, model, request, response);
    }
    if (submission == null) throw new IllegalStateException("No submission");
    if (submission.replayed()) rateLimit.release(client);
    return "redirect:/report/done/" + submission.number().value();
  }

  /** The confirmation: number, what happens next, expected date. Public data only, no reporter contact. */
  @GetMapping("/report/done/{number}")
  String done(@PathVariable String number, Locale locale, Model model, HttpServletResponse response) {
    if (!RequestNumber.isWellFormed(number)) return notFound(response);
    ServiceRequestDetails details = requests.find(new RequestNumber(number)).orElse(null);
    if (details == null) return notFound(response);
    ServiceCategory category = catalog.categoryIncludingInactive(details.categoryCode()).map(c -> c.localized(locale))
        .orElse(null);
    Jurisdiction jurisdiction = catalog.jurisdiction();
    model.addAttribute("number", details.number().value());
    model.addAttribute("categoryName", category == null ? details.categoryCode() : category.name());
    model.addAttribute("serviceNotice", category == null ? null : category.serviceNotice());
    model.addAttribute("expected", details.expectedAt() == null ? null
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
            .format(ZonedDateTime.ofInstant(details.expectedAt(), jurisdiction.timeZone())));
    model.addAttribute("statusUrl", "/requests/" + details.number().value());
    return "portal/report-done";
  }

  /**
   * "Is it one of these?" while the wizard runs (JavaScript): the open requests of the category near
   * the place given so far, as a part of the page, or nothing (204) when there are none.
   */
  @GetMapping("/report/{code}/nearby")
  String nearby(@PathVariable String code, @RequestParam(defaultValue = "") String lat,
      @RequestParam(name = "long", defaultValue = "") String lon,
      @RequestParam(defaultValue = "") String address, Locale locale, Model model, HttpServletResponse response) {
    ServiceCategory category = catalog.category(code).orElse(null);
    if (category == null) return notFound(response);
    ReportForm form = ReportForm.empty().at(lat, lon, address.length() > 500 ? "" : address);
    Location location = location(form);
    List<DuplicateCandidates.Candidate> found = duplicates.near(category.code(), location.latitude(), location.longitude(), locale);
    response.setHeader("Cache-Control", "no-store");
    if (found.isEmpty()) {
      response.setStatus(HttpStatus.NO_CONTENT.value());
      return "portal/duplicates :: empty";
    }
    model.addAttribute("category", category.localized(locale));
    model.addAttribute("duplicates", found);
    model.addAttribute("duplicateRadius", duplicates.radiusMeters());
    return "portal/duplicates :: panel";
  }

  /**
   * "Me too": the resident chose an open request as theirs. It gains a follower instead of a duplicate
   * report; an email address given in the form subscribes to its updates (after the confirmation link
   * the notifications module sends); photos uploaded for the unsent report are deleted at once.
   */
  @PostMapping("/report/{code}/me-too")
  String meToo(@PathVariable String code, @RequestParam(defaultValue = "") String follow, Locale locale, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    ServiceCategory category = catalog.category(code).orElse(null);
    if (category == null) return notFound(response);
    noStore(response);
    ReportForm form = ReportForm.from(request);
    if (!form.website().isEmpty()) return trapped(category);
    form = form.withPhotos(keptPhotos(form));
    var errors = new FieldErrors(messages, locale);
    if (!guard.accepts(request, form.csrf())) {
      errors.add("main", "portal.report.error.expired");
      return showForm(category, form, errors, locale, model, request, response);
    }
    if (follow.length() > 20 || !RequestNumber.isWellFormed(follow)) return notFound(response);
    ServiceRequestDetails existing = requests.find(new RequestNumber(follow)).orElse(null);
    if (existing == null || !existing.categoryCode().equals(category.code())) return notFound(response);
    String email = form.anonymous() ? "" : form.email().strip();
    if (!email.isEmpty() && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
      errors.add("email", "portal.track.follow.error.invalid");
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return showForm(category, form, errors, locale, model, request, response);
    }
    if (!existing.status().isOpen()) return followRefused(category, form, existing, locale, model, request, response);
    String client = request.getRemoteAddr();
    if (!rateLimit.tryAcquire(client)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", "3600");
      model.addAttribute("tooMany", true);
      return showReview(category, form, UUID.randomUUID().toString(), locale, model, request, response);
    }
    try {
      requests.change(existing.number(), new RequestChange.Follow(), Actor.resident());
    } catch (TransitionNotAllowed closedMeanwhile) {
      rateLimit.release(client);
      return followRefused(category, form, existing, locale, model, request, response);
    } catch (RequestNotFound gone) {
      rateLimit.release(client);
      return notFound(response);
    }
    boolean emailed = false;
    if (!email.isEmpty()) {
      try {
        subscriptions.subscribe(existing.number(), email, locale);
        emailed = true;
      } catch (InvalidSubscription | RequestNotFound refused) {
        log.debug("Me too on {} counted without an email subscription", existing.number());
      }
    }
    for (String url : form.photoUrls()) {
      var matcher = ourPhoto.matcher(url);
      if (matcher.matches()) photos.discard(matcher.group(1));
    }
    return "redirect:/report/following/" + existing.number().value() + (emailed ? "?email=1" : "");
  }

  /** The confirmation of a "me too": which request the resident follows now, and its status page. */
  @GetMapping("/report/following/{number}")
  String following(@PathVariable String number, @RequestParam(defaultValue = "") String email, Locale locale,
      Model model, HttpServletResponse response) {
    if (number.length() > 20 || !RequestNumber.isWellFormed(number)) return notFound(response);
    ServiceRequestDetails details = requests.find(new RequestNumber(number)).orElse(null);
    if (details == null) return notFound(response);
    model.addAttribute("number", details.number().value());
    model.addAttribute("categoryName", StatusViews.categoryName(catalog, details.categoryCode(), locale));
    model.addAttribute("stageKey", StatusViews.stageKey(details));
    model.addAttribute("followers", details.followers());
    model.addAttribute("address", details.location().address());
    model.addAttribute("emailed", email.equals("1"));
    model.addAttribute("statusUrl", "/requests/" + details.number().value());
    return "portal/report-following";
  }

  /** The chosen request was closed in the meantime: back to the report, which can still be sent. */
  private String followRefused(ServiceCategory category, ReportForm form, ServiceRequestDetails existing, Locale locale,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    var errors = new FieldErrors(messages, locale);
    errors.add("main", "portal.report.duplicates.error.closed", existing.number().value());
    response.setStatus(HttpStatus.CONFLICT.value());
    return showForm(category, form, errors, locale, model, request, response);
  }

  /** The report placed where a photo was taken, with the city's address there when one is close. */
  private ReportForm atPhotoPoint(ReportForm form, String point) {
    String[] parts = point.split(",");
    double lat = Double.parseDouble(parts[0]);
    double lon = Double.parseDouble(parts[1]);
    String address = "";
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      address = addresses.nearest(lat, lon, 50).map(a -> a.label()).orElse("");
    }
    return form.at(parts[0], parts[1], address);
  }

  private String showForm(ServiceCategory category, ReportForm form, FieldErrors errors, Locale locale, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    ServiceCategory shown = category.localized(locale);
    List<ReportViews.QuestionView> questions = shown.questions().stream()
        .map(q -> ReportViews.question(q, form, errors.get(FieldErrors.anchor(q))))
        .toList();
    Jurisdiction.Bounds bounds = catalog.jurisdiction().bounds();
    model.addAttribute("category", shown);
    model.addAttribute("questions", questions);
    model.addAttribute("form", form);
    model.addAttribute("photos", photoViews(form));
    model.addAttribute("photoSlots", Math.max(0, MAX_PHOTOS - form.photoUrls().size()));
    model.addAttribute("errors", errors.asMap());
    model.addAttribute("errorList", errors.all());
    model.addAttribute("csrf", guard.token(request, response));
    model.addAttribute("mapTiles", properties.mapTileUrl());
    model.addAttribute("mapAttribution", properties.mapAttribution());
    model.addAttribute("mapCenter", bounds == null ? null
        : new double[] {(bounds.south() + bounds.north()) / 2, (bounds.west() + bounds.east()) / 2});
    model.addAttribute("maxPhotoBytes", maxPhotoBytes);
    model.addAttribute("maxPhotos", MAX_PHOTOS);
    model.addAttribute("languageForm", "report-form");
    model.addAttribute("languageFormAction", "/report/" + category.code() + "?edit=1");
    return "portal/report-form";
  }

  private String showReview(ServiceCategory category, ReportForm form, String reportKey, Locale locale, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    ServiceCategory shown = category.localized(locale);
    model.addAttribute("category", shown);
    model.addAttribute("form", form);
    model.addAttribute("answers", ReportViews.answers(shown, form));
    model.addAttribute("photos", photoViews(form));
    Location location = location(form);
    model.addAttribute("duplicates", duplicates.near(category.code(), location.latitude(), location.longitude(), locale));
    model.addAttribute("duplicateRadius", duplicates.radiusMeters());
    model.addAttribute("reportKey", key(reportKey));
    model.addAttribute("csrf", guard.token(request, response));
    model.addAttribute("languageForm", "review-form");
    model.addAttribute("languageFormAction", "/report/" + category.code());
    return "portal/report-review";
  }

  @Value("${civic311.media.max-photo-bytes:10485760}")
  private long maxPhotoBytes;

  /** The request as the requests module takes it; a checked and a submitted report are built alike. */
  private SubmitServiceRequest command(ServiceCategory category, ReportForm form, Locale locale, @Nullable String key) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Question question : category.questions()) {
      List<String> given = form.answers().getOrDefault(question.code(), List.of()).stream()
          .filter(value -> !value.isBlank()).toList();
      if (given.isEmpty() || !question.variable()) continue;
      if (question.datatype() == QuestionDatatype.DATETIME) given = given.stream().map(this::withOffset).toList();
      answers.put(question.code(), given);
    }
    Reporter reporter = form.anonymous()
        ? new Reporter(null, null, null, null, null, null, false, locale.getLanguage())
        : new Reporter(blankToNull(form.firstName()), blankToNull(form.lastName()), blankToNull(form.email()),
            blankToNull(form.phone()), null, null, form.smsConsent(), locale.getLanguage());
    return new SubmitServiceRequest(category.code(), answers, location(form),
        blankToNull(form.description()), form.photoUrls(), Channel.WEB, reporter, key, key == null ? null : "portal");
  }

  /**
   * Where the problem is. An address typed exactly as the city's address list writes it (as picked
   * from the suggestions) also gives its point and address id when the resident gave no point, so a
   * report made without the map or JavaScript is still placed on the map and routed by position.
   */
  private Location location(ReportForm form) {
    Double lat = latitude(form);
    Double lon = longitude(form);
    String address = blankToNull(form.address().strip());
    if (lat == null && lon == null && form.latitude().isBlank() && form.longitude().isBlank() && address != null) {
      var known = addresses.suggest(address, 1).stream()
          .filter(a -> a.label().equalsIgnoreCase(address.replaceAll("\\s+", " ")))
          .findFirst();
      if (known.isPresent()) {
        return new Location(known.get().latitude(), known.get().longitude(), address, String.valueOf(known.get().id()),
            known.get().zip());
      }
    }
    return new Location(lat, lon, address, null, null);
  }

  /** A datetime-local value is the city's local time: it gets the city's offset for that date. */
  private String withOffset(String value) {
    try {
      return LocalDateTime.parse(value).atZone(catalog.jurisdiction().timeZone()).toOffsetDateTime().toString();
    } catch (DateTimeParseException e) {
      return value; // the requests module names the problem
    }
  }

  private void check(ServiceCategory category, ReportForm form, FieldErrors errors, Locale locale) {
    if (!form.latitude().isBlank() && latitude(form) == null) errors.add("lat", "portal.violation.point.number.lat");
    if (!form.longitude().isBlank() && longitude(form) == null) errors.add("long", "portal.violation.point.number.long");
    if (!form.anonymous()) {
      if (form.firstName().isBlank() && form.lastName().isBlank() && form.email().isBlank() && form.phone().isBlank()) {
        errors.add("email", "portal.violation.contact.missing");
      }
      if (form.smsConsent() && form.phone().isBlank()) errors.add("phone", "portal.violation.sms.no-phone");
    }
    try {
      requests.check(command(category, form, locale, null));
    } catch (InvalidServiceRequest invalid) {
      errors.addAll(invalid, category.localized(locale), catalog.jurisdiction(), latitude(form), longitude(form));
    }
  }

  /** The photos accepted so far plus the new uploads; a refused upload is named next to the photo field. */
  private List<String> photos(ReportForm form, HttpServletRequest request, FieldErrors errors,
      Map<String, String> newPoints) {
    List<String> kept = new ArrayList<>(keptPhotos(form));
    var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart == null) return kept;
    for (MultipartFile file : multipart.getFiles("photo")) {
      if (file.isEmpty()) continue;
      String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
          ? "photo" : file.getOriginalFilename();
      if (kept.size() >= MAX_PHOTOS) {
        errors.add("photo", "portal.violation.photo.too-many", MAX_PHOTOS);
        continue;
      }
      try {
        Photos.StoredPhoto stored = photos.storeUnclaimed(file.getBytes(), name);
        kept.add(stored.url());
        if (stored.takenAt() != null) {
          newPoints.put(stored.url(), String.format(Locale.ROOT, "%.6f,%.6f", stored.takenAt().latitude(),
              stored.takenAt().longitude()));
        }
      } catch (PhotoRejected rejected) {
        errors.add("photo", "portal.violation.photo." + PhotoProblems.kind(rejected), name, maxPhotoBytes / 1_048_576);
      } catch (IOException unreadable) {
        errors.add("photo", "portal.violation.photo.unreadable", name);
      }
    }
    return kept;
  }

  /** Photos carried from an earlier step, without those the resident removed or that are not ours. */
  private List<String> keptPhotos(ReportForm form) {
    return form.photoUrls().stream()
        .filter(url -> ourPhoto.matcher(url).matches())
        .filter(url -> !form.removePhotos().contains(url))
        .distinct()
        .limit(MAX_PHOTOS)
        .toList();
  }

  /**
   * The photos with, for those taken somewhere else than the report's point (or when it has none),
   * the position the resident may choose to use: offered, never applied by itself.
   */
  private List<ReportViews.PhotoView> photoViews(ReportForm form) {
    Map<String, String> points = form.points();
    Double lat = latitude(form);
    Double lon = longitude(form);
    return form.photoUrls().stream()
        .map(url -> {
          var matcher = ourPhoto.matcher(url);
          String point = points.get(url);
          String offered = null;
          if (point != null) {
            String[] parts = point.split(",");
            boolean elsewhere = lat == null || lon == null
                || DuplicateCandidates.meters(lat, lon, Double.parseDouble(parts[0]), Double.parseDouble(parts[1])) > 15;
            if (elsewhere) offered = point;
          }
          return new ReportViews.PhotoView(url, matcher.matches() ? "/media/" + matcher.group(1) + "/thumbnail.jpg" : url,
              point, offered);
        })
        .toList();
  }

  /**
   * A bot filled the field people never see: it gets a normal-looking thank-you and nothing is
   * stored. The log says so without anything the bot typed.
   */
  private String trapped(ServiceCategory category) {
    log.info("Portal report in category {} not stored: the honeypot field was filled (likely a bot)", category.code());
    return "portal/report-received";
  }

  private static String notFound(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "portal/not-found";
  }

  /** Pages after a POST may show the resident's own contact details: never kept by a cache. */
  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
  }

  private static @Nullable String key(String reportKey) {
    return reportKey.matches("[0-9a-f-]{36}") ? reportKey : null;
  }

  private static @Nullable Double latitude(ReportForm form) {
    return ReportForm.number(form.latitude()).orElse(null);
  }

  private static @Nullable Double longitude(ReportForm form) {
    return ReportForm.number(form.longitude()).orElse(null);
  }

  private static @Nullable String blankToNull(String text) {
    return text.isBlank() ? null : text;
  }
}
