package org.soseval.pipeline.stats.regression;

/** The covariance estimator behind a coefficient's standard error. */
public enum CovarianceType {
  /** Conventional OLS: {@code s^2 (X'X)^-1}, {@code s^2 = RSS / (N - K)}; as R {@code vcov(lm)}. */
  CONVENTIONAL("ols"),
  /**
   * Cluster-robust CR1 with the factor {@code G/(G-1) (N-1)/(N-K)}; as R 4.2.2 sandwich 3.0-2
   * {@code vcovCL(m, cluster = ~unit, type = "HC1")} and statsmodels 0.13.5 {@code
   * cov_type="cluster"}.
   */
  CR1("cr1"),
  /**
   * Newey-West HAC with Bartlett weights; as R sandwich 3.0-2 {@code NeweyWest(m, lag = L, prewhite
   * = FALSE, adjust = ...)}.
   */
  NEWEY_WEST("newey_west");

  private final String label;

  CovarianceType(String label) {
    this.label = label;
  }

  /** A short, stable name for output files, e.g. {@code "cr1"}. */
  public String label() {
    return label;
  }
}
