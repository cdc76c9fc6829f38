package org.civic311.geo.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What addresses are matched on: lower case ASCII letters and digits in single-space separated words,
 * with the long forms of street words replaced by the abbreviations city address lists use. The same
 * function makes the stored key and the typed query, so "200 North Spring Street" finds "200 N Spring St".
 */
final class SearchKey {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  /** Street types, written out or abbreviated, anywhere in the address. */
  private static final Map<String, String> STREET_WORDS = Map.ofEntries(
      Map.entry("street", "st"), Map.entry("avenue", "ave"), Map.entry("av", "ave"),
      Map.entry("boulevard", "blvd"), Map.entry("drive", "dr"), Map.entry("road", "rd"),
      Map.entry("place", "pl"), Map.entry("lane", "ln"), Map.entry("court", "ct"),
      Map.entry("terrace", "ter"), Map.entry("circle", "cir"), Map.entry("highway", "hwy"),
      Map.entry("parkway", "pkwy"), Map.entry("square", "sq"), Map.entry("trail", "trl"));

  /** Directions, only right after a house number: "North" is also a street name. */
  private static final Map<String, String> DIRECTIONS = Map.of(
      "north", "n", "south", "s", "east", "e", "west", "w",
      "northeast", "ne", "northwest", "nw", "southeast", "se", "southwest", "sw");

  private SearchKey() {}

  /** Latin letters that are not a base letter plus an accent, so decomposing does not reach them. */
  private static final Map<String, String> LETTERS = Map.of(
      "ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i");

  /** The key of a label or of typed text; empty when it has no letter or digit. */
  static String of(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
      if (lower.contains(letter.getKey())) lower = lower.replace(letter.getKey(), letter.getValue());
    }
    String ascii = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
    String[] words = NOT_WORD.split(ascii.toLowerCase(Locale.ROOT));
    List<String> out = new ArrayList<>(words.length);
    for (String word : words) {
      if (word.isEmpty()) continue;
      boolean afterHouseNumber = out.size() == 1 && Character.isDigit(out.getFirst().charAt(0));
      String abbreviated = afterHouseNumber ? DIRECTIONS.get(word) : null;
      if (abbreviated == null) abbreviated = STREET_WORDS.getOrDefault(word, word);
      out.add(abbreviated);
    }
    return String.join(" ", out);
  }
}
