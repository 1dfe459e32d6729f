package org.soseval.pipeline.instruments;

import org.apache.commons.statistics.distribution.TDistribution;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.interval.ProportionIntervals;

/**
 * Intervals for the instrument tables: a difference of two independent proportions (Newcombe's
 * hybrid score interval from two Wilson intervals), a mean (Student t) and a difference of two
 * means (Welch).
 */
final class SmallSampleIntervals {
  private SmallSampleIntervals() {}

  /**
   * Newcombe (1998, Stat Med 17:873-890, method 10) interval for {@code x2/n2 - x1/n1}:
   *
   * <pre>
   *   lower = d - sqrt((p2 - l2)^2 + (u1 - p1)^2),  upper = d + sqrt((u2 - p2)^2 + (p1 - l1)^2)
   * </pre>
   *
   * with (l, u) the Wilson limits of each proportion. Equals statsmodels {@code
   * confint_proportions_2indep(x2, n2, x1, n1, method="newcomb", compare="diff")}.
   */
  static Interval newcombe(long x1, long n1, long x2, long n2, double level) {
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    Interval w1 = ProportionIntervals.wilson(x1, n1, level);
    Interval w2 = ProportionIntervals.wilson(x2, n2, level);
    double d = p2 - p1;
    double lower = d - Math.sqrt(square(p2 - w2.lower()) + square(w1.upper() - p1));
    double upper = d + Math.sqrt(square(w2.upper() - p2) + square(p1 - w1.lower()));
    return Interval.of(lower, upper, level);
  }

  /** Student t interval for the mean of {@code values}; NaN limits for fewer than 2 values. */
  static Interval mean(double[] values, double level) {
    int n = values.length;
    double mean = mean(values);
    if (n < 2) {
      return Interval.of(Double.NaN, Double.NaN, level);
    }
    double half =
        TDistribution.of(n - 1).inverseSurvivalProbability((1 - level) / 2)
            * Math.sqrt(variance(values, mean) / n);
    return Interval.of(mean - half, mean + half, level);
  }

  /** Welch interval for {@code mean(second) - mean(first)} (R {@code t.test(second, first)}). */
  static Interval welch(double[] first, double[] second, double level) {
    if (first.length < 2 || second.length < 2) {
      return Interval.of(Double.NaN, Double.NaN, level);
    }
    double m1 = mean(first);
    double m2 = mean(second);
    double a = variance(first, m1) / first.length;
    double b = variance(second, m2) / second.length;
    double se = Math.sqrt(a + b);
    double df = square(a + b) / (a * a / (first.length - 1) + b * b / (second.length - 1));
    double d = m2 - m1;
    if (!(se > 0)) {
      return Interval.of(d, d, level);
    }
    double half = TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2) * se;
    return Interval.of(d - half, d + half, level);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }

  private static double variance(double[] values, double mean) {
    double sum = 0;
    for (double value : values) {
      sum += square(value - mean);
    }
    return sum / (values.length - 1);
  }

  private static double square(double x) {
    return x * x;
  }
}
