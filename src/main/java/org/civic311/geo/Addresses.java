package org.civic311.geo;

import java.io.Reader;
import java.util.List;
import java.util.Optional;

/** The city's street addresses: suggestions while typing, lookup by id or by position, and import. */
public interface Addresses {

  /** Longest input {@link #suggest} looks at; longer input gets no suggestions. */
  int MAX_TYPED_LENGTH = 200;

  /** Most suggestions one call returns, whatever limit is asked. */
  int MAX_SUGGESTIONS = 50;

  /**
   * Addresses matching what a resident typed so far, best first: labels that start with it (house
   * number prefixes included), then labels containing it, then near misses. Case, accents, punctuation
   * and extra spaces do not matter, and "street"/"avenue"/"north"... match "St"/"Ave"/"N". Blank input,
   * input longer than {@link #MAX_TYPED_LENGTH} or a limit below 1 give an empty list, never an error.
   */
  List<Address> suggest(String typed, int limit);

  /** The address with this id. */
  Optional<Address> find(long id);

  /**
   * The address nearest to a point, if one is within {@code withinMeters} (at most 5,000); empty for
   * a point outside the world's coordinates or a distance below 1.
   */
  Optional<Address> nearest(double latitude, double longitude, int withinMeters);

  /**
   * Reads a CSV address list (see README: header {@code label,house_number,street,zip,latitude,longitude})
   * and stores it in one transaction. The whole file is checked first: nothing is stored when a row is
   * bad.
   *
   * @throws AddressFileException naming the line of every bad row (the first ten)
   */
  ImportSummary importCsv(Reader csv, Mode mode);

  /** How an import treats addresses already stored. */
  enum Mode {
    /** The file is the complete list: stored addresses missing from it are removed. */
    REPLACE,
    /** The file adds and updates addresses; the others stay. */
    MERGE
  }
}
