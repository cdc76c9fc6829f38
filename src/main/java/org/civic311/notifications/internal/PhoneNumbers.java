package org.civic311.notifications.internal;

import java.util.Optional;

/**
 * Phone numbers as residents type them ("(213) 555-0142", "213.555.0142 x12", "+34 612 345 678")
 * turned into E.164 ({@code +12135550142}), the only form SMS providers take. Numbers written without
 * a country code get the city's ({@code +1} by default). Not a full numbering-plan check: the
 * provider has the last word, and its refusal of an invalid number is final.
 */
final class PhoneNumbers {

  private PhoneNumbers() {}

  /**
   * The number in E.164, or empty when it cannot be one (too short, too long, letters).
   *
   * @param defaultCountryCode digits only, e.g. {@code 1}
   */
  static Optional<String> toE164(String typed, String defaultCountryCode) {
    String text = typed.strip();
    // An extension cannot be texted; what comes before it can.
    text = text.replaceFirst("(?i)\\s*(x|ext\\.?)\\s*\\d{1,6}$", "");
    boolean international = text.startsWith("+");
    String digits = text.replaceAll("[\\s().\\-/]", "");
    if (international) digits = digits.substring(1);
    if (!digits.matches("\\d+")) return Optional.empty();
    if (!international && digits.startsWith("00")) {
      international = true;
      digits = digits.substring(2);
    }
    String country = defaultCountryCode.replaceAll("\\D", "");
    if (!international) {
      if (country.equals("1")) {
        // North American numbers: 10 digits, or 11 with the leading 1.
        if (digits.length() == 11 && digits.startsWith("1")) digits = digits.substring(1);
        if (digits.length() != 10) return Optional.empty();
      } else if (digits.startsWith("0")) {
        digits = digits.substring(1); // the national trunk prefix
      }
      digits = country + digits;
    }
    if (digits.startsWith("0") || digits.length() < 8 || digits.length() > 15) return Optional.empty();
    if (digits.startsWith("1") && digits.length() != 11) return Optional.empty();
    return Optional.of("+" + digits);
  }

  /** A number for admin pages: the country code and the last two digits. */
  static String mask(String e164) {
    if (e164.length() < 6) return "***";
    return e164.substring(0, 2) + "*".repeat(e164.length() - 4) + e164.substring(e164.length() - 2);
  }
}
