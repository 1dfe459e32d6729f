package org.soseval.pipeline.stats.funnel;

import java.util.function.IntToDoubleFunction;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;

/**
 * Funnel-plot control limits by Spiegelhalter (2005), "Funnel plots for comparing institutional
 * performance", Stat Med 24:1185-1202, doi:10.1002/sim.1970, appendix: exact discrete limits made
 * continuous by interpolation, and the normal approximation.
 *
 * <p>For a discrete distribution with CDF F and a probability p: {@code r_p} is the smallest r with
 * {@code F(r) >= p}, {@code α = (F(r_p) − p) / (F(r_p) − F(r_p − 1))} (with {@code F(−1) = 0}), and
 * the limit on the count scale is {@code r_p − α}. Binomial: {@code F = Binomial(n, θ0)}, limit
 * {@code (r_p − α)/n}. Poisson: {@code F = Poisson(E)}, ratio limit {@code (r_p − α)/E}.
 *
 * <p>Edge cases: for very small n or E the interpolated lower limit can fall below 0 (e.g. r_p =
 * 0); it is clipped to 0 (binomial limits also to at most 1); θ0 = 0 gives 0 for every limit. n = 1
 * is allowed.
 */
public final class SpiegelhalterLimits {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private SpiegelhalterLimits() {}

  /**
   * The exact binomial limit with interpolation at probability {@code p} for a target proportion
   * and {@code n} trials, on the proportion scale (e.g. θ0 = 0.22, n = 150, p = 0.025 →
   * 0.1521356854).
   *
   * @throws IllegalArgumentException if {@code target} is not in [0, 1], {@code n} is not a
   *     positive whole number, or {@code p} is not in (0, 1)
   */
  public static double binomial(double target, int n, double p) {
    checkTarget(target);
    Arguments.positive("n", n);
    Arguments.openUnitInterval("p", p);
    BinomialDistribution distribution = BinomialDistribution.of(n, target);
    double count = interpolated(distribution::cumulativeProbability, p, n);
    return Math.min(1, Math.max(0, count / n));
  }

  /**
   * Both exact binomial limits for a two-sided level: probabilities {@code (1 − level)/2} and
   * {@code (1 + level)/2}.
   */
  public static Interval binomialInterval(double target, int n, double level) {
    Arguments.openUnitInterval("level", level);
    return Interval.of(
        binomial(target, n, (1 - level) / 2), binomial(target, n, (1 + level) / 2), level);
  }

  /**
   * The exact Poisson limit with interpolation at probability {@code p} for an expected count
   * {@code E}, on the ratio (O/E) scale (e.g. E = 25, p = 0.025 → 0.6070062613, count 15.1751565).
   *
   * @throws IllegalArgumentException if {@code expected} is not positive and finite, or {@code p}
   *     is not in (0, 1)
   */
  public static double poissonRatio(double expected, double p) {
    Arguments.finite("expected", Arguments.positive("expected", expected));
    Arguments.openUnitInterval("p", p);
    PoissonDistribution distribution = PoissonDistribution.of(expected);
    double count = interpolated(distribution::cumulativeProbability, p, Integer.MAX_VALUE);
    return Math.max(0, count) / expected;
  }

  /** Both exact Poisson ratio limits for a two-sided level. */
  public static Interval poissonRatioInterval(double expected, double level) {
    Arguments.openUnitInterval("level", level);
    return Interval.of(
        poissonRatio(expected, (1 - level) / 2), poissonRatio(expected, (1 + level) / 2), level);
  }

  /**
   * The normal-approximation proportion limit {@code θ0 + z_p sqrt(θ0(1 − θ0)/n)}, {@code z_p =
   * Φ⁻¹(p)}, unclipped (θ0 = 0.22, n = 150, p = 0.025 → 0.1537080028).
   *
   * @throws IllegalArgumentException if {@code target} is not in [0, 1], {@code n} is not positive
   *     and finite, or {@code p} is not in (0, 1)
   */
  public static double normalProportion(double target, double n, double p) {
    checkTarget(target);
    Arguments.finite("n", Arguments.positive("n", n));
    Arguments.openUnitInterval("p", p);
    return PheFunnels.normalLimit(target, n, STANDARD_NORMAL.inverseCumulativeProbability(p));
  }

  /** r_p − α for the CDF, searching r in [0, maximum]. */
  private static double interpolated(IntToDoubleFunction cdf, double p, int maximum) {
    int r = 0;
    // double the step until F(r) >= p, then bisect for the smallest such r
    int high = 1;
    while (high < maximum && cdf.applyAsDouble(high) < p) {
      high = (int) Math.min((long) high * 2, maximum);
    }
    int low = 0;
    if (cdf.applyAsDouble(0) < p) {
      while (high - low > 1) {
        int middle = low + (high - low) / 2;
        if (cdf.applyAsDouble(middle) >= p) {
          high = middle;
        } else {
          low = middle;
        }
      }
      r = high;
    }
    double at = cdf.applyAsDouble(r);
    double below = r == 0 ? 0 : cdf.applyAsDouble(r - 1);
    double alpha = (at - p) / (at - below);
    return r - alpha;
  }

  private static void checkTarget(double target) {
    Arguments.nonNegative("target", target);
    if (!(target <= 1)) {
      throw Arguments.invalid("target", "<= 1", target);
    }
  }
}
