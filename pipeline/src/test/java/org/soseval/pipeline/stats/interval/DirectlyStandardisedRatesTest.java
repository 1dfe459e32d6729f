package org.soseval.pipeline.stats.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Estimate;

class DirectlyStandardisedRatesTest {
  @Test
  void esp2013HasNineteenBandsSummingToOneHundredThousand() {
    double[] esp = DirectlyStandardisedRates.esp2013();
    assertThat(esp).hasSize(19);
    assertThat(java.util.Arrays.stream(esp).sum()).isEqualTo(100_000);
    esp[0] = 0;
    assertThat(DirectlyStandardisedRates.esp2013()[0]).isEqualTo(5000);
  }

  @Test
  void totalCountBelowTenGivesNaNValueAndLimits() {
    Estimate estimate =
        DirectlyStandardisedRates.dobson95And998(
            new double[] {4, 5}, new double[] {100, 200}, new double[] {1, 1}, 100_000);
    assertThat(estimate.value()).isNaN();
    assertThat(estimate.n()).isEqualTo(9);
    assertThat(estimate.interval(0.95).lower()).isNaN();
    assertThat(estimate.interval(0.998).upper()).isNaN();
    assertThat(estimate.method()).isEqualTo("dobson");
  }

  @Test
  void singleBandEqualsTheCrudeRateWithByarsLimits() {
    // one band: DSR = x/n; var/O = 1/n^2, so limits are Byars(x)/n (PHE crude-rate test data,
    // testdata_Rate Area3: 20/100 per 100 -> 20, 12.211428834875937-30.889880369197066)
    Estimate estimate =
        DirectlyStandardisedRates.dobson(
            new double[] {20}, new double[] {100}, new double[] {7}, 100, 0.95);
    assertClose("value", estimate.value(), 20, 1e-12);
    assertClose("lower", estimate.interval(0.95).lower(), 12.211428834875937, 1e-9);
    assertClose("upper", estimate.interval(0.95).upper(), 30.889880369197066, 1e-9);
  }

  @Test
  void rejectsInvalidBandsWithTheArgumentAndValue() {
    double[] one = {1};
    assertThatThrownBy(() -> DirectlyStandardisedRates.dobson(new double[] {-1}, one, one, 1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be >= 0: -1");
    assertThatThrownBy(
            () -> DirectlyStandardisedRates.dobson(new double[] {Double.NaN}, one, one, 1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be >= 0: NaN");
    assertThatThrownBy(() -> DirectlyStandardisedRates.dobson(one, new double[] {0}, one, 1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("population must be > 0: 0");
    assertThatThrownBy(
            () -> DirectlyStandardisedRates.dobson(one, new double[] {1, 2}, one, 1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("populations must have one value per band (1): 2");
    assertThatThrownBy(() -> DirectlyStandardisedRates.dobson(one, one, new double[] {0}, 1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("standardPopulation total must be > 0: 0");
    assertThatThrownBy(
            () ->
                DirectlyStandardisedRates.dobson(
                    new double[0], new double[0], new double[0], 1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts needs at least 1 values: 0");
    assertThatThrownBy(() -> DirectlyStandardisedRates.dobson(one, one, one, 1, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1): 1");
  }
}
