package org.soseval.pipeline.generate;

import java.time.LocalDate;
import org.soseval.pipeline.calendar.ReportingYears;

/** A collection year: 1 April of the previous year to 31 March of {@code year}. */
record CensusYear(int year, LocalDate start, LocalDate end) {
  static CensusYear of(int year) {
    return new CensusYear(year, ReportingYears.start(year), ReportingYears.end(year));
  }

  /** True when a record running from {@code from} to {@code to} (null = open) overlaps the year. */
  boolean overlaps(LocalDate from, LocalDate to) {
    return !from.isAfter(end) && (to == null || !to.isBefore(start));
  }

  boolean contains(LocalDate date) {
    return date != null && !date.isBefore(start) && !date.isAfter(end);
  }

  /** The date as the return for this year knows it: null if it had not happened by 31 March. */
  LocalDate known(LocalDate date) {
    return date == null || date.isAfter(end) ? null : date;
  }
}
