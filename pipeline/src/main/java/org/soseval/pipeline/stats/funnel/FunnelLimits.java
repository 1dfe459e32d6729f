package org.soseval.pipeline.stats.funnel;

import java.util.List;
import java.util.Objects;

/**
 * Control limits for a funnel plot, as PHEindicatormethods 2.1.0 {@code calculate_funnel_limits}
 * returns them: 100 points along the x-axis.
 *
 * @param statistic the package's label, e.g. {@code "proportion"}, {@code "ratio (isr)"}, {@code
 *     "rate (dsr per 100,000)"}
 * @param method {@code "Wilson"} for proportions, {@code "Poisson"} for ratios and rates
 * @param baseline the target line: Σ numerators / Σ denominators × multiplier for proportions and
 *     rates; 0 for ratio type count, 100 for ratio type isr
 * @param points the 100 points, in increasing axis order
 */
public record FunnelLimits(
    String statistic, String method, double baseline, List<FunnelPoint> points) {
  public FunnelLimits {
    Objects.requireNonNull(statistic, "statistic is null");
    Objects.requireNonNull(method, "method is null");
    points = List.copyOf(points);
  }
}
