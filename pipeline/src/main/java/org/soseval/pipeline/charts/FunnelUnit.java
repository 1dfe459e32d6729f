package org.soseval.pipeline.charts;

import java.util.Objects;
import org.soseval.pipeline.stats.funnel.FunnelSignificance;

/**
 * One LA on a funnel plot.
 *
 * @param name the LA's name (labels the highlighted LA; unique within a plot)
 * @param precision its x position, on the scale of the limits' precision fields ({@link
 *     org.soseval.pipeline.stats.funnel.FunnelPoint}): the denominator for proportions, expected
 *     events for ratios, population per year for rates; finite and {@code > 0}
 * @param value its indicator value, on the limits' scale (e.g. percent); finite
 * @param significance its funnel significance (PheFunnels), which sets its colour
 */
public record FunnelUnit(
    String name, double precision, double value, FunnelSignificance significance) {
  static final String CHART = "funnel plot";

  public FunnelUnit {
    Checks.text(CHART, "LA name", name);
    Checks.positive(CHART, "precision of '" + name + "'", precision);
    Checks.finite(CHART, "value of '" + name + "'", value);
    Objects.requireNonNull(significance, "significance is null");
  }

  public static FunnelUnit of(
      String name, double precision, double value, FunnelSignificance significance) {
    return new FunnelUnit(name, precision, value, significance);
  }
}
