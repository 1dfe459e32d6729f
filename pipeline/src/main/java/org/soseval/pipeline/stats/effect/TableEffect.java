package org.soseval.pipeline.stats.effect;

import java.util.List;
import java.util.Objects;
import org.soseval.pipeline.stats.Interval;

/**
 * An odds ratio, risk ratio or risk difference from a 2x2 table, with Wald inference on the
 * analysis scale (log for the ratios).
 *
 * @param method {@code "odds_ratio"}, {@code "risk_ratio"} or {@code "risk_difference"}
 * @param estimate the measure on its natural scale (OR, RR or RD)
 * @param analysisEstimate the measure on the analysis scale: ln OR, ln RR or RD
 * @param standardError SE on the analysis scale
 * @param statistic {@code z = analysisEstimate / standardError}
 * @param pValue two-sided normal p-value of {@code z}
 * @param intervals Wald intervals back-transformed to the natural scale, in the order asked for
 * @param zeroCellCorrected true when 0.5 was added to every cell because one was zero
 * @param n the table total {@code a + b + c + d} (uncorrected)
 */
public record TableEffect(
    String method,
    double estimate,
    double analysisEstimate,
    double standardError,
    double statistic,
    double pValue,
    List<Interval> intervals,
    boolean zeroCellCorrected,
    long n) {
  public TableEffect {
    Objects.requireNonNull(method, "method is null");
    intervals = List.copyOf(intervals);
  }

  /** The interval at {@code level}. */
  public Interval interval(double level) {
    for (Interval interval : intervals) {
      if (interval.level() == level) {
        return interval;
      }
    }
    throw new IllegalArgumentException("no interval at level " + level + " for " + method);
  }
}
