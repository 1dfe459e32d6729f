package org.soseval.pipeline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Relative-tolerance comparison of doubles; an expected NaN (R NA) requires NaN. */
public final class RelativeAssert {
  private RelativeAssert() {}

  /** Asserts {@code |actual - expected| <= tolerance × |expected|}, or both NaN. */
  public static void assertClose(
      String description, double actual, double expected, double tolerance) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(description + " (expected NA)").isNaN();
      return;
    }
    assertThat(actual).as(description).isCloseTo(expected, within(tolerance * Math.abs(expected)));
  }
}
