package org.soseval.pipeline.charts;

/**
 * A value for the year that starts in {@code year} (see {@link YearFormat}).
 *
 * @param year the year, e.g. 2014 for 2014-15
 * @param value the value; must be finite (leave a missing year out)
 */
public record YearValue(int year, double value) {
  public static YearValue of(int year, double value) {
    return new YearValue(year, value);
  }
}
