package org.civic311.console.internal.web.queue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.civic311.catalog.Catalog;
import org.civic311.catalog.Department;
import org.civic311.catalog.ServiceCategory;
import org.civic311.identity.Crew;
import org.civic311.identity.StaffAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Names and dates as the console shows them: in the city's time zone and the member's language. */
@Component
class ConsoleViews {

  private final Catalog catalog;
  private final StaffAccounts staff;

  ConsoleViews(Catalog catalog, StaffAccounts staff) {
    this.catalog = catalog;
    this.staff = staff;
  }

  ZoneId zone() {
    return catalog.jurisdiction().timeZone();
  }

  String dateTime(@Nullable Instant at, Locale locale) {
    if (at == null) return "";
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(at.atZone(zone()));
  }

  String category(String code) {
    return catalog.categoryIncludingInactive(code).map(ServiceCategory::name).orElse(code);
  }

  String department(@Nullable String code) {
    if (code == null) return "";
    return catalog.department(code).map(Department::name).orElse(code);
  }

  String crew(@Nullable String code) {
    if (code == null) return "";
    return staff.crews().stream().filter(c -> c.code().equals(code)).map(Crew::name).findFirst().orElse(code);
  }
}
