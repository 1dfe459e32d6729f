package org.soseval.pipeline.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DerivedValuesTest {
  private static final DisclosureProfile DFE = DisclosureProfile.dfe();

  @Test
  void percentageOfASuppressedCountIsSuppressed() {
    assertThat(DerivedValues.percent(3, true, 40, false, DFE).text()).isEqualTo("c");
    assertThat(DerivedValues.percent(30, false, 40, true, DFE).text()).isEqualTo("c");
  }

  @Test
  void percentageIsComputedFromUnroundedCountsAndRoundedHalfUpOnce() {
    // 180 / 800 = 22.5% (methods.md section 6 second-or-subsequent CPP example)
    assertThat(DerivedValues.percent(180, false, 800, false, DFE).text()).isEqualTo("22.5");
    // 82 / 100 = 82.0% keeps its one decimal place
    assertThat(DerivedValues.percent(82, false, 100, false, DFE).text()).isEqualTo("82.0");
  }

  @Test
  void percentageOfSmallOrZeroBaseIsSuppressedOrNotApplicable() {
    assertThat(DerivedValues.percent(2, false, 5, false, DFE).text()).isEqualTo("c");
    assertThat(DerivedValues.percent(0, false, 0, false, DFE).text()).isEqualTo("z");
    // survey items: no % on a base below 10 (methods.md section 6)
    DisclosureProfile survey = DFE.withMinimumPercentBase(10);
    assertThat(DerivedValues.percent(7, false, 9, false, survey).text()).isEqualTo("c");
    assertThat(DerivedValues.percent(7, false, 10, false, survey).text()).isEqualTo("70.0");
  }

  @Test
  void nonZeroValueThatRoundsToZeroIsLow() {
    // 1 / 40,000 = 0.0025% -> 0.0 at 1 dp but not zero
    assertThat(DerivedValues.percent(1, false, 40_000, false, DFE))
        .satisfies(value -> assertThat(value.symbol()).contains(Symbol.LOW))
        .satisfies(value -> assertThat(value.text()).isEqualTo("low"));
    assertThat(DerivedValues.percent(0, false, 40_000, false, DFE).text()).isEqualTo("0.0");
  }

  @Test
  void rateUsesThePopulationAsBase() {
    // methods.md R9 and section 3: 1234 / 52,345 x 10,000 -> 235.7; 7 / 2,100 -> 33.3
    assertThat(DerivedValues.rate(1234, false, 52_345, 10_000, DFE).text()).isEqualTo("235.7");
    assertThat(DerivedValues.rate(7, false, 2100, 10_000, DFE).text()).isEqualTo("33.3");
    assertThat(DerivedValues.rate(4, true, 2100, 10_000, DFE).text()).isEqualTo("c");
  }

  @Test
  void averageOfFewerThanTenCasesIsSuppressed() {
    assertThat(DerivedValues.average(220.5, 9, DFE).text()).isEqualTo("c");
    // methods.md section 3: median of ten durations 220.5 is published with its .5
    assertThat(DerivedValues.average(220.5, 10, DFE).text()).isEqualTo("220.5");
    assertThat(DerivedValues.average(298.8, 10, DFE).text()).isEqualTo("298.8");
    assertThat(DerivedValues.average(Double.NaN, 0, DFE).text()).isEqualTo("z");
  }
}
