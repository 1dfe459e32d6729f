package org.soseval.pipeline.stats.compare;

import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.soseval.pipeline.stats.Arguments;

/**
 * Chi-square test for linear trend in proportions (Armitage 1955, Biometrics 11:375-386; Cochran
 * 1954), as R {@code prop.trend.test(x, n, score)}.
 *
 * <p>With {@code N = Σn_i}, {@code X = Σx_i}, scores {@code t_i}:
 *
 * <pre>
 *   χ² = N (N Σx_i t_i − X Σn_i t_i)² / (X (N − X) (N Σn_i t_i² − (Σn_i t_i)²))
 * </pre>
 *
 * on 1 degree of freedom; this is the Fingertips "SPC for proportions" recent-trend statistic
 * (FingertipsNext TrendMarkerCalculator.IsSignificantForProportions, scores 1..5).
 *
 * <p>Degenerate input: X = 0 or X = N, or all scores equal, give 0/0 and a NaN statistic and
 * p-value.
 *
 * @param chiSquare the statistic
 * @param pValue upper-tail χ²₁ probability
 * @param points the number of time points
 */
public record TrendTest(double chiSquare, double pValue, int points) {

  /** The test with scores 1, 2, …, k in array order. */
  public static TrendTest armitage(double[] counts, double[] denominators) {
    double[] scores = new double[counts.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i + 1;
    }
    return armitage(counts, denominators, scores);
  }

  /**
   * The test with the given scores.
   *
   * @throws IllegalArgumentException for fewer than 2 points, unequal lengths, counts outside [0,
   *     n], non-positive denominators, NaN or infinite values
   */
  public static TrendTest armitage(double[] counts, double[] denominators, double[] scores) {
    Arguments.atLeast("counts", counts.length, 2);
    if (denominators.length != counts.length || scores.length != counts.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "denominators and scores must have one value per point (%d): %d, %d",
              counts.length,
              denominators.length,
              scores.length));
    }
    double total = 0;
    double events = 0;
    double eventScores = 0;
    double totalScores = 0;
    double totalScores2 = 0;
    for (int i = 0; i < counts.length; i++) {
      double n =
          Arguments.finite("denominator", Arguments.positive("denominator", denominators[i]));
      Arguments.countWithin("count", counts[i], "denominator", n);
      double t = Arguments.finite("score", scores[i]);
      total += n;
      events += counts[i];
      eventScores += counts[i] * t;
      totalScores += n * t;
      totalScores2 += n * t * t;
    }
    double difference = total * eventScores - events * totalScores;
    double chiSquare =
        total
            * difference
            * difference
            / (events * (total - events) * (total * totalScores2 - totalScores * totalScores));
    double pValue =
        Double.isNaN(chiSquare)
            ? Double.NaN
            : ChiSquaredDistribution.of(1).survivalProbability(chiSquare);
    return new TrendTest(chiSquare, pValue, counts.length);
  }
}
