package org.soseval.pipeline.stats.interval;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;

/** Confidence intervals for a binomial proportion {@code x / n}. */
public final class ProportionIntervals {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private ProportionIntervals() {}

  /**
   * Wilson score interval for {@code x} successes in {@code n} trials, on the proportion scale.
   *
   * <p>With {@code z} the {@code (1 + level) / 2} standard normal quantile:
   *
   * <pre>
   *   limits = (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2))
   * </pre>
   *
   * (Wilson 1927, JASA 22:209-212; as PHEindicatormethods 2.1.0 {@code wilson_lower/upper}). Edge
   * cases: {@code x = 0} gives lower 0; {@code x = n} gives upper 1.
   *
   * @throws IllegalArgumentException if {@code n <= 0}, {@code x < 0}, {@code x > n}, or the level
   *     is not in (0, 1)
   */
  public static Interval wilson(double x, double n, double level) {
    Arguments.positive("n", n);
    Arguments.countWithin("x", x, "n", n);
    Arguments.openUnitInterval("level", level);
    double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
    double z2 = z * z;
    double root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
    double denominator = 2 * (n + z2);
    double lower = x == 0 ? 0 : (2 * x + z2 - root) / denominator;
    double upper = x == n ? 1 : (2 * x + z2 + root) / denominator;
    return Interval.of(lower, upper, level);
  }
}
