package org.soseval.pipeline.charts;

import java.util.Objects;
import java.util.Optional;
import org.soseval.pipeline.stats.Interval;

/**
 * A pooled estimate of a forest plot, drawn as a diamond whose width is its confidence interval,
 * with an optional prediction-interval bar on its own row below. Display scale.
 *
 * @param label e.g. {@code "Random effects (DerSimonian-Laird)"}
 * @param estimate the pooled estimate; finite
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param prediction the prediction interval (random-effects models), if drawn
 */
public record ForestSummary(
    String label, double estimate, double lower, double upper, Optional<Interval> prediction) {
  public ForestSummary {
    Checks.text(ForestRow.CHART, "pooled label", label);
    Checks.finite(ForestRow.CHART, "pooled estimate '" + label + "'", estimate);
    Checks.bounds(ForestRow.CHART, "interval of pooled '" + label + "'", lower, upper);
    Objects.requireNonNull(prediction, "prediction is null");
    prediction.ifPresent(
        p ->
            Checks.bounds(
                ForestRow.CHART, "prediction interval of '" + label + "'", p.lower(), p.upper()));
  }

  public static ForestSummary of(String label, double estimate, double lower, double upper) {
    return new ForestSummary(label, estimate, lower, upper, Optional.empty());
  }
}
