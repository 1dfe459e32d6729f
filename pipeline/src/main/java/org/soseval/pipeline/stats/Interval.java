package org.soseval.pipeline.stats;

/**
 * A two-sided confidence (or control) interval at a stated level.
 *
 * @param lower lower limit; may be {@code Double.NEGATIVE_INFINITY} or NaN where the method gives
 *     none
 * @param upper upper limit
 * @param level confidence level in (0, 1), e.g. 0.95 or 0.998
 */
public record Interval(double lower, double upper, double level) {
  public Interval {
    Arguments.openUnitInterval("level", level);
    if (lower > upper) {
      throw new IllegalArgumentException("lower must be <= upper: " + lower + " > " + upper);
    }
  }

  public static Interval of(double lower, double upper, double level) {
    return new Interval(lower, upper, level);
  }

  /** True when {@code value} lies within the closed interval. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
