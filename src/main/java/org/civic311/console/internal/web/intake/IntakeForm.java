package org.civic311.console.internal.web.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * What a call-taker typed on the intake page, exactly as typed, so that every round trip (a lookup,
 * a category change, a refused report) shows it again. Never bound to the request itself.
 */
final class IntakeForm {

  static final String ANSWER_PREFIX = "answer.";

  String lookup = "";
  String category = "";
  Map<String, List<String>> answers = new LinkedHashMap<>();
  String address = "";
  String latitude = "";
  String longitude = "";
  String addressId = "";
  String description = "";
  String name = "";
  String email = "";
  String phone = "";
  boolean smsConsent;
  String language = "";
  /** Set once the "is it one of these?" list was shown, so a second press of Submit files it. */
  boolean duplicatesSeen;
  /**
   * One id per call, made when the empty form is shown and kept through every answer: filing twice
   * (a double click, Alt+S pressed twice) files one report.
   */
  String formId = java.util.UUID.randomUUID().toString();

  static IntakeForm from(MultiValueMap<String, String> params) {
    IntakeForm form = new IntakeForm();
    form.lookup = one(params, "lookup");
    form.category = one(params, "category");
    form.address = one(params, "address");
    form.latitude = one(params, "latitude");
    form.longitude = one(params, "longitude");
    form.addressId = one(params, "addressId");
    form.description = one(params, "description");
    form.name = one(params, "name");
    form.email = one(params, "email");
    form.phone = one(params, "phone");
    form.smsConsent = "true".equals(one(params, "smsConsent"));
    form.language = one(params, "language");
    form.duplicatesSeen = "true".equals(one(params, "duplicatesSeen"));
    String formId = one(params, "formId");
    if (formId.matches("[0-9a-f-]{36}")) form.formId = formId;
    params.forEach(
        (key, values) -> {
          if (key.startsWith(ANSWER_PREFIX) && key.length() > ANSWER_PREFIX.length()) {
            List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            form.answers.put(key.substring(ANSWER_PREFIX.length()), kept);
          }
        });
    return form;
  }

  private static String one(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null ? "" : value.strip();
  }

  @Nullable Double latitudeValue() {
    return number(latitude);
  }

  @Nullable Double longitudeValue() {
    return number(longitude);
  }

  boolean hasPoint() {
    return latitudeValue() != null && longitudeValue() != null;
  }

  /** The caller's first name: the name as said, up to its last word. */
  @Nullable String firstName() {
    if (name.isBlank()) return null;
    int space = name.lastIndexOf(' ');
    return space < 0 ? name : name.substring(0, space).strip();
  }

  @Nullable String lastName() {
    int space = name.lastIndexOf(' ');
    return space < 0 ? null : name.substring(space + 1).strip();
  }

  String answer(String code) {
    List<String> values = answers.get(code);
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }

  boolean chosen(String code, String key) {
    List<String> values = answers.get(code);
    return values != null && values.contains(key);
  }

  private static @Nullable Double number(String text) {
    if (text.isBlank()) return null;
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // Getters for the template.
  public String getLookup() { return lookup; }
  public String getCategory() { return category; }
  public String getAddress() { return address; }
  public String getLatitude() { return latitude; }
  public String getLongitude() { return longitude; }
  public String getAddressId() { return addressId; }
  public String getDescription() { return description; }
  public String getName() { return name; }
  public String getEmail() { return email; }
  public String getPhone() { return phone; }
  public boolean isSmsConsent() { return smsConsent; }
  public String getLanguage() { return language; }
  public boolean isDuplicatesSeen() { return duplicatesSeen; }
  public String getFormId() { return formId; }
}
