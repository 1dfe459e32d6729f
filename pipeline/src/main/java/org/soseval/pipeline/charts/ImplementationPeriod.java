package org.soseval.pipeline.charts;

/**
 * When the pilots went live: a go-live line is drawn at the start of {@code firstYear} and the
 * years {@code firstYear..lastYear} (the implementation period, usually one year) are shaded.
 *
 * @param firstYear the year in which the pilots went live, e.g. 2014 for 2014-15
 * @param lastYear the last year of implementation, {@code >= firstYear}
 */
public record ImplementationPeriod(int firstYear, int lastYear) {
  public ImplementationPeriod {
    if (lastYear < firstYear) {
      throw new IllegalArgumentException(
          "Cannot draw implementation period: lastYear must be >= firstYear: "
              + lastYear
              + " < "
              + firstYear);
    }
  }

  /** A one-year implementation period. */
  public static ImplementationPeriod of(int year) {
    return new ImplementationPeriod(year, year);
  }
}
