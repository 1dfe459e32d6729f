package org.soseval.pipeline.stats.funnel;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.interval.ConfidenceLevels;

/**
 * Over-dispersion of proportions around a funnel-plot target, and limits widened for it
 * (Spiegelhalter 2005, Stat Med 24:1185-1202 §5, and Qual Saf Health Care 14:347-351; methods.md
 * §4.2).
 *
 * <p>For units i = 1..I with proportions {@code y_i = x_i/n_i}: {@code s_i = sqrt(θ0(1 − θ0)/n_i)},
 * {@code z_i = (y_i − θ0)/s_i}; the z-scores are winsorised at their 10th and 90th percentiles (R
 * {@code quantile} type 7: values beyond are set to those percentiles); {@code φ̂ = Σ z_w² / I};
 * {@code I φ̂} is referred to χ² with I degrees of freedom; {@code τ̂² = max(0, (I φ̂ − (I − 1)) /
 * (Σ w_i − Σ w_i² / Σ w_i))} with {@code w_i = 1/s_i²}.
 *
 * <p>Adjusted limits at precision n: multiplicative {@code θ0 ± z sqrt(φ̂) s(n)}; additive (random
 * effects) {@code θ0 ± z sqrt(s(n)² + τ̂²)}; neither is clipped to [0, 1], and φ̂ is used as
 * estimated (also when below 1: whether to adjust is the caller's decision, e.g. on {@link
 * #pValue}).
 *
 * <p>One unit: winsorising leaves z unchanged, φ̂ = z², and τ̂² is NaN (0/0).
 *
 * @param target θ0
 * @param units I
 * @param phi φ̂ from winsorised z-scores
 * @param chiSquare I φ̂
 * @param pValue upper-tail χ²_I probability of {@code chiSquare}
 * @param tau2 τ̂²
 */
public record Overdispersion(
    double target, int units, double phi, double chiSquare, double pValue, double tau2) {

  /**
   * Over-dispersion of proportions around the pooled target {@code Σx / Σn}.
   *
   * @throws IllegalArgumentException for empty or unequal arrays, counts outside [0, n], NaN, or a
   *     pooled target of 0 or 1 (no binomial variation)
   */
  public static Overdispersion ofProportions(double[] numerators, double[] denominators) {
    checkLengths(numerators, denominators);
    double x = 0;
    double n = 0;
    for (int i = 0; i < numerators.length; i++) {
      Arguments.finite("denominator", Arguments.positive("denominator", denominators[i]));
      Arguments.countWithin("numerator", numerators[i], "denominator", denominators[i]);
      x += numerators[i];
      n += denominators[i];
    }
    return ofProportions(numerators, denominators, x / n);
  }

  /**
   * Over-dispersion of proportions around an external target θ0 in (0, 1).
   *
   * @throws IllegalArgumentException as {@link #ofProportions(double[], double[])}, or a target
   *     outside (0, 1)
   */
  public static Overdispersion ofProportions(
      double[] numerators, double[] denominators, double target) {
    checkLengths(numerators, denominators);
    Arguments.openUnitInterval("target", target);
    int units = numerators.length;
    double[] z = new double[units];
    double sumW = 0;
    double sumW2 = 0;
    for (int i = 0; i < units; i++) {
      double n =
          Arguments.finite("denominator", Arguments.positive("denominator", denominators[i]));
      Arguments.countWithin("numerator", numerators[i], "denominator", n);
      double variance = target * (1 - target) / n;
      z[i] = (numerators[i] / n - target) / Math.sqrt(variance);
      sumW += 1 / variance;
      sumW2 += 1 / (variance * variance);
    }
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    double low = quantileType7(sorted, 0.1);
    double high = quantileType7(sorted, 0.9);
    double sumZ2 = 0;
    for (double value : z) {
      double winsorised = Math.min(high, Math.max(low, value));
      sumZ2 += winsorised * winsorised;
    }
    double phi = sumZ2 / units;
    double chiSquare = units * phi;
    double pValue = ChiSquaredDistribution.of(units).survivalProbability(chiSquare);
    double tau2 = Math.max(0, (chiSquare - (units - 1)) / (sumW - sumW2 / sumW));
    if (units == 1) {
      tau2 = Double.NaN;
    }
    return new Overdispersion(target, units, phi, chiSquare, pValue, tau2);
  }

  /** Multiplicative limits {@code θ0 ± z sqrt(φ̂) s(n)} at a two-sided level. */
  public Interval multiplicativeLimits(double n, double level) {
    double half = ConfidenceLevels.z(level) * Math.sqrt(phi) * standardError(n);
    return Interval.of(target - half, target + half, level);
  }

  /** Additive (random-effects) limits {@code θ0 ± z sqrt(s(n)² + τ̂²)} at a two-sided level. */
  public Interval additiveLimits(double n, double level) {
    double s = standardError(n);
    double half = ConfidenceLevels.z(level) * Math.sqrt(s * s + tau2);
    return Interval.of(target - half, target + half, level);
  }

  private double standardError(double n) {
    Arguments.finite("n", Arguments.positive("n", n));
    return Math.sqrt(target * (1 - target) / n);
  }

  /** R quantile type 7 of sorted values: h = (I − 1)p, linear between neighbours. */
  static double quantileType7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int below = (int) Math.floor(h);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
  }

  private static void checkLengths(double[] numerators, double[] denominators) {
    Arguments.atLeast("units", numerators.length, 1);
    if (denominators.length != numerators.length) {
      throw new IllegalArgumentException(
          "denominators must have one value per unit ("
              + numerators.length
              + "): "
              + denominators.length);
    }
  }
}
