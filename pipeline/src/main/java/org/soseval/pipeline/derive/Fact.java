package org.soseval.pipeline.derive;

import java.util.Objects;

/**
 * One counted thing of one child in one reporting year.
 *
 * @param year the reporting year (ending 31 March)
 * @param measure what is counted
 * @param value the measure's value (a flag or a number of working days)
 */
public record Fact(int year, Measure measure, int value) {
  public Fact {
    Objects.requireNonNull(measure, "measure is null");
  }
}
