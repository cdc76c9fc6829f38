package org.civic311.geo;

/**
 * What an address import changed.
 *
 * @param added addresses that were not stored before
 * @param updated stored addresses whose house number, street, label spelling or position changed
 * @param unchanged stored addresses the file repeats as they are
 * @param removed stored addresses missing from the file (only when replacing)
 * @param repeated rows that repeat an earlier row's label and zip; the first one counts
 */
public record ImportSummary(int added, int updated, int unchanged, int removed, int repeated) {

  /** Addresses stored from the file. */
  public int total() {
    return added + updated + unchanged;
  }
}
