package org.soseval.pipeline.compare;

import java.util.Objects;
import java.util.Optional;
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
    Optional<String> note) {
  public static final String ALL_PILOTS = "All pilots";

  public EffectRow {
    Objects.requireNonNull(outcome, "outcome is null");
    Objects.requireNonNull(unit, "unit is null");
    Objects.requireNonNull(method, "method is null");
    Objects.requireNonNull(direction, "direction is null");
  }
}
