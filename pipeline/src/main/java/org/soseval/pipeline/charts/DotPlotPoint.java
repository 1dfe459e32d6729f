package org.soseval.pipeline.charts;

import java.util.Objects;
import java.util.Optional;
import org.soseval.pipeline.stats.disclosure.PublishedValue;

/**
 * One published estimate of a {@link DotPlotChart}: its row, its series, and the value and interval
 * limits exactly as disclosure control published them (a number, or a symbol such as {@code c}).
 *
 * @param row the row (category) label, e.g. an audit criterion
 * @param series the series label, e.g. {@code "Pilots, round 2"}
 * @param value the published estimate
 * @param lower the published lower limit, when the estimate has an interval
 * @param upper the published upper limit, present exactly when {@code lower} is
 */
public record DotPlotPoint(
    String row,
    String series,
    PublishedValue value,
    Optional<PublishedValue> lower,
    Optional<PublishedValue> upper) {
  static final String CHART = "dot plot";

  public DotPlotPoint {
    Checks.text(CHART, "row label", row);
    Checks.text(CHART, "series label", series);
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(lower, "lower is null");
    Objects.requireNonNull(upper, "upper is null");
    String where = "row '" + row + "', series '" + series + "'";
    if (lower.isPresent() != upper.isPresent()) {
      throw Checks.invalid(CHART, "%s needs both interval limits or neither", where);
    }
    if (value.number().isEmpty()) {
      if (lower.isPresent()
          && (lower.get().number().isPresent() || upper.get().number().isPresent())) {
        throw Checks.invalid(
            CHART,
            "%s publishes an interval limit without its estimate (%s): the limits must be"
                + " suppressed too",
            where,
            value.text());
      }
    } else if (lower.isPresent()) {
      if (lower.get().number().isEmpty() || upper.get().number().isEmpty()) {
        throw Checks.invalid(
            CHART,
            "%s has an estimate but a suppressed interval limit: publish both or neither",
            where);
      }
      double low = lower.get().number().get().doubleValue();
      double high = upper.get().number().get().doubleValue();
      double estimate = value.number().get().doubleValue();
      if (!(low <= estimate && estimate <= high)) {
        throw Checks.invalid(
            CHART,
            "%s interval must contain the estimate: %s not in [%s, %s]",
            where,
            value.text(),
            lower.get().text(),
            upper.get().text());
      }
    }
  }

  /** A point without an interval. */
  public static DotPlotPoint of(String row, String series, PublishedValue value) {
    return new DotPlotPoint(row, series, value, Optional.empty(), Optional.empty());
  }

  /** A point with an interval. */
  public static DotPlotPoint of(
      String row, String series, PublishedValue value, PublishedValue lower, PublishedValue upper) {
    return new DotPlotPoint(row, series, value, Optional.of(lower), Optional.of(upper));
  }

  /** True when the estimate is a number (not suppressed or otherwise missing). */
  public boolean shown() {
    return value.number().isPresent();
  }

  /** The estimate; only for a {@link #shown()} point. */
  double estimate() {
    return value.number().orElseThrow().doubleValue();
  }

  /** True when a shown point has interval limits. */
  boolean hasInterval() {
    return shown() && lower.isPresent();
  }

  double lowerLimit() {
    return lower.orElseThrow().number().orElseThrow().doubleValue();
  }

  double upperLimit() {
    return upper.orElseThrow().number().orElseThrow().doubleValue();
  }
}
