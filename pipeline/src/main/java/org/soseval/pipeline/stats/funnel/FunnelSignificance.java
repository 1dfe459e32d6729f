package org.soseval.pipeline.stats.funnel;

/** The labels of PHEindicatormethods 2.1.0 {@code assign_funnel_significance}. */
public enum FunnelSignificance {
  HIGH_0_001("High (0.001)"),
  HIGH_0_025("High (0.025)"),
  LOW_0_001("Low (0.001)"),
  LOW_0_025("Low (0.025)"),
  NOT_SIGNIFICANT("Not significant"),
  /** DSR units with fewer than 10 events are not assessed. */
  NOT_APPLICABLE("Not applicable for events less than 10 for dsrs");

  private final String label;

  FunnelSignificance(String label) {
    this.label = label;
  }

  /** The package's label, e.g. {@code "High (0.001)"}. */
  public String label() {
    return label;
  }
}
