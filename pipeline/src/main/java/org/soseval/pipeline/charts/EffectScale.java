package org.soseval.pipeline.charts;

/** The scale of a forest plot's effect measure. */
public enum EffectScale {
  /** Differences (mean difference, Hedges' g, risk difference): linear axis, null line at 0. */
  DIFFERENCE(0),
  /** Ratios (odds, risk, rate ratios): log axis labelled in ratios, null line at 1. */
  RATIO(1);

  private final double nullValue;

  EffectScale(double nullValue) {
    this.nullValue = nullValue;
  }

  /** The value of no effect: 0 or 1. */
  public double nullValue() {
    return nullValue;
  }

  /** The plotted position of a value: itself, or its natural log for ratios. */
  double position(double value) {
    return this == RATIO ? Math.log(value) : value;
  }

  /** The value at a plotted position. */
  double value(double position) {
    return this == RATIO ? Math.exp(position) : position;
  }
}
