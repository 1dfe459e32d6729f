package org.soseval.pipeline.stats.regression;

import java.util.Objects;

/**
 * One relative-time coefficient of an event study.
 *
 * @param relativeTime period minus the unit's adoption period (negative = lead, 0 = adoption)
 * @param conventional the coefficient with the conventional OLS SE (t, df {@code N - K})
 * @param clusterRobust the coefficient with the CR1 SE clustered by unit (t, df {@code G - 1})
 */
public record EventTerm(int relativeTime, Coefficient conventional, Coefficient clusterRobust) {
  public EventTerm {
    Objects.requireNonNull(conventional, "conventional is null");
    Objects.requireNonNull(clusterRobust, "clusterRobust is null");
  }

  /** The estimate, relative to the reference period. */
  public double estimate() {
    return conventional.estimate();
  }
}
