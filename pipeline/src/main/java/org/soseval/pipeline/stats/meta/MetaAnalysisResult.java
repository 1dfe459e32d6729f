package org.soseval.pipeline.stats.meta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.soseval.pipeline.stats.Interval;

/**
 * A pooled inverse-variance estimate ({@code pooled_fe} or {@code pooled_dl}) with heterogeneity
 * statistics.
 *
 * @param method {@code "pooled_fe"} (fixed effect) or {@code "pooled_dl"} (DerSimonian-Laird)
 * @param estimate the pooled estimate on the analysis scale (e.g. ln OR)
 * @param standardError its standard error
 * @param z {@code estimate / standardError}
 * @param pValue two-sided normal p-value
 * @param intervals normal-theory confidence intervals, in the order asked for
 * @param predictionIntervals random-effects prediction intervals at the same levels (empty for the
 *     fixed-effect model)
 * @param predictionRule how the prediction intervals were formed (empty for the fixed-effect model)
 * @param tau2 between-study variance (0 for the fixed-effect model)
 * @param q Cochran's Q about the fixed-effect estimate
 * @param qDf {@code k - 1}
 * @param qPValue upper chi-square tail of Q on {@code k - 1} df
 * @param i2 I^2 in percent, {@code max(0, (Q - (k-1)) / Q) * 100} (0 when Q = 0)
 * @param h2 H^2 as metafor 3.8-1 reports it: for DL {@code (tau2 + s2) / s2} with the typical
 *     within-study variance {@code s2 = (k-1)/C}, i.e. {@code max(1, Q/(k-1))}; for the
 *     fixed-effect model {@code Q/(k-1)}
 * @param weightsPercent each study's share of the total weight, in percent, in input order
 * @param k number of studies
 */
public record MetaAnalysisResult(
    String method,
    double estimate,
    double standardError,
    double z,
    double pValue,
    List<Interval> intervals,
    List<Interval> predictionIntervals,
    Optional<PredictionIntervalRule> predictionRule,
    double tau2,
    double q,
    int qDf,
    double qPValue,
    double i2,
    double h2,
    List<Double> weightsPercent,
    int k) {
  public MetaAnalysisResult {
    Objects.requireNonNull(method, "method is null");
    Objects.requireNonNull(predictionRule, "predictionRule is null");
    intervals = List.copyOf(intervals);
    predictionIntervals = List.copyOf(predictionIntervals);
    weightsPercent = List.copyOf(weightsPercent);
  }

  /** The confidence interval at {@code level}. */
  public Interval interval(double level) {
    return find(intervals, level, "confidence");
  }

  /** The prediction interval at {@code level}. */
  public Interval predictionInterval(double level) {
    return find(predictionIntervals, level, "prediction");
  }

  private Interval find(List<Interval> list, double level, String kind) {
    for (Interval interval : list) {
      if (interval.level() == level) {
        return interval;
      }
    }
    throw new IllegalArgumentException(
        "no " + kind + " interval at level " + level + " for " + method);
  }
}
