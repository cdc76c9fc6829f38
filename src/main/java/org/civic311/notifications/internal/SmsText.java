package org.civic311.notifications.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures text messages as phones and carriers do, and makes them fit in one segment. A segment
 * holds 160 characters of the GSM-7 alphabet (the characters of its extension table, like {@code
 * €} or {@code [}, count twice), or only 70 characters when one character outside it (for example
 * {@code á}, {@code ó}, {@code ¡}, an emoji) makes the whole message UCS-2. Longer messages are split
 * into several, each billed, and may arrive out of order.
 */
final class SmsText {

  static final int GSM7_SEGMENT = 160;
  static final int UCS2_SEGMENT = 70;

  private static final String GSM7_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";
  /** Values, in the order they give way when a message is too long; the link never does. */
  static final List<String> SHORTENED_FIRST = List.of("message", "address", "category", "status", "city");

  /** A value cut shorter than this says nothing useful and is left out instead. */
  static final int MIN_KEPT = 12;

  private SmsText() {}

  static boolean isGsm7(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM7_BASIC.indexOf(c) < 0 && GSM7_EXTENSION.indexOf(c) < 0) return false;
    }
    return true;
  }

  /** The length as the network counts it: septets for GSM-7, UTF-16 code units for UCS-2. */
  static int length(String text) {
    if (!isGsm7(text)) return text.length();
    int n = 0;
    for (int i = 0; i < text.length(); i++) n += GSM7_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
    return n;
  }

  /** What one segment holds for this text. */
  static int segmentLimit(String text) {
    return isGsm7(text) ? GSM7_SEGMENT : UCS2_SEGMENT;
  }

  static boolean fitsOneSegment(String text) {
    return length(text) <= segmentLimit(text);
  }

  /** How many messages the network splits this text into (153 or 67 characters each when split). */
  static int segments(String text) {
    int length = length(text);
    if (length <= segmentLimit(text)) return 1;
    int part = isGsm7(text) ? 153 : 67;
    return (length + part - 1) / part;
  }

  /**
   * Renders a message so that it fits one segment when it can: first, characters outside GSM-7 in the
   * values (accents that staff typed, curly quotes) are replaced by their closest GSM-7 letters,
   * which keeps 160 characters instead of 70; then the values in {@link #SHORTENED_FIRST} are cut,
   * with "...", one after the other (a value that would keep fewer than {@link #MIN_KEPT}
   * characters is left out, so templates wrap such values in a section). The template's own words and the links stay whole: a message
   * that is still too long is sent in several segments.
   */
  static String fit(Function<Map<String, String>, String> render, Map<String, String> values) {
    String text = render.apply(values);
    if (fitsOneSegment(text)) return text;
    Map<String, String> adjusted = new LinkedHashMap<>(values);
    Map<String, String> placeholders = new LinkedHashMap<>();
    values.keySet().forEach(k -> placeholders.put(k, "x"));
    if (isGsm7(render.apply(placeholders))) {
      for (String name : SHORTENED_FIRST) {
        String value = adjusted.get(name);
        if (value != null) adjusted.put(name, toGsm7(value));
      }
      text = render.apply(adjusted);
      if (fitsOneSegment(text)) return text;
    }
    for (String name : SHORTENED_FIRST) {
      String value = adjusted.get(name);
      while (value != null && !value.isEmpty()) {
        int over = length(text) - segmentLimit(text);
        String base = value.endsWith("...") ? value.substring(0, value.length() - 3) : value;
        int keep = base.length() - Math.max(1, over) - (value.endsWith("...") ? 0 : 3);
        value = keep < MIN_KEPT ? "" : base.substring(0, keep).stripTrailing() + "...";
        adjusted.put(name, value);
        text = render.apply(adjusted);
        if (fitsOneSegment(text)) return text;
      }
    }
    return text;
  }

  /** The closest GSM-7 text: accents GSM-7 lacks dropped (á to a), typographic marks made plain. */
  static String toGsm7(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM7_BASIC.indexOf(c) >= 0 || GSM7_EXTENSION.indexOf(c) >= 0) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '‘', '’', '´', '`' -> out.append('\'');
        case '“', '”', '«', '»' -> out.append('"');
        case '–', '—' -> out.append('-');
        case '…' -> out.append("...");
        case '\t' -> out.append(' ');
        default -> {
          String plain = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{M}", "");
          if (!plain.isEmpty() && isGsm7(plain)) out.append(plain);
          else if (!Character.isSurrogate(c) || Character.isHighSurrogate(c)) out.append('?');
        }
      }
    }
    return out.toString();
  }
}
