package org.soseval.pipeline.stats.compare;

/** Fingertips recent-trend markers (FingertipsNext TrendMarker; users.md §1.6). */
public enum TrendMarker {
  INCREASING_AND_GETTING_BETTER("Increasing and getting better"),
  INCREASING_AND_GETTING_WORSE("Increasing and getting worse"),
  DECREASING_AND_GETTING_BETTER("Decreasing and getting better"),
  DECREASING_AND_GETTING_WORSE("Decreasing and getting worse"),
  /** Significant increase for an indicator without polarity. */
  INCREASING("Increasing"),
  /** Significant decrease for an indicator without polarity. */
  DECREASING("Decreasing"),
  NO_SIGNIFICANT_CHANGE("No significant change"),
  CANNOT_BE_CALCULATED("Cannot be calculated");

  private final String label;

  TrendMarker(String label) {
    this.label = label;
  }

  /** The Fingertips label. */
  public String label() {
    return label;
  }
}
