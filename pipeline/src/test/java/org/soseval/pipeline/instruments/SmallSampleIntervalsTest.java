package org.soseval.pipeline.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Interval;

class SmallSampleIntervalsTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void newcombeMatchesStatsmodels() {
    // statsmodels 0.13.5: confint_proportions_2indep(45, 60, 30, 50, method="newcomb",
    // compare="diff") = (-0.024119368091840898, 0.3161400612020776)
    Interval change = SmallSampleIntervals.newcombe(30, 50, 45, 60, 0.95);
    assertThat(change.lower()).isCloseTo(-0.024119368091840898, within(TOLERANCE));
    assertThat(change.upper()).isCloseTo(0.3161400612020776, within(TOLERANCE));
    // confint_proportions_2indep(18, 20, 12, 25, ...) = (0.14678760273831482, 0.6136251868398568)
    Interval second = SmallSampleIntervals.newcombe(12, 25, 18, 20, 0.95);
    assertThat(second.lower()).isCloseTo(0.14678760273831482, within(TOLERANCE));
    assertThat(second.upper()).isCloseTo(0.6136251868398568, within(TOLERANCE));
  }

  @Test
  void meanAndWelchIntervalsMatchR() {
    double[] first = {55, 60, 72.5, 80, 45, 90, 65};
    double[] second = {70, 85, 77.5, 92.5, 60, 88, 95, 81};
    // R 4.2.2: t.test(a)$conf.int
    Interval mean = SmallSampleIntervals.mean(first, 0.95);
    assertThat(mean.lower()).isCloseTo(52.613485087452, within(1e-9));
    assertThat(mean.upper()).isCloseTo(80.957943483977, within(1e-9));
    // R 4.2.2: t.test(b, a)$conf.int (Welch)
    Interval welch = SmallSampleIntervals.welch(first, second, 0.95);
    assertThat(welch.lower()).isCloseTo(-1.313714236815, within(1e-9));
    assertThat(welch.upper()).isCloseTo(29.992285665387, within(1e-9));
  }

  @Test
  void oneValueHasNoInterval() {
    assertThat(SmallSampleIntervals.mean(new double[] {3}, 0.95).lower()).isNaN();
  }
}
