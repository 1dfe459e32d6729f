package org.soseval.pipeline.stats.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;

/**
 * Confidence intervals for a binomial proportion {@code x / n}.
 *
 * <p>Every method takes any level in (0, 1); the {@code ...95And998} calls return the 95% and 99.8%
 * intervals together, as Fingertips publishes them.
 */
public final class ProportionIntervals {
  /** Method name reported for Wilson score intervals. */
  public static final String WILSON = "wilson";

  /** Method name reported for Clopper-Pearson exact intervals. */
  public static final String CLOPPER_PEARSON = "clopper-pearson";

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
   * cases: {@code x = 0} gives lower 0; {@code x = n} gives upper 1; {@code n = 1} is allowed. A
   * non-integer {@code x} is accepted, as the package does.
   *
   * @throws IllegalArgumentException if {@code n <= 0}, {@code x < 0}, {@code x > n}, either is
   *     NaN, or the level is not in (0, 1)
   */
  public static Interval wilson(double x, double n, double level) {
    checkCounts(x, n);
    double z = ConfidenceLevels.z(level);
    double z2 = z * z;
    double root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
    double denominator = 2 * (n + z2);
    double lower = x == 0 ? 0 : (2 * x + z2 - root) / denominator;
    double upper = x == n ? 1 : (2 * x + z2 + root) / denominator;
    return Interval.of(lower, upper, level);
  }

  /**
   * Clopper-Pearson "exact" interval for {@code x} successes in {@code n} trials, on the proportion
   * scale, by inverting two one-sided binomial tests:
   *
   * <pre>
   *   lower = B⁻¹(α/2; x, n - x + 1)      (0 when x = 0)
   *   upper = B⁻¹(1 - α/2; x + 1, n - x)  (1 when x = n)
   * </pre>
   *
   * with {@code B⁻¹} the beta quantile and {@code α = 1 - level} (Clopper &amp; Pearson 1934,
   * Biometrika 26:404-413; equals R {@code binom.test(x, n)$conf.int}). {@code n = 1} is allowed;
   * non-integer counts are accepted (the beta form is continuous in them).
   *
   * @throws IllegalArgumentException if {@code n <= 0}, {@code x < 0}, {@code x > n}, either is
   *     NaN, or the level is not in (0, 1)
   */
  public static Interval clopperPearson(double x, double n, double level) {
    checkCounts(x, n);
    double alpha = 1 - Arguments.openUnitInterval("level", level);
    double lower =
        x == 0 ? 0 : BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability(alpha / 2);
    double upper =
        x == n ? 1 : BetaDistribution.of(x + 1, n - x).inverseCumulativeProbability(1 - alpha / 2);
    return Interval.of(lower, upper, level);
  }

  /**
   * The proportion {@code x / n × multiplier} with Wilson intervals at each level (see {@link
   * #wilson(double, double, double)}); limits are multiplied too, as in PHEindicatormethods 2.1.0
   * {@code phe_proportion}. The estimate's {@code n} is the number of trials.
   *
   * @throws IllegalArgumentException for invalid counts, a multiplier that is not positive and
   *     finite, or levels that are missing, repeated or outside (0, 1)
   */
  public static Estimate wilsonEstimate(double x, double n, double multiplier, double... levels) {
    return estimate(x, n, multiplier, WILSON, level -> wilson(x, n, level), levels);
  }

  /** {@link #wilsonEstimate} at 95% and 99.8%, in that order. */
  public static Estimate wilson95And998(double x, double n, double multiplier) {
    return wilsonEstimate(x, n, multiplier, ConfidenceLevels.LEVEL_95, ConfidenceLevels.LEVEL_99_8);
  }

  /**
   * The proportion {@code x / n × multiplier} with Clopper-Pearson intervals at each level (see
   * {@link #clopperPearson}). The estimate's {@code n} is the number of trials.
   *
   * @throws IllegalArgumentException as {@link #wilsonEstimate}
   */
  public static Estimate clopperPearsonEstimate(
      double x, double n, double multiplier, double... levels) {
    return estimate(
        x, n, multiplier, CLOPPER_PEARSON, level -> clopperPearson(x, n, level), levels);
  }

  /** {@link #clopperPearsonEstimate} at 95% and 99.8%, in that order. */
  public static Estimate clopperPearson95And998(double x, double n, double multiplier) {
    return clopperPearsonEstimate(
        x, n, multiplier, ConfidenceLevels.LEVEL_95, ConfidenceLevels.LEVEL_99_8);
  }

  private static Estimate estimate(
      double x,
      double n,
      double multiplier,
      String method,
      DoubleFunction<Interval> interval,
      double... levels) {
    checkCounts(x, n);
    checkMultiplier(multiplier);
    double[] checked = ConfidenceLevels.check(levels);
    List<Interval> intervals = new ArrayList<>(checked.length);
    for (double level : checked) {
      intervals.add(scale(interval.apply(level), multiplier));
    }
    return Estimate.of(x / n * multiplier, intervals, n, method);
  }

  private static void checkCounts(double x, double n) {
    Arguments.positive("n", n);
    Arguments.finite("n", n);
    Arguments.countWithin("x", x, "n", n);
  }

  static double checkMultiplier(double multiplier) {
    Arguments.positive("multiplier", multiplier);
    return Arguments.finite("multiplier", multiplier);
  }

  static Interval scale(Interval interval, double factor) {
    return Interval.of(interval.lower() * factor, interval.upper() * factor, interval.level());
  }
}
