package org.soseval.pipeline.charts;

import java.util.Objects;
import java.util.Optional;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;

/**
 * One year of the LA's own series on a benchmark chart.
 *
 * @param year the year, e.g. 2014 for 2014-15
 * @param value the LA's value; finite
 * @param interval its confidence interval, drawn as an error bar, if any
 * @param comparison its Fingertips comparison with the benchmark (sets the point's colour; {@link
 *     BenchmarkComparison#NOT_COMPARED} when none was made)
 */
public record BenchmarkPoint(
    int year, double value, Optional<Interval> interval, BenchmarkComparison comparison) {
  static final String CHART = "benchmark chart";

  public BenchmarkPoint {
    Checks.finite(CHART, "value in " + year, value);
    Objects.requireNonNull(interval, "interval is null");
    interval.ifPresent(i -> Checks.bounds(CHART, "interval in " + year, i.lower(), i.upper()));
    Objects.requireNonNull(comparison, "comparison is null");
  }

  public static BenchmarkPoint of(int year, double value, BenchmarkComparison comparison) {
    return new BenchmarkPoint(year, value, Optional.empty(), comparison);
  }

  public static BenchmarkPoint of(
      int year, double value, double lower, double upper, BenchmarkComparison comparison) {
    Checks.bounds(CHART, "interval in " + year, lower, upper);
    return new BenchmarkPoint(
        year, value, Optional.of(Interval.of(lower, upper, 0.95)), comparison);
  }
}
