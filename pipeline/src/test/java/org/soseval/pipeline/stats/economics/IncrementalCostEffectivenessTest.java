package org.soseval.pipeline.stats.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IncrementalCostEffectivenessTest {

  @Test
  void reproducesMethodsSection8Example() {
    // methods.md section 8: 3,450 vs 3,100; re-referral 15.0% vs 21.9% -> 5,072.46 per re-referral
    // avoided. R 4.2.2: (3450 - 3100) / (0.219 - 0.150) = 5072.46376811594
    IncrementalCostEffectiveness icer =
        IncrementalCostEffectiveness.of(3450, 0.150, 3100, 0.219, EffectDirection.LOWER_IS_BETTER);

    assertThat(icer.deltaCost()).isEqualTo(350.0);
    assertThat(icer.deltaEffect()).isCloseTo(0.069, within(1e-15));
    assertThat(icer.quadrant()).isEqualTo(CostEffectivenessQuadrant.NORTH_EAST);
    assertThat(icer.ratio().orElseThrow()).isCloseTo(5072.46376811594, within(1e-9));
  }

  @Test
  void cheaperAndBetterIsDominantWithoutRatio() {
    IncrementalCostEffectiveness icer =
        IncrementalCostEffectiveness.of(3000, 0.15, 3100, 0.219, EffectDirection.LOWER_IS_BETTER);

    assertThat(icer.quadrant()).isEqualTo(CostEffectivenessQuadrant.DOMINANT);
    assertThat(icer.ratio()).isEmpty();
  }

  @Test
  void dearerAndWorseIsDominatedWithoutRatio() {
    IncrementalCostEffectiveness icer =
        IncrementalCostEffectiveness.of(3450, 0.25, 3100, 0.219, EffectDirection.LOWER_IS_BETTER);

    assertThat(icer.quadrant()).isEqualTo(CostEffectivenessQuadrant.DOMINATED);
    assertThat(icer.ratio()).isEmpty();
  }

  @Test
  void cheaperAndWorseIsSouthWestWithSavingPerUnitLost() {
    IncrementalCostEffectiveness icer =
        IncrementalCostEffectiveness.of(2900, 9, 3100, 10, EffectDirection.HIGHER_IS_BETTER);

    assertThat(icer.quadrant()).isEqualTo(CostEffectivenessQuadrant.SOUTH_WEST);
    // -200 / -1: 200 saved per unit of effect lost
    assertThat(icer.ratio().orElseThrow()).isEqualTo(200.0);
  }

  @Test
  void zeroEffectDifferenceHasNoRatio() {
    assertThat(
            IncrementalCostEffectiveness.of(3450, 10, 3100, 10, EffectDirection.HIGHER_IS_BETTER))
        .satisfies(
            icer -> {
              assertThat(icer.quadrant()).isEqualTo(CostEffectivenessQuadrant.DOMINATED);
              assertThat(icer.ratio()).isEmpty();
            });
    assertThat(
            IncrementalCostEffectiveness.of(3000, 10, 3100, 10, EffectDirection.HIGHER_IS_BETTER)
                .quadrant())
        .isEqualTo(CostEffectivenessQuadrant.DOMINANT);
    assertThat(
            IncrementalCostEffectiveness.of(3100, 10, 3100, 10, EffectDirection.HIGHER_IS_BETTER))
        .satisfies(
            icer -> {
              assertThat(icer.quadrant()).isEqualTo(CostEffectivenessQuadrant.NO_DIFFERENCE);
              assertThat(icer.ratio()).isEmpty();
            });
  }

  @Test
  void netMonetaryBenefitWeighsEffectAtWillingnessToPay() {
    IncrementalCostEffectiveness icer =
        IncrementalCostEffectiveness.of(3450, 12, 3100, 10, EffectDirection.HIGHER_IS_BETTER);

    assertThat(icer.netMonetaryBenefit(200)).isEqualTo(50.0);
  }

  @Test
  void rejectsNonFiniteInputs() {
    assertThatThrownBy(
            () ->
                IncrementalCostEffectiveness.of(
                    Double.NaN, 1, 2, 3, EffectDirection.HIGHER_IS_BETTER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("costIntervention must be finite: NaN");
  }
}
