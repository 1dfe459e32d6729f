package org.soseval.pipeline.stats.survey;

import java.util.Comparator;

/** Element comparators for AssertJ collection assertions on doubles. */
final class TestDoubles {
  private TestDoubles() {}

  /** Equal when within {@code tolerance} absolute (NaN equals NaN). */
  static Comparator<Double> closeTo(double tolerance) {
    return (a, b) ->
        (a.isNaN() && b.isNaN()) || Math.abs(a - b) <= tolerance ? 0 : Double.compare(a, b);
  }
}
