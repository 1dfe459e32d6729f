package org.soseval.pipeline.derive;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The facts of one LA and reporting year, as counts per measure and value (what Spark aggregates
 * to): enough for every count, threshold count and exact median.
 */
public final class IndicatorTally {
  private final Map<Measure, TreeMap<Integer, Long>> histograms = new EnumMap<>(Measure.class);

  /** Adds {@code count} facts of {@code measure} with {@code value}. */
  public IndicatorTally add(Measure measure, int value, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + count);
    }
    histograms.computeIfAbsent(measure, m -> new TreeMap<>()).merge(value, count, Long::sum);
    return this;
  }

  /** Facts of {@code measure}. */
  public long count(Measure measure) {
    return histogram(measure).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Facts of {@code measure} whose value is {@code value}. */
  public long countOf(Measure measure, int value) {
    return histogram(measure).getOrDefault(value, 0L);
  }

  /** Facts of {@code measure} whose value is at most {@code limit}. */
  public long countAtMost(Measure measure, int limit) {
    return histogram(measure).headMap(limit, true).values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  /**
   * The median of the values of {@code measure} as R's {@code quantile(x, 0.5, type = 7)} (and
   * {@code median}) computes it: the middle value, or the mean of the two middle values of an even
   * number. Empty when there are no facts.
   */
  public OptionalDouble median(Measure measure) {
    long n = count(measure);
    if (n == 0) {
      return OptionalDouble.empty();
    }
    long lowerIndex = (n - 1) / 2;
    long upperIndex = n / 2;
    return OptionalDouble.of((valueAt(measure, lowerIndex) + valueAt(measure, upperIndex)) / 2.0);
  }

  /** The value at 0-based position {@code index} of the sorted values. */
  private int valueAt(Measure measure, long index) {
    long seen = 0;
    for (Map.Entry<Integer, Long> entry : histogram(measure).entrySet()) {
      seen += entry.getValue();
      if (index < seen) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("index " + index + " beyond " + seen + " values");
  }

  private TreeMap<Integer, Long> histogram(Measure measure) {
    return histograms.getOrDefault(measure, new TreeMap<>());
  }
}
