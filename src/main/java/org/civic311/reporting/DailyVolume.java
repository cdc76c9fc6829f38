package org.civic311.reporting;

import java.time.LocalDate;

/** How many requests of a category were received and closed on a day (in UTC). */
public record DailyVolume(LocalDate day, String categoryCode, long received, long closed) {}
