package org.soseval.pipeline.stats.regression;

import java.util.List;

/**
 * A segmented-regression interrupted time series fit ({@code its}).
 *
 * @param interruption T0, the 1-based time of the first post-interruption point
 * @param conventional coefficients {@code (Intercept), t, D, tsince} with conventional OLS SEs
 * @param neweyWest the same coefficients with Newey-West SEs (t, df {@code N - 4})
 * @param effects the effect {@code beta2 + beta3 tsince_t} at each post time {@code t = T0..N}
 *     (term {@code "effect@t"}), with Newey-West SEs
 * @param durbinWatson the Durbin-Watson statistic of the OLS residuals
 * @param lag the Newey-West lag used
 * @param adjusted whether the Newey-West covariance carries the {@code N/(N-K)} factor
 * @param nObs number of time points N
 */
public record InterruptedTimeSeriesResult(
    int interruption,
    List<Coefficient> conventional,
    List<Coefficient> neweyWest,
    List<Coefficient> effects,
    double durbinWatson,
    int lag,
    boolean adjusted,
    int nObs) {
  public static final String METHOD = "its";

  public InterruptedTimeSeriesResult {
    conventional = List.copyOf(conventional);
    neweyWest = List.copyOf(neweyWest);
    effects = List.copyOf(effects);
  }

  /** The level change at T0, {@code beta2}, with the Newey-West SE. */
  public Coefficient levelChange() {
    return neweyWest.get(2);
  }

  /** The slope change after T0, {@code beta3}, with the Newey-West SE. */
  public Coefficient trendChange() {
    return neweyWest.get(3);
  }

  /** {@value #METHOD}. */
  public String method() {
    return METHOD;
  }
}
