package org.civic311.console.internal.web.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civic311.audit.AuditLog;
import org.civic311.audit.AuditRecord;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.civic311.console.internal.ConsoleAccess;
import org.civic311.console.internal.web.NotAllowed;
import org.civic311.geo.Address;
import org.civic311.geo.Addresses;
import org.civic311.identity.StaffMember;
import org.civic311.notifications.InvalidSubscription;
import org.civic311.notifications.Subscriptions;
import org.civic311.requests.Actor;
import org.civic311.requests.CallerHistory;
import org.civic311.requests.CallerHistory.CallerRequest;
import org.civic311.requests.Channel;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.Location;
import org.civic311.requests.NearbyRequest;
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
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The call-taker's intake page: one page, built for the phone call. Every step (find the caller,
 * choose the category, find the address) works as a button of the one form without JavaScript, so
 * nothing typed is ever lost; with JavaScript the same steps happen in place. The report is filed
 * through the requests module with channel PHONE and the call-taker as the actor.
 */
@Controller
class IntakeController {

  static final int DUPLICATE_RADIUS_METERS = 50;
  static final int HISTORY_LIMIT = 20;
  static final int MAX_DESCRIPTION = 4000;

  private final ConsoleAccess access;
  private final Catalog catalog;
  private final ServiceRequests requests;
  private final CallerHistory callers;
  private final Addresses addresses;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Subscriptions subscriptions;

  IntakeController(
      ConsoleAccess access,
      Catalog catalog,
      ServiceRequests requests,
      CallerHistory callers,
      Addresses addresses,
      AuditLog audit,
      MessageSource messages,
      Subscriptions subscriptions) {
    this.access = access;
    this.catalog = catalog;
    this.requests = requests;
    this.callers = callers;
    this.addresses = addresses;
    this.audit = audit;
    this.messages = messages;
    this.subscriptions = subscriptions;
  }

  @GetMapping("/staff/intake")
  String page(StaffMember me, Locale locale, Model model) {
    requireCallTaker(me);
    IntakeForm form = new IntakeForm();
    form.language = locale.getLanguage().equals("es") ? "es" : "en";
    return render(form, new LinkedHashMap<>(), model, locale);
  }

  /** Every button of the intake form posts here; {@code action} says which step the call-taker took. */
  @PostMapping("/staff/intake")
  String post(
      StaffMember me,
      @RequestParam MultiValueMap<String, String> params,
      Locale locale,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    requireCallTaker(me);
    IntakeForm form = IntakeForm.from(params);
    String action = Optional.ofNullable(params.getFirst("action")).orElse("submit");
    Map<String, String> errors = new LinkedHashMap<>();
    if (action.equals("lookup")) {
      lookUp(me, form, errors, model, locale, request);
      if (errors.isEmpty()) {
        // The number or address the caller gave is most likely how they want to hear back.
        if (form.lookup.contains("@") && form.email.isBlank()) form.email = form.lookup;
        if (!form.lookup.contains("@") && form.phone.isBlank()) form.phone = form.lookup;
      }
      model.addAttribute("focus", "caller-results");
      return render(form, errors, model, locale);
    }
    if (action.equals("category")) {
      model.addAttribute("focus", "questions");
      return render(form, errors, model, locale);
    }
    if (action.equals("address")) {
      findAddress(form, errors, model, locale);
      return render(form, errors, model, locale);
    }
    if (action.startsWith("pick:")) {
      pickAddress(form, action.substring(5));
      model.addAttribute("focus", "description");
      return render(form, errors, model, locale);
    }
    if (action.startsWith("follow:")) {
      return follow(me, form, action.substring(7), errors, model, locale, response);
    }
    return submit(me, form, errors, model, locale, response);
  }

  /** The caller's earlier requests, for the page's script: the same lookup in place. */
  @PostMapping("/staff/intake/caller")
  String callerFragment(
      StaffMember me, @RequestParam(defaultValue = "") String lookup, Locale locale, Model model, HttpServletRequest request) {
    requireCallTaker(me);
    IntakeForm form = new IntakeForm();
    form.lookup = lookup.strip();
    Map<String, String> errors = new LinkedHashMap<>();
    lookUp(me, form, errors, model, locale, request);
    model.addAttribute("errors", errors);
    model.addAttribute("fragment", true);
    return "console/intake-parts :: caller";
  }

  /** The questions of a category, for the page's script when the category changes. */
  @GetMapping("/staff/intake/questions")
  String questionsFragment(StaffMember me, @RequestParam(defaultValue = "") String category, Locale locale, Model model) {
    requireCallTaker(me);
    IntakeForm form = new IntakeForm();
    form.category = category;
    ServiceCategory chosen = catalog.category(category).map(c -> c.localized(locale)).orElse(null);
    model.addAttribute("category", chosen);
    model.addAttribute("questions", IntakeViews.questions(chosen, form, Map.of()));
    return "console/intake-parts :: questions";
  }

  /** Address suggestions while the call-taker types, for the page's script. */
  @GetMapping("/staff/intake/addresses")
  @ResponseBody
  ResponseEntity<List<Map<String, Object>>> addressSuggestions(StaffMember me, @RequestParam(defaultValue = "") String q) {
    requireCallTaker(me);
    List<Map<String, Object>> found =
        addresses.suggest(q, 8).stream()
            .map(a -> Map.<String, Object>of("id", a.id(), "label", a.label(), "lat", a.latitude(), "long", a.longitude()))
            .toList();
    return ResponseEntity.ok(found);
  }

  /** What to read to the caller: the number and the expected date. */
  @GetMapping("/staff/intake/done/{number}")
  String done(
      StaffMember me,
      @PathVariable String number,
      @RequestParam(defaultValue = "false") String followed,
      Locale locale,
      Model model) {
    requireCallTaker(me);
    if (!RequestNumber.isWellFormed(number)) throw new RequestNotFound(number);
    ServiceRequestDetails details =
        requests.find(new RequestNumber(number)).orElseThrow(() -> new RequestNotFound(number));
    model.addAttribute("number", details.number().value());
    model.addAttribute("spoken", String.join(" ", details.number().value().replace("-", " - ").split("")).replaceAll(" +", " "));
    model.addAttribute("followed", !followed.equals("false"));
    model.addAttribute("followedByEmail", followed.equals("email"));
    model.addAttribute("categoryName", categoryName(details.categoryCode(), locale));
    model.addAttribute("status", details.status());
    model.addAttribute("followers", details.followers());
    model.addAttribute("expected", details.expectedAt() == null ? null : dateTime(details.expectedAt(), locale));
    model.addAttribute(
        "notice", catalog.category(details.categoryCode()).map(c -> c.localized(locale).serviceNotice()).orElse(null));
    return "console/intake-done";
  }

  private void lookUp(
      StaffMember me, IntakeForm form, Map<String, String> errors, Model model, Locale locale, HttpServletRequest request) {
    String given = form.lookup;
    boolean email = given.contains("@");
    if (given.isBlank() || (!email && given.replaceAll("[^0-9]", "").length() < CallerHistory.MIN_PHONE_DIGITS)) {
      errors.put("lookup", text("intake.error.lookup", locale));
      return;
    }
    // Which requests a person made is contact data: a dispatcher or supervisor taking a call sees only
    // those of their own departments, as in the queue's contact search; call-takers see all.
    List<CallerRequest> found = callers.requestsOf(given, HISTORY_LIMIT).stream()
        .filter(r -> access.canSeeReporterContact(me, r.departmentCode()))
        .toList();
    // Seeing which requests a phone number or address made is seeing contact data: it is audited.
    audit.record(
        new AuditRecord(me.email(), "looked up caller", IntakeViews.masked(given), found.size() + " request(s)", request.getRemoteAddr()));
    model.addAttribute(
        "history",
        found.stream()
            .map(r -> new HistoryRow(r.number().value(), categoryName(r.categoryCode(), locale), r.status().name(),
                dateTime(r.submittedAt(), locale), r.address()))
            .toList());
    model.addAttribute("lookedUp", given);
  }

  /** One earlier request of the caller as the call-taker reads it. */
  record HistoryRow(String number, String category, String status, String submitted, @Nullable String address) {}

  private void findAddress(IntakeForm form, Map<String, String> errors, Model model, Locale locale) {
    form.latitude = "";
    form.longitude = "";
    form.addressId = "";
    List<Address> found = form.address.isBlank() ? List.of() : addresses.suggest(form.address, 8);
    if (found.isEmpty()) {
      errors.put("address", text("intake.error.address.none", locale));
      return;
    }
    if (found.getFirst().label().equalsIgnoreCase(form.address)) {
      use(form, found.getFirst());
      model.addAttribute("focus", "description");
      return;
    }
    model.addAttribute("addressChoices", found);
    model.addAttribute("focus", "address-choices");
  }

  private void pickAddress(IntakeForm form, String id) {
    try {
      addresses.find(Long.parseLong(id)).ifPresent(address -> use(form, address));
    } catch (NumberFormatException e) {
      // A tampered button: the form stays as it was.
    }
  }

  private static void use(IntakeForm form, Address address) {
    form.address = address.label();
    form.addressId = Long.toString(address.id());
    form.latitude = Double.toString(address.latitude());
    form.longitude = Double.toString(address.longitude());
  }

  private String submit(
      StaffMember me, IntakeForm form, Map<String, String> errors, Model model, Locale locale, HttpServletResponse response) {
    Optional<ServiceCategory> category = catalog.category(form.category);
    resolveTypedAddress(form);
    check(form, category.orElse(null), errors, locale);
    if (!errors.isEmpty()) {
      response.setStatus(422);
      return render(form, errors, model, locale);
    }
    if (!form.duplicatesSeen && form.hasPoint()) {
      List<NearbyRequest> near =
          requests.openNear(category.get().code(), form.latitudeValue(), form.longitudeValue(), DUPLICATE_RADIUS_METERS, 5);
      if (!near.isEmpty()) {
        form.duplicatesSeen = true;
        model.addAttribute(
            "duplicates",
            near.stream()
                .map(n -> new DuplicateRow(n.number().value(), categoryName(n.categoryCode(), locale), n.status().name(),
                    n.address(), n.distanceMeters(), dateTime(n.submittedAt(), locale), n.followers()))
                .toList());
        model.addAttribute("focus", "duplicates");
        return render(form, errors, model, locale);
      }
    }
    try {
      Submission submission;
      try {
        submission = requests.submit(command(form, category.get(), me), Actor.staff(me.email()));
      } catch (InvalidServiceRequest reused) {
        if (reused.violations().stream().noneMatch(v -> v.field().equals("Idempotency-Key"))) throw reused;
        // The form was filed, then changed (Back in the browser) and filed again: that is a new report.
        form.formId = java.util.UUID.randomUUID().toString();
        submission = requests.submit(command(form, category.get(), me), Actor.staff(me.email()));
      }
      return "redirect:/staff/intake/done/" + submission.number().value();
    } catch (InvalidServiceRequest invalid) {
      for (InvalidServiceRequest.Violation v : invalid.violations()) {
        errors.putIfAbsent(fieldOf(v.field()), messageFor(v, category.get(), locale));
      }
      response.setStatus(422);
      return render(form, errors, model, locale);
    }
  }

  /** A nearby open request offered as "is it one of these?". */
  record DuplicateRow(
      String number, String category, String status, @Nullable String address, int meters, String submitted, int followers) {}

  private String follow(
      StaffMember me, IntakeForm form, String number, Map<String, String> errors, Model model, Locale locale,
      HttpServletResponse response) {
    if (!RequestNumber.isWellFormed(number)) throw new RequestNotFound(number);
    String email = form.email == null ? "" : form.email.strip();
    if (!email.isEmpty() && !looksLikeEmail(email)) {
      errors.put("email", text("intake.error.email", locale));
      response.setStatus(422);
      return render(form, errors, model, locale);
    }
    try {
      // Counted first: a closed request refuses the follow, and then no confirmation email must go.
      requests.change(new RequestNumber(number), new RequestChange.Follow(), Actor.staff(me.email()));
      // A follower wants to hear how it goes: with an email the caller gets the same confirmation link
      // as a resident who follows from the status page (they must agree to the messages themselves).
      if (!email.isEmpty()) {
        subscriptions.subscribe(new RequestNumber(number), email, Locale.forLanguageTag(form.language.equals("es") ? "es" : "en"));
      }
      return "redirect:/staff/intake/done/" + number + "?followed=" + (email.isEmpty() ? "true" : "email");
    } catch (InvalidSubscription badAddress) {
      errors.put("email", text("intake.error.email", locale));
      response.setStatus(422);
      return render(form, errors, model, locale);
    } catch (TransitionNotAllowed refused) {
      errors.put("duplicates", text("intake.error.follow", locale, number));
      response.setStatus(409);
      return render(form, errors, model, locale);
    }
  }

  private static boolean looksLikeEmail(String text) {
    return text.strip().length() <= 254 && text.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  }

  /** An address typed exactly as the city's list writes it gives its point, also without JavaScript. */
  private void resolveTypedAddress(IntakeForm form) {
    if (form.hasPoint() || form.address.isBlank()) return;
    addresses.suggest(form.address, 1).stream()
        .filter(a -> a.label().equalsIgnoreCase(form.address))
        .findFirst()
        .ifPresent(a -> use(form, a));
  }

  private void check(IntakeForm form, @Nullable ServiceCategory category, Map<String, String> errors, Locale locale) {
    if (category == null) {
      errors.put("category", text("intake.error.category", locale));
    } else {
      for (Question q : category.localized(locale).questions()) {
        if (q.variable() && q.required() && form.answer(q.code()).isBlank()) {
          errors.put(IntakeViews.anchor(q.code()), text("intake.error.answer.missing", locale, q.description()));
        }
      }
    }
    if (form.address.isBlank() && !form.hasPoint()) errors.put("address", text("intake.error.address.missing", locale));
    if (form.description.length() > MAX_DESCRIPTION) {
      errors.put("description", text("intake.error.description.long", locale, MAX_DESCRIPTION));
    }
    if (!form.email.isBlank() && !looksLikeEmail(form.email)) {
      errors.put("email", text("intake.error.email", locale));
    }
    if (!form.phone.isBlank() && form.phone.replaceAll("[^0-9]", "").length() < CallerHistory.MIN_PHONE_DIGITS) {
      errors.put("phone", text("intake.error.phone", locale));
    }
    if (form.smsConsent && form.phone.isBlank()) errors.put("smsConsent", text("intake.error.sms", locale));
  }

  private SubmitServiceRequest command(IntakeForm form, ServiceCategory category, StaffMember me) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    form.answers.forEach((code, values) -> { if (!values.isEmpty()) answers.put(code, values); });
    Reporter reporter =
        new Reporter(
            form.firstName(),
            form.lastName(),
            blankToNull(form.email),
            blankToNull(form.phone),
            null,
            null,
            form.smsConsent,
            form.language.equals("es") || form.language.equals("en") ? form.language : null);
    Location location =
        new Location(form.latitudeValue(), form.longitudeValue(), blankToNull(form.address), blankToNull(form.addressId), null);
    return new SubmitServiceRequest(
        category.code(), answers, location, blankToNull(form.description), List.of(), Channel.PHONE, reporter,
        form.formId, "intake:" + me.email());
  }

  /** Where on the page a problem the requests module found belongs. */
  private static String fieldOf(String field) {
    if (field.startsWith("attribute[") && field.endsWith("]")) {
      return IntakeViews.anchor(field.substring("attribute[".length(), field.length() - 1));
    }
    return switch (field) {
      case "service_code" -> "category";
      case "lat", "long", "location", "address_string", "address_id", "zipcode" -> "address";
      case "first_name", "last_name" -> "name";
      case "email", "phone", "description" -> field;
      default -> "category";
    };
  }

  private String messageFor(InvalidServiceRequest.Violation v, ServiceCategory category, Locale locale) {
    String field = fieldOf(v.field());
    if (field.startsWith("answer-")) {
      String code = v.field().substring("attribute[".length(), v.field().length() - 1);
      String question = category.localized(locale).question(code).map(Question::description).orElse(code);
      return text("intake.error.answer.invalid", locale, question);
    }
    return switch (field) {
      case "address" -> text(v.field().equals("lat") ? "intake.error.address.outside" : "intake.error.address.missing", locale);
      case "email" -> text("intake.error.email", locale);
      case "phone" -> text("intake.error.phone", locale);
      case "description" -> text("intake.error.description.long", locale, MAX_DESCRIPTION);
      case "name" -> text("intake.error.name", locale);
      default -> text("intake.error.other", locale);
    };
  }

  private String render(IntakeForm form, Map<String, String> errors, Model model, Locale locale) {
    ServiceCategory category = catalog.category(form.category).map(c -> c.localized(locale)).orElse(null);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("errorList", errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList());
    model.addAttribute("categories", IntakeViews.categories(catalog.categories(), locale));
    model.addAttribute("category", category);
    model.addAttribute("questions", IntakeViews.questions(category, form, errors));
    if (!errors.isEmpty()) model.addAttribute("focus", "error-summary");
    return "console/intake";
  }

  /** A problem shown in the summary, linked to its field. */
  record FieldError(String field, String message) {}

  private void requireCallTaker(StaffMember me) {
    if (!access.canTakeReports(me)) throw new NotAllowed(me.email() + " may not take reports");
  }

  private String categoryName(String code, Locale locale) {
    return catalog.categoryIncludingInactive(code).map(c -> c.name(locale)).orElse(code);
  }

  private String dateTime(java.time.Instant at, Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .format(at.atZone(catalog.jurisdiction().timeZone()));
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static @Nullable String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

}
