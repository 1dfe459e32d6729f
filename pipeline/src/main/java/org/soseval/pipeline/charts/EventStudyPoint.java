package org.soseval.pipeline.charts;

/**
 * One event-study coefficient: the estimate for a period relative to go-live, with its interval.
 *
 * @param relativeTime period minus go-live period (negative = before go-live, 0 = go-live period)
 * @param estimate the estimate, relative to the reference period; finite
 * @param lower lower confidence limit; finite, {@code <= upper}
 * @param upper upper confidence limit; finite
 */
public record EventStudyPoint(int relativeTime, double estimate, double lower, double upper) {
  static final String CHART = "event study";

  public EventStudyPoint {
    String what = "estimate at relative time " + relativeTime;
    Checks.finite(CHART, what, estimate);
    Checks.bounds(CHART, "interval at relative time " + relativeTime, lower, upper);
  }

  public static EventStudyPoint of(int relativeTime, double estimate, double lower, double upper) {
    return new EventStudyPoint(relativeTime, estimate, lower, upper);
  }

  boolean excludesZero() {
    return lower > 0 || upper < 0;
  }
}
