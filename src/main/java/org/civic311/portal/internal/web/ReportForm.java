package org.civic311.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything a resident typed into the report form, exactly as typed, so that a page shown again
 * after an error (or after the review step) gives every value back. Field names follow Open311 where
 * it has one ({@code attribute[CODE]}, {@code lat}, {@code long}).
 *
 * @param answers the answers by question code; several values for a multiple choice question
 * @param photoUrls photos already accepted on an earlier step, carried as hidden fields
 * @param photoPoints where accepted photos say they were taken, each "{url} {lat},{long}", carried as
 *     hidden fields so the resident can choose to use one as the report's place (never stored)
 * @param removePhotos accepted photos the resident ticked to remove
 * @param contact {@code anonymous} or {@code contact}
 * @param website the honeypot: people never see it, so a value means a bot
 */
public record ReportForm(
    Map<String, List<String>> answers,
    String address,
    String latitude,
    String longitude,
    String description,
    List<String> photoUrls,
    List<String> photoPoints,
    List<String> removePhotos,
    String contact,
    String firstName,
    String lastName,
    String email,
    String phone,
    boolean smsConsent,
    String website,
    String csrf) {

  static final String ANONYMOUS = "anonymous";
  static final String WITH_CONTACT = "contact";

  /** {@code attribute[CODE]} and {@code attribute[CODE][]}, as a plain form sends them. */
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_-]{1,100})](\\[])?");

  private static final Pattern PHOTO_POINT =
      Pattern.compile("(\\S{1,500}) (-?\\d{1,3}(?:\\.\\d{1,8})?),(-?\\d{1,3}(?:\\.\\d{1,8})?)");

  /** A blank form: anonymous until the resident chooses otherwise. */
  static ReportForm empty() {
    return new ReportForm(Map.of(), "", "", "", "", List.of(), List.of(), List.of(), ANONYMOUS, "", "", "", "", false, "", "");
  }

  static ReportForm from(HttpServletRequest request) {
    var answers = new LinkedHashMap<String, List<String>>();
    request.getParameterMap().forEach((name, values) -> {
      Matcher matcher = ATTRIBUTE.matcher(name);
      if (matcher.matches()) {
        answers.computeIfAbsent(matcher.group(1), code -> new ArrayList<>()).addAll(Arrays.asList(values));
      }
    });
    String contact = one(request, "contact");
    return new ReportForm(
        answers,
        one(request, "address"),
        one(request, "lat"),
        one(request, "long"),
        one(request, "description"),
        all(request, "photoUrl"),
        all(request, "photoPoint"),
        all(request, "removePhoto"),
        WITH_CONTACT.equals(contact) ? WITH_CONTACT : ANONYMOUS,
        one(request, "firstName"),
        one(request, "lastName"),
        one(request, "email"),
        one(request, "phone"),
        request.getParameter("smsConsent") != null,
        one(request, "website"),
        one(request, "csrf"));
  }

  public boolean anonymous() {
    return !WITH_CONTACT.equals(contact);
  }

  /** The single answer of a question, or empty. */
  String answer(String code) {
    List<String> values = answers.getOrDefault(code, List.of());
    return values.isEmpty() ? "" : values.getFirst();
  }

  boolean chose(String code, String key) {
    return answers.getOrDefault(code, List.of()).contains(key);
  }

  ReportForm withPhotos(List<String> urls) {
    return withPhotos(urls, Map.of());
  }

  /** The photos kept, with the positions known of them (earlier ones and {@code newPoints} by URL). */
  ReportForm withPhotos(List<String> urls, Map<String, String> newPoints) {
    var known = new LinkedHashMap<>(points());
    known.putAll(newPoints);
    List<String> points = urls.stream().filter(known::containsKey).map(url -> url + " " + known.get(url)).toList();
    return new ReportForm(answers, address, latitude, longitude, description, List.copyOf(urls), points, List.of(),
        contact, firstName, lastName, email, phone, smsConsent, website, csrf);
  }

  /** The same report placed at another point and address (the resident chose a photo's position). */
  ReportForm at(String newLatitude, String newLongitude, String newAddress) {
    return new ReportForm(answers, newAddress, newLatitude, newLongitude, description, photoUrls, photoPoints,
        removePhotos, contact, firstName, lastName, email, phone, smsConsent, website, csrf);
  }

  /** Photo URL to "lat,long", for the well-formed entries of {@link #photoPoints}. */
  Map<String, String> points() {
    var points = new LinkedHashMap<String, String>();
    for (String entry : photoPoints) {
      Matcher matcher = PHOTO_POINT.matcher(entry);
      if (matcher.matches()) points.put(matcher.group(1), matcher.group(2) + "," + matcher.group(3));
    }
    return points;
  }

  static Optional<Double> number(String typed) {
    String value = typed.strip().replace(',', '.');
    if (value.isEmpty() || value.length() > 30) return Optional.empty();
    try {
      double parsed = Double.parseDouble(value);
      return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String one(HttpServletRequest request, String name) {
    @Nullable String value = request.getParameter(name);
    return value == null ? "" : value;
  }

  private static List<String> all(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null ? List.of() : Arrays.stream(values).filter(v -> !v.isBlank()).toList();
  }
}
