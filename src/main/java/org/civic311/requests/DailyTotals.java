package org.civic311.requests;

import java.time.LocalDate;

/**
 * Requests of one category received on a day (in UTC), and those whose closing fell on that day and
 * that are still resolved or closed: a reopened request is counted again on the day it closes next.
 */
public record DailyTotals(LocalDate day, String categoryCode, long received, long closed) {}
