package org.soseval.pipeline.stats.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;

/**
 * Directly standardised rates (DSR) with Dobson confidence intervals, as PHEindicatormethods 2.1.0
 * {@code calculate_dsr}.
 *
 * <p>For standardisation bands {@code i} with events {@code x_i}, population {@code n_i} and
 * standard population {@code w_i}:
 *
 * <pre>
 *   DSR   = Σ x_i w_i / n_i / Σ w_i × multiplier
 *   var   = Σ x_i (w_i / n_i)² / (Σ w_i)²
 *   O     = Σ x_i
 *   limit = DSR + sqrt(var / O) (O_lim − O) × multiplier
 * </pre>
 *
 * where {@code O_lim} is the Byars lower or upper limit for {@code O} (Dobson, Kuulasmaa, Eberle
 * &amp; Scherer 1991, Stat Med 10:457-462). When {@code O < 10} the package suppresses the result:
 * here the estimate's value and every limit are NaN (method still {@code "dobson"}).
 *
 * <p>Unlike the package, which treats a missing count as 0, a NaN count is rejected: pass 0
 * explicitly.
 */
public final class DirectlyStandardisedRates {
  /** Method name reported for Dobson intervals. */
  public static final String DOBSON = "dobson";

  /** Method name reported for Dobson intervals with the non-independent-events variance. */
  public static final String DOBSON_NON_INDEPENDENT = "dobson-non-independent";

  /** Below this total count the package returns NA. */
  public static final double MINIMUM_TOTAL_COUNT = 10;

  /**
   * The 2013 European Standard Population, 19 bands 0-4, 5-9, …, 85-89, 90+ (Eurostat 2013; the
   * PHEindicatormethods {@code esp2013} vector). Sums to 100,000.
   */
  private static final double[] ESP2013 = {
    5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000,
    2500, 1500, 1000
  };

  private DirectlyStandardisedRates() {}

  /** A copy of the 2013 European Standard Population (19 five-year bands, the last 90+). */
  public static double[] esp2013() {
    return ESP2013.clone();
  }

  /**
   * The DSR with Dobson intervals at each level (independent events).
   *
   * <p>The estimate's {@code n} is the total count {@code O}. A single band is allowed (the DSR is
   * then the crude rate). {@code O < 10} (including all-zero counts) gives NaN value and limits.
   *
   * @param counts events per band, each {@code >= 0} and finite
   * @param populations population per band, each {@code > 0} and finite
   * @param standardPopulation standard population per band, each {@code >= 0}, not all 0
   * @throws IllegalArgumentException if the arrays are empty or differ in length, a value breaks
   *     the rules above, the multiplier is not positive and finite, or a level is outside (0, 1) or
   *     repeated
   */
  public static Estimate dobson(
      double[] counts,
      double[] populations,
      double[] standardPopulation,
      double multiplier,
      double... levels) {
    check(counts, populations, standardPopulation);
    double variance = variance(counts, populations, standardPopulation);
    return result(counts, populations, standardPopulation, variance, multiplier, DOBSON, levels);
  }

  /** {@link #dobson} at 95% and 99.8%, in that order. */
  public static Estimate dobson95And998(
      double[] counts, double[] populations, double[] standardPopulation, double multiplier) {
    return dobson(
        counts,
        populations,
        standardPopulation,
        multiplier,
        ConfidenceLevels.LEVEL_95,
        ConfidenceLevels.LEVEL_99_8);
  }

  /**
   * The DSR for non-independent events (one person may have several): {@code uniquePeople[f][i]}
   * people in band {@code i} had {@code frequencies[f]} events each. Events are {@code x_i = Σ_f
   * frequencies[f] × uniquePeople[f][i]}; the variance is {@code Σ_f frequencies[f]² × var_f},
   * where {@code var_f} is the Dobson variance of the unique-people counts for frequency {@code f}
   * (PHEindicatormethods 2.1.0 {@code calculate_dsr(independent_events = FALSE)}; Fingertips
   * technical guidance, DSR chapter). The DSR itself equals the independent one.
   *
   * @throws IllegalArgumentException as {@link #dobson}, or if a frequency is not positive or the
   *     people arrays do not match the bands
   */
  public static Estimate dobsonNonIndependent(
      double[] frequencies,
      double[][] uniquePeople,
      double[] populations,
      double[] standardPopulation,
      double multiplier,
      double... levels) {
    Arguments.atLeast("frequencies", frequencies.length, 1);
    if (uniquePeople.length != frequencies.length) {
      throw lengthMismatch("uniquePeople", uniquePeople.length, frequencies.length);
    }
    double[] counts = new double[populations.length];
    double variance = 0;
    for (int f = 0; f < frequencies.length; f++) {
      double frequency = Arguments.positive("frequency", frequencies[f]);
      check(uniquePeople[f], populations, standardPopulation);
      for (int i = 0; i < counts.length; i++) {
        counts[i] += frequency * uniquePeople[f][i];
      }
      variance +=
          frequency * frequency * variance(uniquePeople[f], populations, standardPopulation);
    }
    return result(
        counts,
        populations,
        standardPopulation,
        variance,
        multiplier,
        DOBSON_NON_INDEPENDENT,
        levels);
  }

  private static Estimate result(
      double[] counts,
      double[] populations,
      double[] standardPopulation,
      double variance,
      double multiplier,
      String method,
      double... levels) {
    ProportionIntervals.checkMultiplier(multiplier);
    double[] checked = ConfidenceLevels.check(levels);
    double total = 0;
    double weightedRates = 0;
    double standardTotal = 0;
    for (int i = 0; i < counts.length; i++) {
      total += counts[i];
      weightedRates += counts[i] * standardPopulation[i] / populations[i];
      standardTotal += standardPopulation[i];
    }
    List<Interval> intervals = new ArrayList<>(checked.length);
    if (!(total >= MINIMUM_TOTAL_COUNT)) {
      for (double level : checked) {
        intervals.add(Interval.of(Double.NaN, Double.NaN, level));
      }
      return Estimate.of(Double.NaN, intervals, total, method);
    }
    double dsr = weightedRates / standardTotal * multiplier;
    double scale = Math.sqrt(variance / total) * multiplier;
    for (double level : checked) {
      Interval observed = PoissonLimits.byars(total, level);
      intervals.add(
          Interval.of(
              dsr + scale * (observed.lower() - total),
              dsr + scale * (observed.upper() - total),
              level));
    }
    return Estimate.of(dsr, intervals, total, method);
  }

  /** Dobson's var = Σ x_i (w_i / n_i)² / (Σ w_i)². */
  private static double variance(
      double[] counts, double[] populations, double[] standardPopulation) {
    double sum = 0;
    double standardTotal = 0;
    for (int i = 0; i < counts.length; i++) {
      double ratio = standardPopulation[i] / populations[i];
      sum += counts[i] * ratio * ratio;
      standardTotal += standardPopulation[i];
    }
    return sum / (standardTotal * standardTotal);
  }

  private static void check(double[] counts, double[] populations, double[] standardPopulation) {
    Arguments.atLeast("counts", counts.length, 1);
    if (populations.length != counts.length) {
      throw lengthMismatch("populations", populations.length, counts.length);
    }
    if (standardPopulation.length != counts.length) {
      throw lengthMismatch("standardPopulation", standardPopulation.length, counts.length);
    }
    double standardTotal = 0;
    for (int i = 0; i < counts.length; i++) {
      Arguments.finite("count", Arguments.nonNegative("count", counts[i]));
      Arguments.finite("population", Arguments.positive("population", populations[i]));
      standardTotal +=
          Arguments.finite(
              "standardPopulation",
              Arguments.nonNegative("standardPopulation", standardPopulation[i]));
    }
    Arguments.positive("standardPopulation total", standardTotal);
  }

  private static IllegalArgumentException lengthMismatch(String name, int length, int expected) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT, "%s must have one value per band (%d): %d", name, expected, length));
  }
}
