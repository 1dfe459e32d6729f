package org.soseval.pipeline.stats.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;

class PheFunnelsTest {
  @Test
  void axisRoundsNinetyFivePercentDownAndOneHundredFivePercentUp() {
    // methods.md §4.3 item 4: denominators 16,386-102,950 -> axis 0-110,000; 16,386-30,929 ->
    // 10,000-33,000
    assertThat(PheFunnels.floorSignificant(16_386)).isEqualTo(10_000);
    assertThat(PheFunnels.ceilingSignificant(102_950)).isEqualTo(110_000);
    assertThat(PheFunnels.ceilingSignificant(30_929)).isEqualTo(33_000);
    double[] grid = PheFunnels.axis(16_386, 30_929, false);
    assertThat(grid).hasSize(100).startsWith(10_000, 10_121, 10_244);
    // methods.md §9 R12b: full input -> 1, 2, 3, ..., 89294, 99108, 110000
    double[] full = PheFunnels.axis(16_386, 102_950, false);
    assertThat(full).startsWith(1, 2, 3).endsWith(89_294, 99_108, 110_000);
  }

  @Test
  void oneUnitFunnelStartsAtItsRoundedDenominator() {
    FunnelLimits limits = PheFunnels.proportionLimits(new double[] {45}, new double[] {150}, 100);
    assertThat(limits.baseline()).isEqualTo(30);
    assertThat(limits.points()).hasSize(100);
    // axis 100 (95% of 150 to 1 s.f.) to 160 (105% to 2 s.f.); every step adds at least 1, so
    // the grid overruns to 199. R 4.2.2, the package's loop: g <- 100; for (j in 2:100)
    // g[j] <- max(round((160/g[j-1])^(1/(101-j))*g[j-1]), g[j-1]+1) -> 100 101 102 ... 199
    assertThat(limits.points().get(0).axis()).isEqualTo(100);
    assertThat(limits.points().get(2).axis()).isEqualTo(102);
    assertThat(limits.points().get(99).axis()).isEqualTo(199);
    assertThat(PheFunnels.proportionSignificance(new double[] {45}, new double[] {150}))
        .containsExactly(FunnelSignificance.NOT_SIGNIFICANT);
  }

  @Test
  void proportionWorkedCaseAtFour() {
    // methods.md §9 R12: baseline 80.642448%, N = 4 -> lower 2s 41.923356, lower 3s 19.594903,
    // upper 100; the same limit lines as a target of 0.80642448 at N = 4
    double target = 0.806424478571495;
    assertClose(
        "lower 2s", 100 * PheFunnels.normalLimit(target, 4, -1.959963984540054), 41.923356, 1e-6);
    assertClose(
        "lower 3s", 100 * PheFunnels.normalLimit(target, 4, -3.090232306167813), 19.594903, 1e-6);
  }

  @Test
  void dsrUnitsBelowTenEventsAreNotApplicable() {
    List<FunnelSignificance> labels =
        PheFunnels.rateSignificance(
            new double[] {9, 400, 0}, new double[] {50, 120, 0}, RateType.DSR, 100_000);
    assertThat(labels)
        .containsExactly(
            FunnelSignificance.NOT_APPLICABLE,
            FunnelSignificance.NOT_SIGNIFICANT,
            FunnelSignificance.NOT_APPLICABLE);
    assertThat(FunnelSignificance.NOT_APPLICABLE.label())
        .isEqualTo("Not applicable for events less than 10 for dsrs");
  }

  @Test
  void rejectsBadInputWithTheArgumentAndValue() {
    assertThatThrownBy(() -> PheFunnels.proportionLimits(new double[] {5}, new double[] {0}, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("denominator must be > 0: 0");
    assertThatThrownBy(
            () -> PheFunnels.proportionSignificance(new double[] {11}, new double[] {10}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numerator must be <= denominator (10): 11");
    assertThatThrownBy(
            () ->
                PheFunnels.ratioLimits(new double[] {Double.NaN}, new double[] {2}, RatioType.ISR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("observed must be >= 0: NaN");
    assertThatThrownBy(() -> PheFunnels.ratioSignificance(new double[] {1, 2}, new double[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected must have one value per unit (2): 1");
    assertThatThrownBy(
            () ->
                PheFunnels.rateLimits(
                    new double[] {0, 5}, new double[] {0, 10}, RateType.CRUDE, 1e5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot derive a crude-rate denominator for a unit with 0 events: supply denominators");
    assertThatThrownBy(
            () -> PheFunnels.rateLimits(new double[] {5}, new double[] {10}, RateType.DSR, 1e5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("yearsOfData must be > 0: 0");
    assertThatThrownBy(
            () -> PheFunnels.rateLimits(new double[] {0}, new double[] {0}, RateType.DSR, 1e5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("total events must be > 0: 0");
  }
}
