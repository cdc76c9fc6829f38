package org.civic311.open311.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Open311 datetimes: written with seconds and an offset and no fraction (jreport reads nothing else),
 * read leniently because clients send what their libraries produce.
 */
final class W3cDates {

  private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  /**
   * Date, time with or without seconds (and with any fraction), then {@code Z}, {@code ±HH:MM},
   * {@code ±HHMM} or {@code ±HH}. A space stands for {@code +}: jreport does not URL-encode, so a
   * {@code +01:00} arrives as {@code  01:00}.
   */
  private static final Pattern INPUT =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2})(:\\d{2}(?:[.,]\\d{1,9})?)?"
              + "\\s*([Zz]|[+\\- ]\\d{2}(?::?\\d{2})?)");

  private W3cDates() {}

  static @Nullable String format(@Nullable Instant instant, ZoneId zone) {
    return instant == null ? null : OUTPUT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  /**
   * Reads a datetime parameter.
   *
   * @throws Open311Exception a 400 naming the parameter when the value is not a datetime with an offset
   */
  static Instant parse(String parameter, String value) {
    Matcher m = INPUT.matcher(value.strip());
    if (m.matches()) {
      String seconds = m.group(3) == null ? ":00" : m.group(3).replace(',', '.');
      String offset = normalizeOffset(m.group(4));
      try {
        return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + seconds + offset).toInstant();
      } catch (DateTimeException e) {
        // falls through to the message below: the fields are out of range, e.g. month 13
      }
    }
    throw Open311Exception.badRequest(
        parameter
            + " is not a valid datetime: use ISO 8601 with a time zone, e.g. 2026-01-31T08:15:00-05:00 or"
            + " 2026-01-31T13:15:00Z");
  }

  private static String normalizeOffset(String offset) {
    if (offset.equalsIgnoreCase("z")) return "Z";
    String sign = offset.charAt(0) == '-' ? "-" : "+";
    String digits = offset.substring(1).replace(":", "");
    String hours = digits.substring(0, 2);
    String minutes = digits.length() > 2 ? digits.substring(2) : "00";
    return sign + hours + ":" + minutes;
  }
}
