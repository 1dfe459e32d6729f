package org.soseval.pipeline.stats.effect;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;

/**
 * Hedges' g, the bias-corrected standardised mean difference of two independent groups, from
 * summary statistics (methods.md 5.3; Borenstein et al. 2009, <i>Introduction to Meta-Analysis</i>,
 * ch. 4):
 *
 * <pre>
 *   s_p = sqrt(((n1-1) s1^2 + (n2-1) s2^2) / (n1+n2-2)),  d = (m1 - m2) / s_p
 *   g = J d,  Var(g) = (n1+n2)/(n1 n2) + g^2 / (2 (n1+n2)),  CI = g -/+ z_{(1+level)/2} sqrt(Var)
 * </pre>
 *
 * With {@link BiasCorrection#EXACT} the estimate and variance equal metafor 3.8-1 {@code
 * escalc("SMD", ...)} (its default {@code vtype = "LS"}).
 */
public final class HedgesG {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private HedgesG() {}

  /**
   * Hedges' g of group 1 minus group 2.
   *
   * @param sd1 sample SD of group 1 (divisor {@code n1 - 1})
   * @param levels confidence levels (default 0.95 when none are given)
   * @throws IllegalArgumentException if a mean or SD is not finite, an SD is negative, a group has
   *     fewer than 2 members, or the pooled SD is 0 (both groups constant)
   */
  public static StandardisedMeanDifference of(
      double mean1,
      double sd1,
      int n1,
      double mean2,
      double sd2,
      int n2,
      BiasCorrection correction,
      double... levels) {
    double[] checked = Arguments.levels(levels);
    Arguments.finite("mean1", mean1);
    Arguments.finite("mean2", mean2);
    Arguments.finite("sd1", sd1);
    Arguments.finite("sd2", sd2);
    Arguments.nonNegative("sd1", sd1);
    Arguments.nonNegative("sd2", sd2);
    if (n1 < 2) {
      throw Arguments.invalid("n1", ">= 2", n1);
    }
    if (n2 < 2) {
      throw Arguments.invalid("n2", ">= 2", n2);
    }
    if (correction == null) {
      throw new IllegalArgumentException("correction is null");
    }
    double df = n1 + n2 - 2.0;
    double pooledSd = Math.sqrt(((n1 - 1.0) * sd1 * sd1 + (n2 - 1.0) * sd2 * sd2) / df);
    Arguments.positive("pooled SD", pooledSd);
    double d = (mean1 - mean2) / pooledSd;
    double j = correctionFactor(df, correction);
    double g = j * d;
    double variance = (n1 + (double) n2) / ((double) n1 * n2) + g * g / (2.0 * (n1 + n2));
    double se = Math.sqrt(variance);
    List<Interval> intervals = new ArrayList<>();
    for (double level : checked) {
      double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
      intervals.add(Interval.of(g - z * se, g + z * se, level));
    }
    double t = d / Math.sqrt(1.0 / n1 + 1.0 / n2);
    double p = 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    return new StandardisedMeanDifference(
        g, d, j, pooledSd, variance, se, intervals, t, p, n1, n2, correction);
  }

  /**
   * The correction factor J for {@code df} degrees of freedom ({@code df >= 2}); the exact factor
   * is computed on the log scale, so it is accurate for large df (it tends to 1).
   */
  public static double correctionFactor(double df, BiasCorrection correction) {
    if (!(df >= 2)) {
      throw Arguments.invalid("df", ">= 2", df);
    }
    if (correction == BiasCorrection.APPROXIMATE) {
      return 1 - 3 / (4 * df - 1);
    }
    return Math.exp(Gamma.logGamma(df / 2) - 0.5 * Math.log(df / 2) - Gamma.logGamma((df - 1) / 2));
  }
}
