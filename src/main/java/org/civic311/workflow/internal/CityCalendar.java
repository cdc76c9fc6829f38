package org.civic311.workflow.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.civic311.catalog.Catalog;
import org.civic311.requests.BusinessCalendar;
import org.civic311.workflow.BusinessCalendars;
import org.civic311.workflow.CalendarSettings;
import org.civic311.workflow.Holiday;
import org.civic311.workflow.InvalidCalendar;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The city's business calendar: the requests module counts business-day targets in it (it is the
 * {@link BusinessCalendar} bean), and admins edit it through {@link BusinessCalendars}. Every node
 * keeps it in memory and reads it again after the cache time, so counting a due date never waits on
 * the database; an edit clears this node's copy at once.
 */
@Component
class CityCalendar implements BusinessCalendar, BusinessCalendars {

  private static final Logger log = LoggerFactory.getLogger(CityCalendar.class);
  private static final int MAX_HOLIDAY_NAME = 100;

  private record Loaded(WorkingTimeCalendar calendar, Instant at) {}

  private final CalendarStore store;
  private final Catalog catalog;
  private final WorkflowProperties.Calendar defaults;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private volatile @Nullable Loaded loaded;

  CityCalendar(
      CalendarStore store, Catalog catalog, WorkflowProperties properties, Clock clock, TransactionTemplate transactions) {
    this.store = store;
    this.catalog = catalog;
    this.defaults = properties.calendar();
    this.clock = clock;
    this.transactions = transactions;
  }

  /** Stores the calendar from the settings at the first start, holidays included; later starts keep the stored one. */
  @EventListener(ApplicationStartedEvent.class)
  void seedAtFirstStart() {
    check(defaults.workingDays(), defaults.opens(), defaults.closes());
    transactions.executeWithoutResult(status -> {
      CalendarStore.WorkingTime first = new CalendarStore.WorkingTime(defaults.workingDays(), defaults.opens(), defaults.closes());
      if (store.insertFirst(first, clock.instant())) {
        defaults.holidays().forEach(h -> store.saveHoliday(checked(new Holiday(h.date(), h.name()))));
        log.info(
            "Business calendar stored from the settings: {} from {} to {}, {} holidays",
            defaults.workingDays(), defaults.opens(), defaults.closes(), defaults.holidays().size());
      }
    });
    loaded = null;
  }

  // --- BusinessCalendar: on the path of every report, so from memory ---

  @Override
  public Instant addWorkingTime(Instant start, Duration workingTime) {
    return current().addWorkingTime(start, workingTime);
  }

  @Override
  public Duration workingTimeBetween(Instant from, Instant to) {
    return current().workingTimeBetween(from, to);
  }

  @Override
  public Duration businessDay() {
    return current().businessDay();
  }

  WorkingTimeCalendar current() {
    Loaded l = loaded;
    Instant now = clock.instant();
    if (l != null && now.isBefore(l.at().plus(defaults.cacheTtl())) && !now.isBefore(l.at())) return l.calendar();
    synchronized (this) {
      l = loaded;
      if (l != null && now.isBefore(l.at().plus(defaults.cacheTtl())) && !now.isBefore(l.at())) return l.calendar();
      WorkingTimeCalendar fresh = new WorkingTimeCalendar(read());
      loaded = new Loaded(fresh, now);
      return fresh;
    }
  }

  private CalendarSettings read() {
    var zone = catalog.jurisdiction().timeZone();
    // Before the first start stored it (only while starting), the settings are the calendar.
    return store.workingTime()
        .map(w -> new CalendarSettings(zone, w.workingDays(), w.opens(), w.closes(), store.holidays()))
        .orElseGet(
            () ->
                new CalendarSettings(
                    zone,
                    defaults.workingDays(),
                    defaults.opens(),
                    defaults.closes(),
                    defaults.holidays().stream()
                        .map(h -> new Holiday(h.date(), h.name()))
                        .sorted(Comparator.comparing(Holiday::date))
                        .toList()));
  }

  // --- BusinessCalendars: the admin's side ---

  @Override
  public CalendarSettings calendar() {
    return current().settings();
  }

  @Override
  public CalendarSettings saveWorkingTime(Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes) {
    check(workingDays, opens, closes);
    store.saveWorkingTime(new CalendarStore.WorkingTime(workingDays, opens, closes), clock.instant());
    return reloaded();
  }

  @Override
  public CalendarSettings addHoliday(Holiday holiday) {
    store.saveHoliday(checked(holiday));
    return reloaded();
  }

  @Override
  public boolean removeHoliday(LocalDate date) {
    boolean removed = store.removeHoliday(date);
    loaded = null;
    return removed;
  }

  private CalendarSettings reloaded() {
    loaded = null;
    return calendar();
  }

  private static void check(@Nullable Set<DayOfWeek> workingDays, @Nullable LocalTime opens, @Nullable LocalTime closes) {
    List<String> problems = new ArrayList<>();
    if (workingDays == null || workingDays.isEmpty()) problems.add("Choose at least one working day.");
    if (opens == null || closes == null) {
      problems.add("Give the opening and closing times.");
    } else if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
      problems.add("A working day must close after it opens (" + opens + " to " + closes + "); 00:00 as closing means midnight.");
    }
    if (!problems.isEmpty()) throw new InvalidCalendar(String.join(" ", problems));
  }

  private static Holiday checked(@Nullable Holiday holiday) {
    if (holiday == null || holiday.date() == null) throw new InvalidCalendar("Give the holiday's date.");
    String name = holiday.name() == null ? "" : holiday.name().strip();
    if (name.isEmpty()) throw new InvalidCalendar("Give the holiday a name, e.g. \"Thanksgiving Day\".");
    if (name.length() > MAX_HOLIDAY_NAME) {
      throw new InvalidCalendar("A holiday name has at most " + MAX_HOLIDAY_NAME + " characters.");
    }
    return new Holiday(holiday.date(), name);
  }
}
