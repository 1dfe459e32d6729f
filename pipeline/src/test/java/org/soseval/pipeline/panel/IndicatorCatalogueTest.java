package org.soseval.pipeline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.compare.Polarity;

class IndicatorCatalogueTest {
  @Test
  void theCatalogueAndTheIndicatorsMatchOneToOneInOrder() {
    assertThat(IndicatorCatalogue.columns())
        .containsExactlyElementsOf(
            Arrays.stream(Indicator.values()).map(Indicator::column).toList());
  }

  @Test
  void everyIndicatorHasALabelAndDefinitionAndRatesHaveTheirCounts() {
    for (Indicator indicator : Indicator.values()) {
      assertThat(indicator.label()).as(indicator.column()).isNotBlank();
      assertThat(indicator.definition()).as(indicator.column()).isNotBlank();
      if (indicator.kind() == Indicator.Kind.RATE) {
        assertThat(indicator.denominator()).as(indicator.column()).contains("population_0_17");
        assertThat(indicator.numerator()).as(indicator.column()).isPresent();
      }
    }
  }

  @Test
  void polarityComesFromTheCatalogue() {
    assertThat(Indicator.REREFERRAL_12M_PERCENT.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
    assertThat(Indicator.ICPC_WITHIN_15WD_PERCENT.polarity()).isEqualTo(Polarity.HIGHER_IS_BETTER);
    assertThat(Indicator.ICPC_RATE.polarity()).isEqualTo(Polarity.NO_POLARITY);
  }
}
