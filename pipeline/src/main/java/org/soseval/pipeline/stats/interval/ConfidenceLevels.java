package org.soseval.pipeline.stats.interval;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.soseval.pipeline.stats.Arguments;

/**
 * Confidence levels used across the interval, funnel and comparison code, and the two-sided normal
 * quantile {@code z = Φ⁻¹((1 + level) / 2)} they map to (PHEindicatormethods 2.1.0 writes this as
 * {@code qnorm(confidence + (1 - confidence) / 2)}).
 */
public final class ConfidenceLevels {
  /** 95%, the "2σ" (p = 0.025 / 0.975) level. */
  public static final double LEVEL_95 = 0.95;

  /** 99.8%, the "3σ" (p = 0.001 / 0.999) level. */
  public static final double LEVEL_99_8 = 0.998;

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private ConfidenceLevels() {}

  /**
   * The two-sided standard normal quantile {@code Φ⁻¹((1 + level) / 2)}: 1.959963984540054 at 95%,
   * 3.090232306167813 at 99.8%.
   *
   * @throws IllegalArgumentException if {@code level} is not in (0, 1)
   */
  public static double z(double level) {
    Arguments.openUnitInterval("level", level);
    return STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
  }

  /** The standard normal quantile {@code Φ⁻¹(p)} for a one-sided probability {@code p}. */
  static double normalQuantile(double p) {
    return STANDARD_NORMAL.inverseCumulativeProbability(p);
  }

  /**
   * Checks a list of levels: at least one, each in (0, 1), no repeats. Returns a copy.
   *
   * @throws IllegalArgumentException naming the offending level
   */
  public static double[] check(double... levels) {
    Arguments.atLeast("levels", levels.length, 1);
    double[] copy = levels.clone();
    for (int i = 0; i < copy.length; i++) {
      Arguments.openUnitInterval("level", copy[i]);
      for (int j = 0; j < i; j++) {
        if (copy[j] == copy[i]) {
          throw new IllegalArgumentException(
              String.format(Locale.ROOT, "levels must be distinct: %s", Arrays.toString(copy)));
        }
      }
    }
    return copy;
  }
}
