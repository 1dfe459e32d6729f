package org.soseval.pipeline.charts;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Input for {@link BenchmarkChart}: one LA's series against England, its region and its statistical
 * neighbours.
 *
 * @param title chart title
 * @param indicator the indicator and its unit (y-axis label)
 * @param area the LA's name
 * @param years how years are labelled
 * @param points the LA's values, at most one per year (sorted on construction)
 * @param benchmark what the comparisons are made against, e.g. {@code "England"}
 * @param comparators lines for England ({@link SeriesRole#ENGLAND}), the region ({@link
 *     SeriesRole#REGION}), the neighbours' mean ({@link SeriesRole#NEIGHBOURS_MEAN}) or others
 * @param neighbourRange the neighbours' lowest to highest value per year, shaded (may be empty)
 * @param yAxisFromZero whether the value axis must include zero
 */
public record BenchmarkData(
    String title,
    String indicator,
    String area,
    YearFormat years,
    List<BenchmarkPoint> points,
    String benchmark,
    List<OutcomeSeries> comparators,
    List<YearRange> neighbourRange,
    boolean yAxisFromZero) {
  public BenchmarkData {
    String chart = BenchmarkPoint.CHART;
    Checks.text(chart, "title", title);
    Checks.text(chart, "indicator", indicator);
    Checks.text(chart, "area", area);
    Objects.requireNonNull(years, "years is null");
    Checks.text(chart, "benchmark", benchmark);
    Checks.nonEmpty(chart, "points of " + area, points);
    Set<Integer> seen = new HashSet<>();
    for (BenchmarkPoint point : points) {
      if (!seen.add(point.year())) {
        throw Checks.invalid(chart, "%s has two values for %d", area, point.year());
      }
    }
    points = points.stream().sorted((a, b) -> Integer.compare(a.year(), b.year())).toList();
    comparators = List.copyOf(comparators);
    Set<Integer> rangeYears = new HashSet<>();
    for (YearRange range : neighbourRange) {
      if (!rangeYears.add(range.year())) {
        throw Checks.invalid(chart, "neighbour range has two values for %d", range.year());
      }
    }
    neighbourRange =
        neighbourRange.stream().sorted((a, b) -> Integer.compare(a.year(), b.year())).toList();
  }
}
