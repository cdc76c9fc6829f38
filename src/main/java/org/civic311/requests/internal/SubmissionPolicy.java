package org.civic311.requests.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civic311.catalog.Jurisdiction;
import org.civic311.catalog.Question;
import org.civic311.catalog.ServiceCategory;
import org.civic311.requests.InvalidServiceRequest;
import org.civic311.requests.InvalidServiceRequest.Kind;
import org.civic311.requests.InvalidServiceRequest.Violation;
import org.civic311.requests.Location;
import org.civic311.requests.Reporter;
import org.civic311.requests.SubmitServiceRequest;
import org.jspecify.annotations.Nullable;

/**
 * The rules a new request must meet, whatever channel it came from: a known category, answers that
 * fit the category's questions, a location inside the city, bounded text. Every broken rule is
 * reported at once so a client can fix them all in one go.
 */
final class SubmissionPolicy {

  static final int MAX_DESCRIPTION = 4_000;
  static final int MAX_TEXT_ANSWER = 4_000;
  static final int MAX_SHORT_TEXT = 500;
  static final int MAX_MEDIA = 10;
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");
  private static final Pattern PHONE = Pattern.compile("[0-9+()./\\-\\s]{3,40}(?:\\s*(?:x|ext\\.?)\\s*\\d{1,6})?");

  private SubmissionPolicy() {}

  static ValidSubmission check(
      SubmitServiceRequest command, Optional<ServiceCategory> maybeCategory, Jurisdiction jurisdiction) {
    List<Violation> problems = new ArrayList<>();
    ServiceCategory category = maybeCategory.orElse(null);
    if (category == null) {
      problems.add(
          new Violation(
              "service_code",
              isBlank(command.categoryCode()) ? Kind.MISSING : Kind.UNKNOWN_CATEGORY,
              isBlank(command.categoryCode())
                  ? "service_code is required"
                  : "service_code " + quote(command.categoryCode()) + " is not a service of " + jurisdiction.name()));
    }
    Map<String, List<String>> answers = category == null ? Map.of() : answers(command, category, problems);
    Location location = location(command.location(), jurisdiction, problems);
    String description = text("description", command.description(), MAX_DESCRIPTION, problems);
    List<String> media = media(command.mediaUrls(), problems);
    Reporter reporter = reporter(command.reporter(), problems);
    if (!problems.isEmpty() || category == null) throw new InvalidServiceRequest(problems);
    return new ValidSubmission(category, answers, location, description, media, command.channel(), reporter);
  }

  private static Map<String, List<String>> answers(
      SubmitServiceRequest command, ServiceCategory category, List<Violation> problems) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (var given : command.answers().entrySet()) {
      String code = given.getKey();
      Optional<Question> question = category.question(code);
      if (question.isEmpty()) {
        problems.add(
            new Violation(
                field(code),
                Kind.INVALID,
                code + " is not a question of service " + category.code() + " (" + category.name() + ")"));
        continue;
      }
      if (!question.get().variable()) continue; // informational text: nothing to answer
      List<String> values =
          given.getValue().stream().map(v -> v == null ? "" : v.strip()).filter(v -> !v.isEmpty()).toList();
      if (!values.isEmpty() && valid(question.get(), values, problems)) kept.put(code, values);
    }
    for (Question q : category.questions()) {
      if (q.variable() && q.required() && !kept.containsKey(q.code()) && !alreadyFlagged(problems, q.code())) {
        problems.add(new Violation(field(q.code()), Kind.MISSING, q.code() + " required: " + q.description()));
      }
    }
    return kept;
  }

  private static boolean alreadyFlagged(List<Violation> problems, String code) {
    return problems.stream().anyMatch(p -> p.field().equals(field(code)));
  }

  private static boolean valid(Question q, List<String> values, List<Violation> problems) {
    String field = field(q.code());
    if (q.datatype() != org.civic311.catalog.QuestionDatatype.MULTIVALUELIST && values.size() > 1) {
      problems.add(new Violation(field, Kind.INVALID, q.code() + " takes one answer, got " + values.size()));
      return false;
    }
    for (String value : values) {
      if (value.indexOf('\0') >= 0) {
        problems.add(new Violation(field, Kind.INVALID, q.code() + " contains a NUL character"));
        return false;
      }
      String problem =
          switch (q.datatype()) {
            case STRING -> value.length() > MAX_SHORT_TEXT ? "is longer than " + MAX_SHORT_TEXT + " characters" : null;
            case TEXT -> value.length() > MAX_TEXT_ANSWER ? "is longer than " + MAX_TEXT_ANSWER + " characters" : null;
            case NUMBER -> isNumber(value) ? null : "must be a number, got " + quote(value);
            case DATETIME -> isDateTime(value) ? null : "must be a date and time like 2026-11-22T08:30:00-08:00, got " + quote(value);
            case SINGLEVALUELIST, MULTIVALUELIST ->
                q.values().stream().anyMatch(v -> v.key().equals(value))
                    ? null
                    : "must be one of " + q.values().stream().map(Question.AllowedValue::key).toList() + ", got " + quote(value);
          };
      if (problem != null) {
        problems.add(new Violation(field, Kind.INVALID, q.code() + " " + problem));
        return false;
      }
    }
    if (new LinkedHashSet<>(values).size() != values.size()) {
      problems.add(new Violation(field, Kind.INVALID, q.code() + " repeats an answer"));
      return false;
    }
    return true;
  }

  private static boolean isNumber(String value) {
    if (value.length() > 40) return false;
    try {
      new BigDecimal(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDateTime(String value) {
    for (var parser : List.<java.util.function.Consumer<String>>of(
        OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
      try {
        parser.accept(value);
        return true;
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    return false;
  }

  private static Location location(Location given, Jurisdiction jurisdiction, List<Violation> problems) {
    Double lat = given.latitude();
    Double lon = given.longitude();
    String address = text("address_string", given.address(), MAX_SHORT_TEXT, problems);
    String addressId = text("address_id", given.addressId(), 200, problems);
    String zipcode = text("zipcode", given.zipcode(), 20, problems);
    boolean pointOk = true;
    if ((lat == null) != (lon == null)) {
      problems.add(new Violation(lat == null ? "lat" : "long", Kind.MISSING, "lat and long must be sent together"));
      pointOk = false;
    } else if (lat != null) {
      if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
        problems.add(new Violation("lat", Kind.INVALID, "lat must be between -90 and 90, got " + lat));
        pointOk = false;
      }
      if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
        problems.add(new Violation("long", Kind.INVALID, "long must be between -180 and 180, got " + lon));
        pointOk = false;
      }
      if (pointOk && jurisdiction.bounds() != null && !jurisdiction.bounds().contains(lat, lon)) {
        problems.add(
            new Violation(
                "lat", Kind.INVALID, "The location " + lat + ", " + lon + " is outside " + jurisdiction.name()));
        pointOk = false;
      }
    }
    if (lat == null && address == null && addressId == null) {
      problems.add(
          new Violation(
              "location", Kind.MISSING, "A location is required: lat and long, address_string or address_id"));
    }
    return new Location(pointOk ? lat : null, pointOk ? lon : null, address, addressId, zipcode);
  }

  private static List<String> media(List<String> urls, List<Violation> problems) {
    List<String> kept = new ArrayList<>();
    for (String raw : urls) {
      if (raw == null || raw.isBlank()) continue;
      String url = raw.strip();
      if (url.length() > 2048 || !isWebUrl(url)) {
        problems.add(new Violation("media_url", Kind.INVALID, "media_url must be an http or https URL"));
        continue;
      }
      kept.add(url);
    }
    if (kept.size() > MAX_MEDIA) {
      problems.add(new Violation("media_url", Kind.INVALID, "At most " + MAX_MEDIA + " media URLs per request"));
    }
    return kept;
  }

  private static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Reporter reporter(Reporter given, List<Violation> problems) {
    String email = text("email", given.email(), 254, problems);
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.add(new Violation("email", Kind.INVALID, "email is not a valid email address"));
    }
    String phone = text("phone", given.phone(), 40, problems);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      problems.add(new Violation("phone", Kind.INVALID, "phone is not a valid phone number"));
    }
    return new Reporter(
        text("first_name", given.firstName(), 200, problems),
        text("last_name", given.lastName(), 200, problems),
        email,
        phone,
        text("device_id", given.deviceId(), 200, problems),
        text("account_id", given.accountId(), 200, problems),
        given.smsConsent() && phone != null,
        language(given.language(), problems));
  }

  /** A short BCP 47 tag such as {@code en} or {@code es-MX}; anything else is refused. */
  private static @Nullable String language(@Nullable String given, List<Violation> problems) {
    if (given == null || given.isBlank()) return null;
    String tag = given.strip();
    if (!LANGUAGE.matcher(tag).matches()) {
      problems.add(new Violation("language", Kind.INVALID, "language is not a language tag such as en or es"));
      return null;
    }
    return tag.toLowerCase(java.util.Locale.ROOT);
  }

  /** Trims, drops empty text, and refuses what PostgreSQL cannot store (NUL) or what is too long. */
  private static @Nullable String text(String field, @Nullable String value, int max, List<Violation> problems) {
    if (value == null) return null;
    String trimmed = value.strip();
    if (trimmed.isEmpty()) return null;
    if (trimmed.indexOf('\0') >= 0) {
      problems.add(new Violation(field, Kind.INVALID, field + " contains a NUL character"));
      return null;
    }
    if (trimmed.codePointCount(0, trimmed.length()) > max) {
      problems.add(new Violation(field, Kind.TOO_LONG, field + " is longer than " + max + " characters"));
      return null;
    }
    return trimmed;
  }

  private static String field(String code) {
    return "attribute[" + code + "]";
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static String quote(String value) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return "'" + shown + "'";
  }
}
