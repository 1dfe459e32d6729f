package org.soseval.pipeline.stats.regression;

import java.util.Objects;
import java.util.Optional;

/**
 * Pooled two-way fixed-effects difference-in-differences ({@code did_twfe}).
 *
 * @param conventional the D coefficient with the conventional OLS SE (t, df {@code N - K})
 * @param clusterRobust the D coefficient with the CR1 SE clustered by unit (t, df {@code G - 1})
 * @param wildBootstrap the wild-cluster bootstrap test of {@code D = 0}, when one was asked for
 * @param nUnits units with at least one observed outcome (= clusters G)
 * @param nTreatedUnits treated units among them
 * @param nObs observations used (missing outcomes dropped)
 * @param nCoefficients design columns K, dummies and intercept included
 */
public record PooledDid(
    Coefficient conventional,
    Coefficient clusterRobust,
    Optional<BootstrapResult> wildBootstrap,
    int nUnits,
    int nTreatedUnits,
    int nObs,
    int nCoefficients) {
  public static final String METHOD = "did_twfe";

  public PooledDid {
    Objects.requireNonNull(conventional, "conventional is null");
    Objects.requireNonNull(clusterRobust, "clusterRobust is null");
    Objects.requireNonNull(wildBootstrap, "wildBootstrap is null");
  }

  /** The DiD estimate, the coefficient on D. */
  public double estimate() {
    return clusterRobust.estimate();
  }

  /** {@value #METHOD}. */
  public String method() {
    return METHOD;
  }
}
