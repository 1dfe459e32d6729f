package org.soseval.pipeline.derive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndicatorTallyTest {
  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    // R 4.x: median(c(3, 4, 10, 11)) = 7; quantile(c(3, 4), 0.5, type = 7) = 3.5
    IndicatorTally tally =
        new IndicatorTally()
            .add(Measure.ASSESSMENT, 11, 1)
            .add(Measure.ASSESSMENT, 3, 1)
            .add(Measure.ASSESSMENT, 10, 1)
            .add(Measure.ASSESSMENT, 4, 1)
            .add(Measure.ICPC_S47_DAYS, 4, 1)
            .add(Measure.ICPC_S47_DAYS, 3, 1);
    assertThat(tally.median(Measure.ASSESSMENT)).hasValue(7.0);
    assertThat(tally.median(Measure.ICPC_S47_DAYS)).hasValue(3.5);
  }

  @Test
  void medianOfRepeatedValuesUsesTheCounts() {
    // R: median(c(2, 2, 2, 9, 9)) = 2; median(c(1, 1, 5, 5)) = 3
    assertThat(
            new IndicatorTally()
                .add(Measure.ASSESSMENT, 9, 2)
                .add(Measure.ASSESSMENT, 2, 3)
                .median(Measure.ASSESSMENT))
        .hasValue(2.0);
    assertThat(
            new IndicatorTally()
                .add(Measure.ASSESSMENT, 1, 2)
                .add(Measure.ASSESSMENT, 5, 2)
                .median(Measure.ASSESSMENT))
        .hasValue(3.0);
  }

  @Test
  void medianOfNothingIsEmpty() {
    assertThat(new IndicatorTally().median(Measure.ASSESSMENT)).isEmpty();
  }

  @Test
  void thresholdIsInclusive() {
    IndicatorTally tally =
        new IndicatorTally()
            .add(Measure.ASSESSMENT, 45, 2)
            .add(Measure.ASSESSMENT, 46, 1)
            .add(Measure.ASSESSMENT, 0, 1);
    assertThat(tally.countAtMost(Measure.ASSESSMENT, 45)).isEqualTo(3);
    assertThat(tally.count(Measure.ASSESSMENT)).isEqualTo(4);
    assertThat(tally.countOf(Measure.ASSESSMENT, 45)).isEqualTo(2);
  }
}
