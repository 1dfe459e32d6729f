package org.soseval.pipeline.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;

/**
 * One regression coefficient with its standard error, Wald statistic, p-value and confidence
 * intervals.
 *
 * <p>The statistic is {@code estimate / standardError}; the p-value is two-sided and the intervals
 * are {@code estimate -/+ q * standardError}, where {@code q} is the {@code (1 + level)/2} quantile
 * of Student's t with {@code degreesOfFreedom} degrees of freedom, or of the standard normal when
 * {@code degreesOfFreedom} is infinite.
 *
 * @param term the design column, e.g. {@code "D"} or {@code "event-2"}
 * @param estimate the OLS estimate
 * @param standardError the standard error under {@code covariance}; NaN when undefined
 * @param statistic {@code estimate / standardError}
 * @param degreesOfFreedom reference t degrees of freedom, {@code +Infinity} for the normal
 * @param pValue two-sided p-value of {@code statistic}
 * @param intervals confidence intervals in the order the caller asked for the levels
 * @param covariance the covariance estimator behind the standard error
 */
public record Coefficient(
    String term,
    double estimate,
    double standardError,
    double statistic,
    double degreesOfFreedom,
    double pValue,
    List<Interval> intervals,
    CovarianceType covariance) {
  public Coefficient {
    Objects.requireNonNull(term, "term is null");
    Objects.requireNonNull(covariance, "covariance is null");
    intervals = List.copyOf(intervals);
  }

  /**
   * A coefficient with t-based (or normal, for infinite {@code degreesOfFreedom}) inference.
   *
   * @throws IllegalArgumentException if {@code degreesOfFreedom} is not {@code > 0} or a level is
   *     not in (0, 1)
   */
  public static Coefficient of(
      String term,
      double estimate,
      double standardError,
      double degreesOfFreedom,
      CovarianceType covariance,
      double... levels) {
    Arguments.positive("degreesOfFreedom", degreesOfFreedom);
    double[] checked = Arguments.levels(levels);
    ContinuousDistribution reference =
        Double.isInfinite(degreesOfFreedom)
            ? NormalDistribution.of(0, 1)
            : TDistribution.of(degreesOfFreedom);
    double statistic = estimate / standardError;
    double pValue = 2 * reference.survivalProbability(Math.abs(statistic));
    List<Interval> intervals = new ArrayList<>(checked.length);
    for (double level : checked) {
      double half = reference.inverseSurvivalProbability((1 - level) / 2) * standardError;
      intervals.add(
          Double.isNaN(half)
              ? Interval.of(Double.NaN, Double.NaN, level)
              : Interval.of(estimate - half, estimate + half, level));
    }
    return new Coefficient(
        term, estimate, standardError, statistic, degreesOfFreedom, pValue, intervals, covariance);
  }

  /** The interval at {@code level}; an exception if there is none at that level. */
  public Interval interval(double level) {
    for (Interval interval : intervals) {
      if (interval.level() == level) {
        return interval;
      }
    }
    throw new IllegalArgumentException("no interval at level " + level + " for term " + term);
  }
}
