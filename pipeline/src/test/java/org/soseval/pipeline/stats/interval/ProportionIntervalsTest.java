package org.soseval.pipeline.stats.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;

class ProportionIntervalsTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void clopperPearsonMatchesBinomTest() {
    // R 4.2.2: binom.test(7, 20, conf.level=0.95)$conf.int
    assertInterval(
        ProportionIntervals.clopperPearson(7, 20, 0.95), 0.15390920478454115, 0.59218853453282816);
    // R 4.2.2: binom.test(7, 20, conf.level=0.998)$conf.int
    assertInterval(
        ProportionIntervals.clopperPearson(7, 20, 0.998),
        0.086234106695144461,
        0.70702025186886608);
    // R 4.2.2: binom.test(82, 100, conf.level=0.95)$conf.int
    assertInterval(
        ProportionIntervals.clopperPearson(82, 100, 0.95),
        0.73052291403318803,
        0.88968877084673947);
    // R 4.2.2: binom.test(82, 100, conf.level=0.9)$conf.int
    assertInterval(
        ProportionIntervals.clopperPearson(82, 100, 0.9), 0.74485511911053792, 0.88030922199141881);
  }

  @Test
  void clopperPearsonHandlesNoneAllAndSingleTrial() {
    // R 4.2.2: binom.test(0, 25, conf.level=0.95)$conf.int
    assertInterval(ProportionIntervals.clopperPearson(0, 25, 0.95), 0, 0.13718517153071252);
    // R 4.2.2: binom.test(25, 25, conf.level=0.95)$conf.int
    assertInterval(ProportionIntervals.clopperPearson(25, 25, 0.95), 0.86281482846928748, 1);
    // R 4.2.2: binom.test(1, 1, conf.level=0.95)$conf.int
    assertInterval(ProportionIntervals.clopperPearson(1, 1, 0.95), 0.025000000000000022, 1);
    // R 4.2.2: binom.test(0, 1, conf.level=0.95)$conf.int
    assertInterval(ProportionIntervals.clopperPearson(0, 1, 0.95), 0, 0.97499999999999998);
  }

  @Test
  void wilsonMatchesWorkedCases() {
    // methods.md §9 R3 (R prop.test(82, 100, correct=FALSE) + statsmodels proportion_confint)
    Interval r3 = ProportionIntervals.wilson(82, 100, 0.95);
    assertClose("R3 lower", r3.lower(), 0.7333264161, 1e-9);
    assertClose("R3 upper", r3.upper(), 0.8829977450, 1e-9);
    // methods.md §9 R4: 0/25 and 25/25
    assertInterval(ProportionIntervals.wilson(0, 25, 0.95), 0, 0.1331922509);
    assertInterval(ProportionIntervals.wilson(25, 25, 0.95), 0.8668077491, 1);
  }

  @Test
  void estimatesCarryBothFingertipsLevelsAndTheMultiplier() {
    Estimate estimate = ProportionIntervals.clopperPearson95And998(7, 20, 100);
    assertThat(estimate.method()).isEqualTo("clopper-pearson");
    assertThat(estimate.n()).isEqualTo(20);
    assertClose("value", estimate.value(), 35, 1e-15);
    assertThat(estimate.intervals()).extracting(Interval::level).containsExactly(0.95, 0.998);
    // R 4.2.2: binom.test(7, 20, conf.level=0.998)$conf.int * 100
    assertClose("lower", estimate.interval(0.998).lower(), 8.6234106695144461, TOLERANCE);
    assertClose("upper", estimate.interval(0.998).upper(), 70.702025186886608, TOLERANCE);
    // an arbitrary level: R 4.2.2 binom.test(82, 100, conf.level=0.9)$conf.int
    Estimate ninety = ProportionIntervals.clopperPearsonEstimate(82, 100, 1, 0.9);
    assertClose("90% lower", ninety.interval(0.9).lower(), 0.74485511911053792, TOLERANCE);
  }

  @Test
  void rejectsInvalidCountsWithTheArgumentAndValue() {
    assertThatThrownBy(() -> ProportionIntervals.clopperPearson(1, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be > 0: 0");
    assertThatThrownBy(() -> ProportionIntervals.wilson(1, -3, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be > 0: -3");
    assertThatThrownBy(() -> ProportionIntervals.clopperPearson(21, 20, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be <= n (20): 21");
    assertThatThrownBy(() -> ProportionIntervals.clopperPearson(Double.NaN, 20, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be >= 0: NaN");
    assertThatThrownBy(() -> ProportionIntervals.wilson(1, Double.NaN, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be > 0: NaN");
    assertThatThrownBy(() -> ProportionIntervals.wilson(-1, 10, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be >= 0: -1");
  }

  @Test
  void rejectsLevelsOutsideTheOpenUnitInterval() {
    assertThatThrownBy(() -> ProportionIntervals.clopperPearson(1, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1): 1");
    assertThatThrownBy(() -> ProportionIntervals.wilson(1, 10, 95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1): 95");
    assertThatThrownBy(() -> ProportionIntervals.wilsonEstimate(1, 10, 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1): NaN");
    assertThatThrownBy(() -> ProportionIntervals.wilsonEstimate(1, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("levels needs at least 1 values: 0");
    assertThatThrownBy(() -> ProportionIntervals.wilsonEstimate(1, 10, 1, 0.95, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("levels must be distinct: [0.95, 0.95]");
    assertThatThrownBy(() -> ProportionIntervals.wilson95And998(1, 10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("multiplier must be > 0: 0");
  }

  private static void assertInterval(Interval interval, double lower, double upper) {
    assertClose("lower", interval.lower(), lower, TOLERANCE);
    assertClose("upper", interval.upper(), upper, TOLERANCE);
  }
}
