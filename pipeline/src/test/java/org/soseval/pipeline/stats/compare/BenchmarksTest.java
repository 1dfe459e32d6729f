package org.soseval.pipeline.stats.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.interval.DirectlyStandardisedRates;

/**
 * Intervals: R 4.2.2 {@code prop.test(82, 100, correct = FALSE)$conf.int} = (0.7333264161,
 * 0.8829977450) (methods.md §9 R3), written out here as an {@link Interval}.
 */
class BenchmarksTest {
  private static final Interval R3 = Interval.of(0.7333264161, 0.8829977450, 0.95);

  @Test
  void benchmarkBelowTheIntervalIsBetterWorseOrHigherByPolarity() {
    assertThat(Benchmarks.compare(R3, 0.70, Polarity.HIGHER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.BETTER);
    assertThat(Benchmarks.compare(R3, 0.70, Polarity.LOWER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.WORSE);
    assertThat(Benchmarks.compare(R3, 0.70, Polarity.NO_POLARITY))
        .isEqualTo(BenchmarkComparison.HIGHER);
  }

  @Test
  void benchmarkAboveTheIntervalIsWorseBetterOrLowerByPolarity() {
    assertThat(Benchmarks.compare(R3, 0.90, Polarity.HIGHER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.WORSE);
    assertThat(Benchmarks.compare(R3, 0.90, Polarity.LOWER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.BETTER);
    assertThat(Benchmarks.compare(R3, 0.90, Polarity.NO_POLARITY))
        .isEqualTo(BenchmarkComparison.LOWER);
  }

  @Test
  void benchmarkInsideOrOnALimitIsSimilar() {
    assertThat(Benchmarks.compare(R3, 0.80, Polarity.HIGHER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.SIMILAR);
    assertThat(Benchmarks.compare(R3, 0.7333264161, Polarity.LOWER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.SIMILAR);
    assertThat(Benchmarks.compare(R3, 0.8829977450, Polarity.NO_POLARITY))
        .isEqualTo(BenchmarkComparison.SIMILAR);
  }

  @Test
  void missingIntervalOrBenchmarkIsNotCompared() {
    assertThat(Benchmarks.compare(R3, Double.NaN, Polarity.HIGHER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.NOT_COMPARED);
    assertThat(Benchmarks.compare(Optional.empty(), 0.5, Polarity.HIGHER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.NOT_COMPARED);
    // a suppressed DSR (total count 9 < 10) has NaN limits
    Estimate suppressed =
        DirectlyStandardisedRates.dobson95And998(
            new double[] {9}, new double[] {100}, new double[] {1}, 100_000);
    assertThat(Benchmarks.compare(suppressed, 0.95, 5000, Polarity.LOWER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.NOT_COMPARED);
    // no interval at the requested level
    Estimate only95 = Estimate.of(0.82, java.util.List.of(R3), 100, "wilson");
    assertThat(Benchmarks.compare(only95, 0.998, 0.70, Polarity.HIGHER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.NOT_COMPARED);
    assertThat(Benchmarks.compare(only95, 0.95, 0.70, Polarity.HIGHER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.BETTER);
    assertThat(BenchmarkComparison.NOT_COMPARED.label()).isEqualTo("Not compared");
    assertThat(BenchmarkComparison.BETTER.colour()).isEqualTo("#92D050");
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> Benchmarks.compare(R3, 0.5, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("polarity is null");
    assertThatThrownBy(() -> Benchmarks.compare((Interval) null, 0.5, Polarity.NO_POLARITY))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("interval is null");
  }
}
