package org.civic311.reporting;

import java.time.LocalDate;
import java.util.List;
import org.civic311.requests.DailyTotals;

/** Numbers for managers, counted from the requests. */
public interface Statistics {

  /** Daily volumes between two days inclusive, by day then category. */
  List<DailyTotals> dailyVolume(LocalDate from, LocalDate to);
}
