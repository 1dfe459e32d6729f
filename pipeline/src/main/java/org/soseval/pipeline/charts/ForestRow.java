package org.soseval.pipeline.charts;

import java.util.Objects;
import java.util.Optional;

/**
 * One study (LA) row of a forest plot, on the display scale (ratios as ratios, not logs).
 *
 * @param label row label, e.g. the LA name
 * @param detail optional detail shown after the label, e.g. events/n per arm {@code "30/200 v
 *     40/210"}
 * @param estimate the effect estimate; finite (and {@code > 0} on a ratio scale)
 * @param lower lower confidence limit, {@code <= upper}
 * @param upper upper confidence limit
 * @param weightPercent the row's weight in the pooled estimate, in percent, {@code >= 0}
 */
public record ForestRow(
    String label,
    Optional<String> detail,
    double estimate,
    double lower,
    double upper,
    double weightPercent) {
  static final String CHART = "forest plot";

  public ForestRow {
    Checks.text(CHART, "row label", label);
    Objects.requireNonNull(detail, "detail is null");
    Checks.finite(CHART, "estimate of row '" + label + "'", estimate);
    Checks.bounds(CHART, "interval of row '" + label + "'", lower, upper);
    if (!(weightPercent >= 0 && weightPercent <= 100)) {
      throw Checks.invalid(
          CHART, "weight of row '%s' must be a percentage in [0, 100]: %s", label, weightPercent);
    }
  }

  /** A row without detail. */
  public static ForestRow of(
      String label, double estimate, double lower, double upper, double weightPercent) {
    return new ForestRow(label, Optional.empty(), estimate, lower, upper, weightPercent);
  }
}
