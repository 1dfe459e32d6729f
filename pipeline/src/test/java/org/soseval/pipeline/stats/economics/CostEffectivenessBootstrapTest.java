package org.soseval.pipeline.stats.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Interval;

/**
 * Reference: pipeline/src/test/resources/golden/stats/economics_reference.R, R 4.2.2 boot 1.3-28.1,
 * {@code boot(d, stat, R = 200000, strata = d$arm)} and {@code quantile(type = 7)}. The RNGs
 * differ, so limits are compared within a Monte Carlo tolerance of about 5 standard errors of a
 * 2.5% quantile at B = 20,000.
 */
class CostEffectivenessBootstrapTest {
  private static final Arm INTERVENTION =
      Arm.of(
          "intervention",
          new double[] {5200, 4100, 6100, 3900, 4700, 5600, 4300, 5000, 6600, 4800, 5300, 4500},
          new double[] {14, 11, 17, 9, 13, 16, 12, 15, 18, 10, 14, 13});
  private static final Arm COMPARATOR =
      Arm.of(
          "comparator",
          new double[] {3900, 3500, 4200, 3100, 3700, 4400, 3300, 4000, 3600, 3800},
          new double[] {10, 8, 12, 7, 9, 11, 6, 10, 9, 8});

  @Test
  void percentileLimitsAgreeWithRBootWithinMonteCarloError() {
    CostEffectivenessBootstrap bootstrap =
        CostEffectivenessBootstrap.of(
            INTERVENTION, COMPARATOR, EffectDirection.HIGHER_IS_BETTER, 20_000, 0.95, 20240101L);

    // R: b$t0
    assertThat(bootstrap.estimate().deltaCost()).isCloseTo(1258.33333333333, within(1e-9));
    assertThat(bootstrap.estimate().deltaEffect()).isCloseTo(4.5, within(1e-12));
    assertThat(bootstrap.estimate().ratio().orElseThrow()).isCloseTo(279.62962962963, within(1e-9));
    // R: quantile(b$t[, j], c(0.025, 0.975), type = 7)
    assertInterval(bootstrap.deltaCostInterval(), 778.333333333333, 1763.33333333333, 25);
    assertInterval(bootstrap.deltaEffectInterval(), 2.66666666666667, 6.33333333333333, 0.1);
    assertInterval(bootstrap.ratioInterval().orElseThrow(), 232.548973362930, 345.185262668526, 3);
    // R: mean(b$t[, 1] > 0 & b$t[, 2] > 0) = 1
    assertThat(bootstrap.quadrantShares().get(CostEffectivenessQuadrant.NORTH_EAST)).isEqualTo(1.0);
    // R: mean(300 * b$t[, 2] - b$t[, 1] > 0) = 0.77398; at 500: 0.99985
    assertThat(bootstrap.probabilityCostEffective(300)).isCloseTo(0.77398, within(0.015));
    assertThat(bootstrap.probabilityCostEffective(500)).isCloseTo(0.99985, within(0.002));
  }

  @Test
  void sameSeedGivesIdenticalResultsAndAnotherSeedDiffers() {
    CostEffectivenessBootstrap first = run(42L);
    CostEffectivenessBootstrap second = run(42L);
    CostEffectivenessBootstrap other = run(43L);

    assertThat(second.deltaCostInterval()).isEqualTo(first.deltaCostInterval());
    assertThat(second.ratioInterval()).isEqualTo(first.ratioInterval());
    assertThat(second.seed()).isEqualTo(42L);
    assertThat(other.deltaCostInterval()).isNotEqualTo(first.deltaCostInterval());
  }

  @Test
  void resamplesWithinArmsSoConstantArmsGiveADegenerateInterval() {
    // If cases were pooled across arms the replicate differences would vary.
    Arm intervention = Arm.of("intervention", new double[] {100, 100, 100}, new double[] {1, 1, 1});
    Arm comparator = Arm.of("comparator", new double[] {50, 50}, new double[] {0, 0});

    CostEffectivenessBootstrap bootstrap =
        CostEffectivenessBootstrap.of(
            intervention, comparator, EffectDirection.HIGHER_IS_BETTER, 500, 0.95, 1L);

    assertThat(bootstrap.deltaCostInterval()).isEqualTo(Interval.of(50, 50, 0.95));
    assertThat(bootstrap.ratioInterval().orElseThrow()).isEqualTo(Interval.of(50, 50, 0.95));
  }

  @Test
  void mixedQuadrantsGiveNoRatioIntervalButReportShares() {
    Arm intervention =
        Arm.of("intervention", new double[] {120, 80, 130, 90}, new double[] {1, 0, 0, 1});
    Arm comparator =
        Arm.of("comparator", new double[] {100, 95, 105, 90}, new double[] {1, 0, 1, 0});

    CostEffectivenessBootstrap bootstrap =
        CostEffectivenessBootstrap.of(
            intervention, comparator, EffectDirection.HIGHER_IS_BETTER, 2000, 0.95, 7L);

    assertThat(bootstrap.estimate().deltaEffect()).isZero();
    assertThat(bootstrap.estimate().ratio()).isEmpty();
    assertThat(bootstrap.ratioInterval()).isEmpty();
    assertThat(bootstrap.quadrantShares().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-12));
    assertThat(bootstrap.quadrantShares().get(CostEffectivenessQuadrant.NORTH_EAST)).isPositive();
    assertThat(bootstrap.quadrantShares().get(CostEffectivenessQuadrant.DOMINANT)).isPositive();
  }

  @Test
  void rejectsBadArmsAndSettings() {
    assertThatThrownBy(() -> Arm.of("pilot", new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create arm pilot: 2 costs but 1 effects");
    assertThatThrownBy(() -> Arm.of("pilot", new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pilot cases needs at least 1 values: 0");
    assertThatThrownBy(
            () ->
                CostEffectivenessBootstrap.of(
                    INTERVENTION, COMPARATOR, EffectDirection.HIGHER_IS_BETTER, 0, 0.95, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replicates needs at least 1 values: 0");
  }

  private static CostEffectivenessBootstrap run(long seed) {
    return CostEffectivenessBootstrap.of(
        INTERVENTION, COMPARATOR, EffectDirection.HIGHER_IS_BETTER, 1000, 0.95, seed);
  }

  private static void assertInterval(
      Interval interval, double lower, double upper, double tolerance) {
    assertThat(interval.lower()).isCloseTo(lower, within(tolerance));
    assertThat(interval.upper()).isCloseTo(upper, within(tolerance));
  }
}
