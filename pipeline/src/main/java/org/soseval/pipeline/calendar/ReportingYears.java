package org.soseval.pipeline.calendar;

import java.time.LocalDate;

/**
 * Reporting years: year Y runs from 1 April Y-1 to 31 March Y, as DfE's children's social care
 * statistics and EES {@code time_identifier = "Reporting year"} use them.
 */
public final class ReportingYears {
  private ReportingYears() {}

  /** The reporting year containing {@code date}: 2014-10-01 and 2015-03-31 are both in 2015. */
  public static int of(LocalDate date) {
    return date.getMonthValue() >= 4 ? date.getYear() + 1 : date.getYear();
  }

  /** 1 April of the previous calendar year. */
  public static LocalDate start(int year) {
    return LocalDate.of(year - 1, 4, 1);
  }

  /** 31 March of {@code year}. */
  public static LocalDate end(int year) {
    return LocalDate.of(year, 3, 31);
  }
}
