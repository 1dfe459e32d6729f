package org.soseval.pipeline.compare;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One row of {@code effects.csv}: an estimate of one method for one outcome and unit.
 *
 * @param unit an LA code, or {@link #ALL_PILOTS}
 * @param method {@code did_twfe}, {@code did_pilot}, {@code pooled_dl}, {@code event_study} or
 *     {@code its}
 * @param term the year relative to the implementation year, for event-study rows
 * @param pValueWildBootstrap the wild-cluster bootstrap p-value, for {@code did_twfe}
 * @param diagnostics method-specific statistics: placebo p-value, heterogeneity, Durbin-Watson
 */
public record EffectRow(
    String outcome,
    String unit,
    String method,
    OptionalInt term,
    double estimate,
    double standardError,
    double lowerCi,
    double upperCi,
    double pValue,
    OptionalDouble pValueWildBootstrap,
    int nUnits,
    int nObs,
    EffectDirection direction,
    Diagnostics diagnostics) {
  public static final String ALL_PILOTS = "All pilots";

  /**
   * Statistics only some methods have.
   *
   * @param placeboPValue placebo-in-space p-value ({@code did_pilot})
   * @param i2Percent, tau2, q heterogeneity of the per-pilot estimates ({@code pooled_dl})
   * @param durbinWatson of the segmented regression's residuals ({@code its})
   */
  public record Diagnostics(
      OptionalDouble placeboPValue,
      OptionalDouble i2Percent,
      OptionalDouble tau2,
      OptionalDouble q,
      OptionalDouble durbinWatson) {
    public static final Diagnostics NONE =
        new Diagnostics(
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty());

    public static Diagnostics placebo(double pValue) {
      return new Diagnostics(
          OptionalDouble.of(pValue),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty());
    }

    public static Diagnostics heterogeneity(double i2Percent, double tau2, double q) {
      return new Diagnostics(
          OptionalDouble.empty(),
          OptionalDouble.of(i2Percent),
          OptionalDouble.of(tau2),
          OptionalDouble.of(q),
          OptionalDouble.empty());
    }

    public static Diagnostics durbinWatson(double statistic) {
      return new Diagnostics(
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.of(statistic));
    }
  }

  public EffectRow {
    Objects.requireNonNull(outcome, "outcome is null");
    Objects.requireNonNull(unit, "unit is null");
    Objects.requireNonNull(method, "method is null");
    Objects.requireNonNull(direction, "direction is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
