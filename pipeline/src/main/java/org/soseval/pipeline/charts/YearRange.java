package org.soseval.pipeline.charts;

/**
 * A range of values in one year, e.g. the lowest and highest statistical neighbour.
 *
 * @param year the year
 * @param low the lowest value; finite, {@code <= high}
 * @param high the highest value; finite
 */
public record YearRange(int year, double low, double high) {
  public YearRange {
    Checks.bounds(BenchmarkPoint.CHART, "range in " + year, low, high);
  }

  public static YearRange of(int year, double low, double high) {
    return new YearRange(year, low, high);
  }
}
