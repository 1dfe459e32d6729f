package org.soseval.pipeline.stats.effect;

import java.util.List;
import java.util.Objects;
import org.soseval.pipeline.stats.Interval;

/**
 * Hedges' g for two independent groups ({@code hedges_g}).
 *
 * @param g the bias-corrected standardised mean difference {@code J d}
 * @param d Cohen's d with the pooled SD, {@code (m1 - m2) / s_p}
 * @param correctionFactor J
 * @param pooledSd {@code s_p}
 * @param variance {@code (n1 + n2)/(n1 n2) + g^2 / (2 (n1 + n2))}
 * @param standardError {@code sqrt(variance)}
 * @param intervals normal-theory intervals {@code g -/+ z sqrt(variance)}, in the order asked for
 * @param tStatistic the pooled two-sample t statistic {@code d / sqrt(1/n1 + 1/n2)}
 * @param tPValue its two-sided p-value on {@code n1 + n2 - 2} df (R {@code t.test(var.equal =
 *     TRUE)})
 * @param n1 size of group 1
 * @param n2 size of group 2
 * @param correction which J was used
 */
public record StandardisedMeanDifference(
    double g,
    double d,
    double correctionFactor,
    double pooledSd,
    double variance,
    double standardError,
    List<Interval> intervals,
    double tStatistic,
    double tPValue,
    int n1,
    int n2,
    BiasCorrection correction) {
  public static final String METHOD = "hedges_g";

  public StandardisedMeanDifference {
    intervals = List.copyOf(intervals);
    Objects.requireNonNull(correction, "correction is null");
  }

  /** The interval at {@code level}. */
  public Interval interval(double level) {
    for (Interval interval : intervals) {
      if (interval.level() == level) {
        return interval;
      }
    }
    throw new IllegalArgumentException("no interval at level " + level + " for " + METHOD);
  }

  /** {@value #METHOD}. */
  public String method() {
    return METHOD;
  }
}
