package org.soseval.pipeline.stats.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;

/**
 * Inverse-variance meta-analysis of k study estimates {@code y_i} with within-study variances
 * {@code v_i} (methods.md 5.5):
 *
 * <pre>
 *   w_i = 1/v_i,  theta_FE = sum w_i y_i / sum w_i,  SE_FE = 1/sqrt(sum w_i)
 *   Q = sum w_i (y_i - theta_FE)^2,  C = sum w_i - sum w_i^2 / sum w_i
 *   tau^2 = max(0, (Q - (k-1)) / C)                                (DerSimonian and Laird 1986)
 *   w*_i = 1/(v_i + tau^2),  theta_RE = sum w*_i y_i / sum w*_i,  SE_RE = 1/sqrt(sum w*_i)
 *   CI = theta -/+ z SE;  PI = theta_RE -/+ q sqrt(tau^2 + SE_RE^2)
 *   I^2 = max(0, (Q - (k-1)) / Q) * 100,  H^2 = (tau^2 + s^2)/s^2, s^2 = (k-1)/C
 * </pre>
 *
 * Matches R 4.2.2 metafor 3.8-1 {@code rma(yi, vi, method = "DL")} / {@code method = "FE"}, {@code
 * weights()} and {@code predict()}. Note that statsmodels 0.13.5 {@code combine_effects(method_re =
 * "dl")} does not truncate tau^2 at 0 and so differs whenever {@code Q < k - 1}. H^2 follows
 * metafor: for DL {@code (tau^2 + s^2)/s^2}, which is 1 when tau^2 = 0; for the fixed-effect model
 * the untruncated Higgins-Thompson {@code Q/(k-1)}.
 */
public final class MetaAnalysis {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  private MetaAnalysis() {}

  /**
   * Fixed-effect (common-effect) inverse-variance pooling.
   *
   * @param estimates study estimates y_i on the analysis scale (e.g. ln OR)
   * @param variances their within-study variances v_i
   * @param levels confidence levels (default 0.95 when none are given)
   * @throws IllegalArgumentException if fewer than 2 studies, lengths differ, an estimate is not
   *     finite, or a variance is not finite and {@code > 0}
   */
  public static MetaAnalysisResult fixedEffect(
      double[] estimates, double[] variances, double... levels) {
    return pool(estimates, variances, false, PredictionIntervalRule.NORMAL, levels);
  }

  /**
   * DerSimonian-Laird random-effects pooling, prediction interval by {@link
   * PredictionIntervalRule#NORMAL} (metafor's {@code predict()}).
   */
  public static MetaAnalysisResult derSimonianLaird(
      double[] estimates, double[] variances, double... levels) {
    return derSimonianLaird(estimates, variances, PredictionIntervalRule.NORMAL, levels);
  }

  /**
   * DerSimonian-Laird random-effects pooling with the given prediction-interval rule; as {@link
   * #fixedEffect} for the arguments. With {@code Q <= k - 1}, tau^2 = 0 and the result equals the
   * fixed-effect estimate (and the normal-rule prediction interval equals the confidence interval).
   */
  public static MetaAnalysisResult derSimonianLaird(
      double[] estimates, double[] variances, PredictionIntervalRule rule, double... levels) {
    if (rule == null) {
      throw new IllegalArgumentException("rule is null");
    }
    return pool(estimates, variances, true, rule, levels);
  }

  private static MetaAnalysisResult pool(
      double[] y, double[] v, boolean random, PredictionIntervalRule rule, double... levels) {
    double[] checked = Arguments.levels(levels);
    int k = y.length;
    Arguments.atLeast("estimates", k, 2);
    if (v.length != k) {
      throw new IllegalArgumentException(
          "variances must have one entry per estimate (" + k + "): " + v.length);
    }
    Arguments.allFinite("estimates", y);
    for (int i = 0; i < k; i++) {
      Arguments.finite("variances[" + i + "]", v[i]);
      Arguments.positive("variances[" + i + "]", v[i]);
    }
    double sumW = 0;
    double sumW2 = 0;
    double sumWy = 0;
    for (int i = 0; i < k; i++) {
      double w = 1 / v[i];
      sumW += w;
      sumW2 += w * w;
      sumWy += w * y[i];
    }
    double fixed = sumWy / sumW;
    double q = 0;
    for (int i = 0; i < k; i++) {
      q += (y[i] - fixed) * (y[i] - fixed) / v[i];
    }
    int df = k - 1;
    double c = sumW - sumW2 / sumW;
    double tau2 = random ? Math.max(0, (q - df) / c) : 0;
    double[] weights = new double[k];
    double sumStar = 0;
    double sumStarY = 0;
    for (int i = 0; i < k; i++) {
      weights[i] = 1 / (v[i] + tau2);
      sumStar += weights[i];
      sumStarY += weights[i] * y[i];
    }
    double estimate = sumStarY / sumStar;
    double se = 1 / Math.sqrt(sumStar);
    List<Interval> intervals = new ArrayList<>();
    List<Interval> predictions = new ArrayList<>();
    for (double level : checked) {
      double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
      intervals.add(Interval.of(estimate - z * se, estimate + z * se, level));
      if (random) {
        predictions.add(predictionInterval(estimate, se, tau2, k, level, rule));
      }
    }
    List<Double> percent = new ArrayList<>();
    for (double w : weights) {
      percent.add(100 * w / sumStar);
    }
    double typical = df / c;
    double i2 = q > df ? 100 * (q - df) / q : 0;
    double h2 = random ? (tau2 + typical) / typical : q / df;
    double zStat = estimate / se;
    return new MetaAnalysisResult(
        random ? "pooled_dl" : "pooled_fe",
        estimate,
        se,
        zStat,
        2 * STANDARD_NORMAL.survivalProbability(Math.abs(zStat)),
        intervals,
        predictions,
        random ? Optional.of(rule) : Optional.empty(),
        tau2,
        q,
        df,
        ChiSquaredDistribution.of(df).survivalProbability(q),
        i2,
        h2,
        percent,
        k);
  }

  private static Interval predictionInterval(
      double estimate, double se, double tau2, int k, double level, PredictionIntervalRule rule) {
    double half = Math.sqrt(tau2 + se * se);
    double quantile;
    if (rule == PredictionIntervalRule.NORMAL) {
      quantile = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    } else if (k > 2) {
      quantile = TDistribution.of(k - 2.0).inverseSurvivalProbability((1 - level) / 2);
    } else {
      return Interval.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, level);
    }
    return Interval.of(estimate - quantile * half, estimate + quantile * half, level);
  }
}
