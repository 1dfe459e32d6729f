package org.soseval.pipeline.stats;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A point estimate with one or more intervals (e.g. 95% and 99.8% from one call), the size of the
 * data it came from and the name of the method that produced it.
 *
 * @param value the point estimate (NaN where the method defines none, e.g. 0/0)
 * @param intervals intervals in the order the caller asked for them, at distinct levels
 * @param n the number of observations, events or units the estimate rests on
 * @param method a short, stable method name such as {@code "wilson"} or {@code "byars"}
 */
public record Estimate(double value, List<Interval> intervals, double n, String method) {
  public Estimate {
    intervals = List.copyOf(intervals);
    Objects.requireNonNull(method, "method is null");
  }

  public static Estimate of(double value, List<Interval> intervals, double n, String method) {
    return new Estimate(value, intervals, n, method);
  }

  /** The interval at {@code level}; an exception if the estimate has none at that level. */
  public Interval interval(double level) {
    for (Interval interval : intervals) {
      if (interval.level() == level) {
        return interval;
      }
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "no interval at level %s for method %s", level, method));
  }
}
