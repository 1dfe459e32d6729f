package org.soseval.pipeline.stats.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;

class RateIntervalsTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void exactLimitsMatchPoissonTest() {
    // R 4.2.2: poisson.test(3, conf.level=0.9)$conf.int
    Interval three = PoissonLimits.exact(3, 0.9);
    assertClose("lower", three.lower(), 0.81769144716395326, TOLERANCE);
    assertClose("upper", three.upper(), 7.7536565279327254, TOLERANCE);
    // R 4.2.2: poisson.test(0, conf.level=0.95)$conf.int
    Interval zero = PoissonLimits.exact(0, 0.95);
    assertThat(zero.lower()).isZero();
    assertClose("upper", zero.upper(), 3.6888794541139354, TOLERANCE);
  }

  @Test
  void ratePerTenThousandMatchesWorkedCase() {
    // methods.md §3 / §9 R9: 1234 / 52,345 per 10,000 -> 235.743624, Byars 222.772233-249.273240
    Estimate estimate = RateIntervals.rate(1234, 52_345, 10_000, 0.95);
    assertThat(estimate.method()).isEqualTo("byars");
    assertClose("value", estimate.value(), 235.743624, 1e-8);
    assertClose("lower", estimate.interval(0.95).lower(), 222.772233, 1e-8);
    assertClose("upper", estimate.interval(0.95).upper(), 249.273240, 1e-8);
    // methods.md §3: 7 / 2,100 -> exact 95% 13.40-68.68 per 10,000
    Estimate small = RateIntervals.rate95And998(7, 2_100, 10_000);
    assertThat(small.method()).isEqualTo("exact");
    assertClose("small lower", small.interval(0.95).lower(), 13.40, 5e-4);
    assertClose("small upper", small.interval(0.95).upper(), 68.68, 5e-4);
  }

  @Test
  void zeroEventsGiveZeroRateAndExactLimits() {
    Estimate estimate = RateIntervals.rate95And998(0, 1000, 100_000);
    assertThat(estimate.value()).isZero();
    assertThat(estimate.n()).isZero();
    assertThat(estimate.method()).isEqualTo("exact");
    assertThat(estimate.interval(0.95).lower()).isZero();
    // R 4.2.2: poisson.test(0, conf.level=0.95)$conf.int[2] / 1000 * 1e5
    assertClose("upper", estimate.interval(0.95).upper(), 368.88794541139354, TOLERANCE);
  }

  @Test
  void byarsLowerLimitIsNaNWhereNegativeAsThePackagesNa() {
    // PHE testdata_B_W last row: Byars x = 1 at 99.8% has lower NA
    assertThat(PoissonLimits.byars(1, 0.998).lower()).isNaN();
    assertThat(PoissonLimits.byars(0, 0.95).lower()).isNaN();
  }

  @Test
  void rejectsInvalidArgumentsWithTheArgumentAndValue() {
    assertThatThrownBy(() -> RateIntervals.rate(-1, 10, 100, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be >= 0: -1");
    assertThatThrownBy(() -> RateIntervals.rate(1, 0, 100, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be > 0: 0");
    assertThatThrownBy(() -> RateIntervals.rate(1, Double.POSITIVE_INFINITY, 100, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be finite: Infinity");
    assertThatThrownBy(() -> RateIntervals.rate(Double.NaN, 10, 100, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be >= 0: NaN");
    assertThatThrownBy(() -> RateIntervals.rate(1, 10, 100, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1): 0");
    assertThatThrownBy(() -> PoissonLimits.byars(5, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1): 1.5");
  }
}
