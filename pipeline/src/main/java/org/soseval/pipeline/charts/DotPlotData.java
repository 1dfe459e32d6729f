package org.soseval.pipeline.charts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Input for {@link DotPlotChart}: published estimates by row and series on a bounded scale, such as
 * the percent of audited cases meeting each criterion by round, or mean implementation scores
 * (0-10) by element and wave.
 *
 * @param title chart title
 * @param rowKind what the rows are, plural, for the alt text, e.g. {@code "audit criteria"}
 * @param axis the value axis label with its unit, e.g. {@code "Cases meeting the criterion (%)"}
 * @param from the start of the value axis (the scale's minimum, e.g. 0)
 * @param to the end of the value axis (the scale's maximum, e.g. 100 or 10)
 * @param level the confidence level of the intervals; required when any point has one
 * @param points the estimates; rows and series are drawn in the order they first appear, and each
 *     row and series pair appears at most once (a pair with no point is left blank)
 * @param note an optional note under the chart, e.g. the source or the interval method
 */
public record DotPlotData(
    String title,
    String rowKind,
    String axis,
    double from,
    double to,
    OptionalDouble level,
    List<DotPlotPoint> points,
    Optional<String> note) {
  public DotPlotData {
    String chart = DotPlotPoint.CHART;
    Checks.text(chart, "title", title);
    Checks.text(chart, "row kind", rowKind);
    Checks.text(chart, "axis label", axis);
    Checks.finite(chart, "axis start", from);
    Checks.finite(chart, "axis end", to);
    if (!(from < to)) {
      throw Checks.invalid(chart, "axis start must be below its end: %s >= %s", from, to);
    }
    Objects.requireNonNull(level, "level is null");
    Objects.requireNonNull(note, "note is null");
    points = Checks.nonEmpty(chart, "points", points);
    Set<String> pairs = new HashSet<>();
    for (DotPlotPoint point : points) {
      Objects.requireNonNull(point, "point is null");
      if (!pairs.add(point.row() + "\u0000" + point.series())) {
        throw Checks.invalid(
            chart, "row '%s' has two points for series '%s'", point.row(), point.series());
      }
      if (point.shown()) {
        double low = point.hasInterval() ? point.lowerLimit() : point.estimate();
        double high = point.hasInterval() ? point.upperLimit() : point.estimate();
        if (low < from || high > to) {
          throw Checks.invalid(
              chart,
              "row '%s', series '%s' lies outside the axis %s to %s: %s",
              point.row(),
              point.series(),
              DataTable.number(from),
              DataTable.number(to),
              point.value().text());
        }
      }
    }
    boolean intervals = points.stream().anyMatch(DotPlotPoint::hasInterval);
    if (intervals && level.isEmpty()) {
      throw Checks.invalid(chart, "points have intervals, so the level must be given");
    }
    if (level.isPresent() && !(level.getAsDouble() > 0 && level.getAsDouble() < 1)) {
      throw Checks.invalid(chart, "level must be in (0, 1): %s", level.getAsDouble());
    }
  }

  /** The rows in the order they first appear. */
  public List<String> rows() {
    Set<String> rows = new LinkedHashSet<>();
    points.forEach(point -> rows.add(point.row()));
    return new ArrayList<>(rows);
  }

  /** The series in the order they first appear. */
  public List<String> series() {
    Set<String> series = new LinkedHashSet<>();
    points.forEach(point -> series.add(point.series()));
    return new ArrayList<>(series);
  }

  /** The point of a row and series, if there is one. */
  public Optional<DotPlotPoint> point(String row, String series) {
    return points.stream()
        .filter(p -> p.row().equals(row) && p.series().equals(series))
        .findFirst();
  }
}
