package org.civic311.reporting;

import java.time.LocalDate;

/**
 * How many requests of a category were received on a day (in UTC), and how many closed that day and
 * are still resolved or closed.
 */
public record DailyVolume(LocalDate day, String categoryCode, long received, long closed) {}
