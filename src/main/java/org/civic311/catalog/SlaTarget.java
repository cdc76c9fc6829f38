package org.civic311.catalog;

import java.util.Locale;

/**
 * How soon a category's requests should be fixed: a number of hours or of business days.
 *
 * @param amount how many units; positive
 * @param unit hours (around the clock) or business days (on the jurisdiction's working days)
 */
public record SlaTarget(int amount, Unit unit) {

  public SlaTarget {
    if (amount <= 0) throw new IllegalArgumentException("An SLA target must be positive, was " + amount);
  }

  public enum Unit {
    HOURS,
    BUSINESS_DAYS
  }

  /** Reads the city file's form: {@code 48 hours} or {@code 5 business days}. */
  public static SlaTarget parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s+", 2);
    if (parts.length != 2) throw new IllegalArgumentException("Not an SLA target: '" + text + "'");
    int amount;
    try {
      amount = Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not an SLA target: '" + text + "'", e);
    }
    return switch (parts[1].replace('-', ' ')) {
      case "hour", "hours" -> new SlaTarget(amount, Unit.HOURS);
      case "business day", "business days" -> new SlaTarget(amount, Unit.BUSINESS_DAYS);
      default ->
          throw new IllegalArgumentException(
              "Not an SLA target: '" + text + "' (write '48 hours' or '5 business days')");
    };
  }

  @Override
  public String toString() {
    return amount + (unit == Unit.HOURS ? " hours" : " business days");
  }
}
