package org.soseval.pipeline.stats.regression;

import java.util.Objects;

/**
 * One unit-period observation of a long panel.
 *
 * @param unit the unit (cluster) identifier, e.g. a DfE LA code
 * @param period the period, e.g. a reporting year; only the order matters
 * @param outcome the outcome; NaN marks a missing or suppressed value (the row is dropped)
 * @param treated the treatment indicator D for this unit and period
 */
public record PanelRow(String unit, int period, double outcome, boolean treated) {
  public PanelRow {
    Objects.requireNonNull(unit, "unit is null");
  }

  public static PanelRow of(String unit, int period, double outcome, boolean treated) {
    return new PanelRow(unit, period, outcome, treated);
  }
}
