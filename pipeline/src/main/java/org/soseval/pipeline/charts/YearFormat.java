package org.soseval.pipeline.charts;

import java.util.Locale;

/** How a year is labelled on axes, in tables and in alt text. */
public enum YearFormat {
  /** {@code 2014}. */
  CALENDAR,
  /** {@code 2014-15}, the financial (reporting) year starting in April 2014. */
  FINANCIAL,
  /** {@code 2014/15}, the academic year starting in September 2014. */
  ACADEMIC;

  /** The label of the year starting in {@code year}. */
  public String label(int year) {
    return switch (this) {
      case CALENDAR -> Integer.toString(year);
      case FINANCIAL -> String.format(Locale.ROOT, "%d-%02d", year, Math.floorMod(year + 1, 100));
      case ACADEMIC -> String.format(Locale.ROOT, "%d/%02d", year, Math.floorMod(year + 1, 100));
    };
  }

  /** {@code "2012-13 to 2019-20"}, or the one label when the years are equal. */
  public String range(int first, int last) {
    return first == last ? label(first) : label(first) + " to " + label(last);
  }
}
