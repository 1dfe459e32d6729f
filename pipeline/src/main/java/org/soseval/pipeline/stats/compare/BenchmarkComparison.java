package org.soseval.pipeline.stats.compare;

/**
 * Fingertips-style result of comparing a value's confidence interval with a benchmark
 * (fingertipscharts R/dummy_data.R and R/theme.R; users.md §1.6).
 */
public enum BenchmarkComparison {
  BETTER("Better", "#92D050"),
  SIMILAR("Similar", "#FFC000"),
  WORSE("Worse", "#C00000"),
  HIGHER("Higher", "#BED2FF"),
  LOWER("Lower", "#5555E6"),
  NOT_COMPARED("Not compared", "#C9C9C9");

  private final String label;
  private final String colour;

  BenchmarkComparison(String label, String colour) {
    this.label = label;
    this.colour = colour;
  }

  /** The Fingertips label, e.g. {@code "Better"}. */
  public String label() {
    return label;
  }

  /** The fingertipscharts colour, e.g. {@code "#92D050"}. */
  public String colour() {
    return colour;
  }
}
