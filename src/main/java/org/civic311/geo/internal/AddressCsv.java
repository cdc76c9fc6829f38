package org.civic311.geo.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.civic311.geo.AddressFileException;
import org.civic311.geo.AddressFileException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks an address CSV (RFC 4180: commas, double quotes, CRLF or LF) with the header
 * {@code label,house_number,street,zip,latitude,longitude} in any order. Every row is checked before
 * anything is stored, so a city administrator sees all bad lines of a file at once.
 */
final class AddressCsv {

  static final List<String> COLUMNS = List.of("label", "house_number", "street", "zip", "latitude", "longitude");
  private static final int MAX_PROBLEMS = 10;
  private static final int MAX_FIELD = 1000;
  private static final Pattern ZIP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,9}");

  /** One checked row; {@code line} is where it starts in the file. */
  record Row(long line, String label, String houseNumber, String street, @Nullable String zip, double latitude,
      double longitude, String searchKey) {}

  /** The rows of a file, without rows that repeat an earlier label and zip. */
  record Rows(List<Row> rows, int repeated) {}

  private AddressCsv() {}

  static Rows read(Reader reader) {
    Records records = new Records(reader);
    List<Problem> problems = new ArrayList<>();
    List<String> header = records.next();
    if (header == null) throw new AddressFileException(List.of(new Problem(1, "the file is empty; it needs the header " + String.join(",", COLUMNS))));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) name = name.substring(1);
      if (!COLUMNS.contains(name)) {
        problems.add(new Problem(1, "unknown column '" + shorten(header.get(i)) + "'; the columns are " + String.join(",", COLUMNS)));
      } else if (index.put(name, i) != null) {
        problems.add(new Problem(1, "column " + name + " appears twice"));
      }
    }
    for (String column : COLUMNS) {
      if (!index.containsKey(column) && !column.equals("label") && !column.equals("zip")) {
        problems.add(new Problem(1, "missing column " + column + "; the header is " + String.join(",", COLUMNS)));
      }
    }
    if (!problems.isEmpty()) throw new AddressFileException(problems);

    List<Row> rows = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    int repeated = 0;
    for (List<String> record = records.next(); record != null; record = records.next()) {
      long line = records.recordLine();
      if (record.size() == 1 && record.getFirst().isBlank()) continue;
      Row row = row(line, record, index, header.size(), problems);
      if (row != null) {
        if (firstLine.putIfAbsent(row.searchKey() + "|" + (row.zip() == null ? "" : row.zip()), line) == null) rows.add(row);
        else repeated++;
      }
      if (problems.size() >= MAX_PROBLEMS) break;
    }
    if (!problems.isEmpty()) throw new AddressFileException(problems);
    return new Rows(rows, repeated);
  }

  private static @Nullable Row row(long line, List<String> record, Map<String, Integer> index, int columns, List<Problem> problems) {
    if (record.size() != columns) {
      problems.add(new Problem(line, "has " + record.size() + " fields, the header has " + columns));
      return null;
    }
    int before = problems.size();
    String houseNumber = text(line, "house_number", field(record, index, "house_number"), 20, true, problems);
    String street = text(line, "street", field(record, index, "street"), 150, true, problems);
    String label = text(line, "label", field(record, index, "label"), 200, false, problems);
    String zip = text(line, "zip", field(record, index, "zip"), 10, false, problems);
    if (zip != null && !ZIP.matcher(zip).matches()) {
      problems.add(new Problem(line, "zip '" + shorten(zip) + "' is not a postal code (letters, digits, spaces, hyphens)"));
    }
    double latitude = coordinate(line, "latitude", field(record, index, "latitude"), 90, problems);
    double longitude = coordinate(line, "longitude", field(record, index, "longitude"), 180, problems);
    if (problems.size() > before || houseNumber == null || street == null) return null;
    if (label == null) label = houseNumber + " " + street;
    String key = SearchKey.of(label);
    if (key.isEmpty()) {
      problems.add(new Problem(line, "label '" + shorten(label) + "' has no letter or digit"));
      return null;
    }
    return new Row(line, label, houseNumber, street, zip, latitude, longitude, key);
  }

  private static String field(List<String> record, Map<String, Integer> index, String column) {
    Integer i = index.get(column);
    return i == null ? "" : record.get(i);
  }

  private static @Nullable String text(long line, String column, String raw, int max, boolean required, List<Problem> problems) {
    String value = raw.strip().replaceAll("\\s+", " ");
    if (value.isEmpty()) {
      if (required) problems.add(new Problem(line, column + " is empty"));
      return null;
    }
    if (value.length() > max) {
      problems.add(new Problem(line, column + " is longer than " + max + " characters"));
      return null;
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      problems.add(new Problem(line, column + " contains a control character"));
      return null;
    }
    return value;
  }

  private static double coordinate(long line, String column, String raw, double limit, List<Problem> problems) {
    String value = raw.strip();
    if (value.isEmpty()) {
      problems.add(new Problem(line, column + " is empty"));
      return Double.NaN;
    }
    double parsed;
    try {
      parsed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      parsed = Double.NaN;
    }
    if (!Double.isFinite(parsed) || Math.abs(parsed) > limit || value.length() > 30) {
      problems.add(new Problem(line, column + " '" + shorten(value) + "' is not a number from -" + (int) limit + " to " + (int) limit));
      return Double.NaN;
    }
    return parsed;
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  /** RFC 4180 records with the line each one starts on (quoted fields may span lines). */
  private static final class Records {
    private final Reader reader;
    private long line = 1;
    private long recordLine;
    private int peeked = -2;

    Records(Reader reader) {
      this.reader = reader;
    }

    long recordLine() {
      return recordLine;
    }

    @Nullable List<String> next() {
      int c = read();
      if (c == -1) return null;
      recordLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        if (quoted) {
          if (c == -1) throw new AddressFileException(List.of(new Problem(recordLine, "a quoted field is not closed")));
          if (c == '"') {
            int n = read();
            if (n == '"') field.append('"');
            else {
              quoted = false;
              c = n;
              continue;
            }
          } else {
            if (c == '\n') line++;
            append(field, c);
          }
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
        } else if (c == '\n' || c == -1) {
          if (c == '\n') line++;
          fields.add(field.toString());
          return fields;
        } else if (c == '\r') {
          int n = read();
          if (n != '\n') unread(n);
          else {
            line++;
            fields.add(field.toString());
            return fields;
          }
        } else if (c == '"' && field.isEmpty() && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else {
          append(field, c);
        }
        c = read();
      }
    }

    private void append(StringBuilder field, int c) {
      if (field.length() >= MAX_FIELD) throw new AddressFileException(List.of(new Problem(recordLine, "a field is longer than " + MAX_FIELD + " characters")));
      field.append((char) c);
    }

    private int read() {
      if (peeked != -2) {
        int c = peeked;
        peeked = -2;
        return c;
      }
      try {
        return reader.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void unread(int c) {
      peeked = c;
    }
  }
}
