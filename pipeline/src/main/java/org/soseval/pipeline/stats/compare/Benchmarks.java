package org.soseval.pipeline.stats.compare;

import java.util.Objects;
import java.util.Optional;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;

/**
 * Comparison of a confidence interval with a benchmark value (e.g. England), as Fingertips does.
 *
 * <p>The interval is significantly higher when {@code lower > benchmark}, lower when {@code upper <
 * benchmark}, otherwise similar (a benchmark on a limit counts as inside). Higher/lower become
 * better/worse by polarity; with {@link Polarity#NO_POLARITY} they stay higher/lower. Not compared
 * when there is no interval, a limit is NaN or the benchmark is NaN (fingertipscharts
 * R/dummy_data.R; users.md §1.6).
 */
public final class Benchmarks {
  private Benchmarks() {}

  /**
   * Compares an interval with a benchmark.
   *
   * @throws NullPointerException if {@code interval} or {@code polarity} is null
   */
  public static BenchmarkComparison compare(
      Interval interval, double benchmark, Polarity polarity) {
    Objects.requireNonNull(interval, "interval is null");
    Objects.requireNonNull(polarity, "polarity is null");
    if (Double.isNaN(interval.lower())
        || Double.isNaN(interval.upper())
        || Double.isNaN(benchmark)) {
      return BenchmarkComparison.NOT_COMPARED;
    }
    if (interval.lower() > benchmark) {
      return switch (polarity) {
        case HIGHER_IS_BETTER -> BenchmarkComparison.BETTER;
        case LOWER_IS_BETTER -> BenchmarkComparison.WORSE;
        case NO_POLARITY -> BenchmarkComparison.HIGHER;
      };
    }
    if (interval.upper() < benchmark) {
      return switch (polarity) {
        case HIGHER_IS_BETTER -> BenchmarkComparison.WORSE;
        case LOWER_IS_BETTER -> BenchmarkComparison.BETTER;
        case NO_POLARITY -> BenchmarkComparison.LOWER;
      };
    }
    return BenchmarkComparison.SIMILAR;
  }

  /** Compares an optional interval: {@link BenchmarkComparison#NOT_COMPARED} when empty. */
  public static BenchmarkComparison compare(
      Optional<Interval> interval, double benchmark, Polarity polarity) {
    Objects.requireNonNull(polarity, "polarity is null");
    return interval
        .map(present -> compare(present, benchmark, polarity))
        .orElse(BenchmarkComparison.NOT_COMPARED);
  }

  /**
   * Compares an estimate's interval at {@code level}; {@link BenchmarkComparison#NOT_COMPARED} when
   * it has none at that level (e.g. a suppressed DSR has NaN limits).
   */
  public static BenchmarkComparison compare(
      Estimate estimate, double level, double benchmark, Polarity polarity) {
    Objects.requireNonNull(estimate, "estimate is null");
    return compare(
        estimate.intervals().stream().filter(i -> i.level() == level).findFirst(),
        benchmark,
        polarity);
  }
}
