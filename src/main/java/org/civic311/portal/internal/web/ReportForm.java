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

  /** A blank form: anonymous until the resident chooses otherwise. */
  static ReportForm empty() {
    return new ReportForm(Map.of(), "", "", "", "", List.of(), List.of(), ANONYMOUS, "", "", "", "", false, "", "");
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
    return new ReportForm(answers, address, latitude, longitude, description, List.copyOf(urls), List.of(), contact,
        firstName, lastName, email, phone, smsConsent, website, csrf);
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
