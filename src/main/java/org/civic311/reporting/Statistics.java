package org.civic311.reporting;

import java.time.LocalDate;
import java.util.List;

/** Numbers for managers, counted from the requests. */
public interface Statistics {

  /** Daily volumes between two days inclusive, by day then category. */
  List<DailyVolume> dailyVolume(LocalDate from, LocalDate to);
}
