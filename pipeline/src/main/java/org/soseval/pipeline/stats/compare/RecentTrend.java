package org.soseval.pipeline.stats.compare;

import java.util.Arrays;
import java.util.Objects;
import org.soseval.pipeline.stats.Arguments;

/**
 * The Fingertips recent-trend marker for a proportion, as FingertipsNext
 * trend-analysis/TrendAnalysisApp/Calculator/Legacy/TrendMarkerCalculator.cs ("SPC for
 * proportions"):
 *
 * <ol>
 *   <li>Use the last 5 points (oldest first, scores t = 1..5). Fewer than 5, or a point whose count
 *       equals its denominator, or (here, additionally) a count of 0 → "Cannot be calculated" (the
 *       logit below is infinite there).
 *   <li>{@link TrendTest#armitage} on those points; significant when {@code χ² > 9.54953570608324}
 *       (the χ²₁ 99.8% point) <b>and</b> the slope below has the same sign in the fit to all 5
 *       points and in each of the 5 fits leaving one point out.
 *   <li>Slope: ordinary least squares of {@code ln(x_t / (n_t − x_t))} on t; direction = its sign.
 *   <li>Marker: increasing/decreasing, then getting better/worse by polarity; plain increasing /
 *       decreasing without polarity; otherwise "No significant change".
 * </ol>
 *
 * @param marker the trend marker
 * @param test the chi-square test on the last 5 points; NaN statistic when not calculated
 * @param logitSlope the OLS slope of the logits on the last 5 points; NaN when not calculated
 * @param significant whether the trend is significant at 99.8% with a consistent slope
 */
public record RecentTrend(
    TrendMarker marker, TrendTest test, double logitSlope, boolean significant) {
  /** Fingertips uses the most recent 5 points. */
  public static final int POINTS = 5;

  /** χ²₁ at 99.8%, Fingertips' {@code ChiSquareConfidence}. */
  public static final double CHI_SQUARE_998 = 9.54953570608324;

  public RecentTrend {
    Objects.requireNonNull(marker, "marker is null");
    Objects.requireNonNull(test, "test is null");
  }

  /**
   * Assesses the recent trend of a series of counts and denominators, oldest first.
   *
   * @throws IllegalArgumentException for unequal lengths, counts outside [0, n], non-positive
   *     denominators, NaN or infinite values
   */
  public static RecentTrend of(double[] counts, double[] denominators, Polarity polarity) {
    Objects.requireNonNull(polarity, "polarity is null");
    if (denominators.length != counts.length) {
      throw new IllegalArgumentException(
          "denominators must have one value per point ("
              + counts.length
              + "): "
              + denominators.length);
    }
    for (int i = 0; i < counts.length; i++) {
      Arguments.finite("denominator", Arguments.positive("denominator", denominators[i]));
      Arguments.countWithin("count", counts[i], "denominator", denominators[i]);
    }
    TrendTest none = new TrendTest(Double.NaN, Double.NaN, Math.min(counts.length, POINTS));
    if (counts.length < POINTS) {
      return new RecentTrend(TrendMarker.CANNOT_BE_CALCULATED, none, Double.NaN, false);
    }
    double[] x = Arrays.copyOfRange(counts, counts.length - POINTS, counts.length);
    double[] n = Arrays.copyOfRange(denominators, denominators.length - POINTS, counts.length);
    double[] logits = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      if (x[i] == 0 || x[i] == n[i]) {
        return new RecentTrend(TrendMarker.CANNOT_BE_CALCULATED, none, Double.NaN, false);
      }
      logits[i] = Math.log(x[i] / (n[i] - x[i]));
    }
    TrendTest test = TrendTest.armitage(x, n);
    double slope = slope(logits, -1);
    // as Fingertips: a slope counts -1 when negative, +1 otherwise; all six must agree
    int signs = sign(slope);
    for (int left = 0; left < POINTS; left++) {
      signs += sign(slope(logits, left));
    }
    boolean consistent = Math.abs(signs) == POINTS + 1;
    boolean significant = consistent && test.chiSquare() > CHI_SQUARE_998;
    return new RecentTrend(marker(significant, slope, polarity), test, slope, significant);
  }

  private static int sign(double slope) {
    return slope < 0 ? -1 : 1;
  }

  /** OLS slope of values on t = 1..5, leaving out index {@code left} (−1: none). */
  private static double slope(double[] values, int left) {
    double count = 0;
    double sumT = 0;
    double sumT2 = 0;
    double sumY = 0;
    double sumTy = 0;
    for (int i = 0; i < values.length; i++) {
      if (i == left) {
        continue;
      }
      double t = i + 1;
      count++;
      sumT += t;
      sumT2 += t * t;
      sumY += values[i];
      sumTy += t * values[i];
    }
    return (count * sumTy - sumY * sumT) / (count * sumT2 - sumT * sumT);
  }

  private static TrendMarker marker(boolean significant, double slope, Polarity polarity) {
    if (!significant) {
      return TrendMarker.NO_SIGNIFICANT_CHANGE;
    }
    if (slope == 0) {
      return TrendMarker.NO_SIGNIFICANT_CHANGE;
    }
    boolean increasing = slope > 0;
    return switch (polarity) {
      case NO_POLARITY -> increasing ? TrendMarker.INCREASING : TrendMarker.DECREASING;
      case HIGHER_IS_BETTER ->
          increasing
              ? TrendMarker.INCREASING_AND_GETTING_BETTER
              : TrendMarker.DECREASING_AND_GETTING_WORSE;
      case LOWER_IS_BETTER ->
          increasing
              ? TrendMarker.INCREASING_AND_GETTING_WORSE
              : TrendMarker.DECREASING_AND_GETTING_BETTER;
    };
  }
}
