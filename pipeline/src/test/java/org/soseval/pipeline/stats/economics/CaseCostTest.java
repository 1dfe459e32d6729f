package org.soseval.pipeline.stats.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference values: pipeline/src/test/resources/golden/stats/economics_reference.R (R 4.2.2). The
 * index table is illustrative, not a published PSSRU series.
 */
class CaseCostTest {
  private static final PriceIndex INDEX =
      PriceIndex.of(
          "illustrative PSS pay and prices",
          Map.of(2013, 100.0, 2014, 101.2, 2015, 102.9, 2016, 104.1, 2023, 131.7));

  @Test
  void costsHoursTimesUnitCostLikeMethodsSection8() {
    // methods.md section 8: 18 h client-related work x 55 = 990 (2013/14 prices)
    CaseCost cost =
        CaseCost.of(List.of(CostLine.hours("client-related work", 18, 55, 2013)), INDEX, 2013);

    assertThat(cost.total()).isEqualTo(990.0);
    assertThat(cost.priceYear()).isEqualTo(2013);
  }

  @Test
  void upratesEachLineFromItsOwnPriceYear() {
    CaseCost cost =
        CaseCost.of(
            List.of(
                CostLine.hours("client-related work", 18, 55, 2013),
                CostLine.hours("supervision", 6.5, 42.10, 2016),
                CostLine.direct("family group conference", 1200, 2015)),
            INDEX,
            2023);

    // R 4.2.2: 990 * 131.7 / 100
    assertThat(cost.lines().get(0).amount()).isCloseTo(1303.83, within(1e-9));
    // R 4.2.2: economics_reference.R "case cost in 2023 prices"
    assertThat(cost.total()).isCloseTo(3185.8927960612, within(1e-9));
    assertThat(cost.lines())
        .extracting(line -> line.line().label())
        .containsExactly("client-related work", "supervision", "family group conference");
  }

  @Test
  void noLinesCostNothing() {
    assertThat(CaseCost.of(List.of(), INDEX, 2023).total()).isZero();
  }

  @Test
  void missingIndexYearIsAClearError() {
    assertThatThrownBy(
            () -> CaseCost.of(List.of(CostLine.direct("placement", 646, 2017)), INDEX, 2023))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Price index illustrative PSS pay and prices has no value for 2017: it has 5 values"
                + " from 2013 to 2023; add the year to the index table");
    assertThatThrownBy(() -> INDEX.uprate(100, 2013, 2024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no value for 2024");
  }

  @Test
  void rejectsInvalidIndexValuesAndLines() {
    assertThatThrownBy(() -> PriceIndex.of("deflator", Map.of(2020, 0.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deflator index for 2020 must be > 0: 0");
    assertThatThrownBy(() -> PriceIndex.of("deflator", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create price index deflator: no values");
    assertThatThrownBy(() -> CostLine.hours("visit", -1, 55, 2013))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantity must be >= 0: -1");
    assertThatThrownBy(() -> CostLine.direct("placement", Double.NaN, 2013))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unitCost must be finite: NaN");
  }
}
