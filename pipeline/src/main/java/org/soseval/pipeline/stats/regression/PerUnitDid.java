package org.soseval.pipeline.stats.regression;

import java.util.List;
import java.util.Objects;

/**
 * Difference-in-differences for one treated unit against all control units ({@code did_pilot}).
 *
 * @param unit the treated unit
 * @param conventional the D coefficient with the conventional OLS SE (t, df {@code N - K})
 * @param placeboPValue {@code (1 + #{c : |b_c| >= |b|}) / (1 + C)} over the C placebo estimates;
 *     NaN when there is none (fewer than 2 control units, or no control with rows on both sides of
 *     the adoption)
 * @param placeboUnits the control units that gave a placebo estimate, sorted
 * @param placeboEstimates the placebo estimates, in the order of {@code placeboUnits}
 * @param nUnits units in the fit (the treated unit plus the controls)
 * @param nObs observations in the fit
 * @param nCoefficients design columns K
 */
public record PerUnitDid(
    String unit,
    Coefficient conventional,
    double placeboPValue,
    List<String> placeboUnits,
    List<Double> placeboEstimates,
    int nUnits,
    int nObs,
    int nCoefficients) {
  public static final String METHOD = "did_pilot";

  public PerUnitDid {
    Objects.requireNonNull(unit, "unit is null");
    Objects.requireNonNull(conventional, "conventional is null");
    placeboUnits = List.copyOf(placeboUnits);
    placeboEstimates = List.copyOf(placeboEstimates);
  }

  /** The DiD estimate, the coefficient on D. */
  public double estimate() {
    return conventional.estimate();
  }

  /** {@value #METHOD}. */
  public String method() {
    return METHOD;
  }
}
