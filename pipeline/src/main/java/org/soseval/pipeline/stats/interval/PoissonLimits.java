package org.soseval.pipeline.stats.interval;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;

/**
 * Confidence limits for an observed Poisson count {@code x}, on the count scale. The one place
 * where Byars and exact chi-square limits are computed: crude rates, directly standardised rates
 * (Dobson) and Poisson funnel plots all call these.
 *
 * <p>Counts need not be integers (PHEindicatormethods accepts any {@code x >= 0}).
 */
public final class PoissonLimits {
  /** Method name reported for Byars limits. */
  public static final String BYARS = "byars";

  /** Method name reported for exact (chi-square) limits. */
  public static final String EXACT = "exact";

  /** PHEindicatormethods uses exact limits below this count and Byars from it up. */
  public static final double BYARS_MINIMUM_COUNT = 10;

  private PoissonLimits() {}

  /**
   * Byars' approximation (Breslow &amp; Day 1987, vol. II; PHEindicatormethods 2.1.0 {@code
   * byars_lower/byars_upper}), with {@code z = Φ⁻¹((1 + level) / 2)}:
   *
   * <pre>
   *   lower = x (1 - 1/(9x) - z/(3 sqrt(x)))^3
   *   upper = (x + 1) (1 - 1/(9(x + 1)) + z/(3 sqrt(x + 1)))^3
   * </pre>
   *
   * A negative lower limit is returned as NaN (the package returns NA), as is the lower limit at
   * {@code x = 0} (0 × −∞). Inaccurate for small {@code x}: use {@link #exact} below 10.
   *
   * @throws IllegalArgumentException if {@code x} is negative, NaN or infinite, or the level is not
   *     in (0, 1)
   */
  public static Interval byars(double x, double level) {
    checkCount(x);
    double z = ConfidenceLevels.z(level);
    return Interval.of(byarsLower(x, z), byarsUpper(x, z), level);
  }

  /**
   * Exact limits from the chi-square (Poisson-gamma) relation, {@code α = 1 - level}:
   *
   * <pre>
   *   lower = χ²⁻¹(α/2; 2x) / 2          (0 when x = 0)
   *   upper = χ²⁻¹(1 - α/2; 2x + 2) / 2
   * </pre>
   *
   * (Garwood 1936; PHEindicatormethods 2.1.0 {@code phe_rate} for {@code x < 10}; R {@code
   * poisson.test(x)$conf.int} gives the same).
   *
   * @throws IllegalArgumentException if {@code x} is negative, NaN or infinite, or the level is not
   *     in (0, 1)
   */
  public static Interval exact(double x, double level) {
    checkCount(x);
    double alpha = 1 - Arguments.openUnitInterval("level", level);
    return Interval.of(exactLower(x, alpha / 2), exactUpper(x, 1 - alpha / 2), level);
  }

  /**
   * The limits PHEindicatormethods 2.1.0 attaches to a count: {@link #exact} when {@code x < 10},
   * {@link #byars} otherwise; {@link #methodFor} names the one used.
   */
  public static Interval phe(double x, double level) {
    return x < BYARS_MINIMUM_COUNT ? exact(x, level) : byars(x, level);
  }

  /** {@link #EXACT} when {@code x < 10}, else {@link #BYARS}. */
  public static String methodFor(double x) {
    checkCount(x);
    return x < BYARS_MINIMUM_COUNT ? EXACT : BYARS;
  }

  /** The mean μ at which {@code P(X >= x | μ) = p}; i.e. {@code χ²⁻¹(p; 2x) / 2}, 0 for x = 0. */
  static double exactLower(double x, double p) {
    return x == 0 ? 0 : ChiSquaredDistribution.of(2 * x).inverseCumulativeProbability(p) / 2;
  }

  /** The mean μ at which {@code P(X <= x | μ) = 1 - p}; i.e. {@code χ²⁻¹(p; 2x + 2) / 2}. */
  static double exactUpper(double x, double p) {
    return ChiSquaredDistribution.of(2 * x + 2).inverseCumulativeProbability(p) / 2;
  }

  /** Byars lower limit for a given z; NaN where negative or undefined. */
  static double byarsLower(double x, double z) {
    double lower = x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
    return lower >= 0 ? lower : Double.NaN;
  }

  static double byarsUpper(double x, double z) {
    double y = x + 1;
    return y * Math.pow(1 - 1 / (9 * y) + z / (3 * Math.sqrt(y)), 3);
  }

  private static void checkCount(double x) {
    Arguments.nonNegative("x", x);
    Arguments.finite("x", x);
  }
}
