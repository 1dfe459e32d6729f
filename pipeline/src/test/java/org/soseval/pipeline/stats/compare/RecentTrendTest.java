package org.soseval.pipeline.stats.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import org.junit.jupiter.api.Test;

/**
 * Chi-square values: R 4.2.2 {@code prop.trend.test(x, n)}; slopes: R 4.2.2 {@code
 * coef(lm(qlogis(x/n) ~ t))[2]} with t = 1..5, and the same leaving each point out.
 */
class RecentTrendTest {
  private static final double TOLERANCE = 1e-9;
  private static final double[] RISING = {120, 135, 150, 170, 190};
  private static final double[] RISING_N = {1000, 1010, 990, 1005, 1000};

  @Test
  void significantRiseIsLabelledByPolarity() {
    // X2 23.822709516029665 > 9.5495357; slope 0.13621557984870053, all leave-one-out > 0
    RecentTrend better = RecentTrend.of(RISING, RISING_N, Polarity.HIGHER_IS_BETTER);
    assertThat(better.marker()).isEqualTo(TrendMarker.INCREASING_AND_GETTING_BETTER);
    assertThat(better.significant()).isTrue();
    assertClose("X2", better.test().chiSquare(), 23.822709516029665, TOLERANCE);
    assertClose("slope", better.logitSlope(), 0.13621557984870053, TOLERANCE);
    assertThat(RecentTrend.of(RISING, RISING_N, Polarity.LOWER_IS_BETTER).marker())
        .isEqualTo(TrendMarker.INCREASING_AND_GETTING_WORSE);
    assertThat(RecentTrend.of(RISING, RISING_N, Polarity.NO_POLARITY).marker())
        .isEqualTo(TrendMarker.INCREASING);
  }

  @Test
  void significantFallIsLabelledByPolarity() {
    // R 4.2.2: prop.trend.test(c(200,190,185,160,150), rep(1000,5)) X2 11.601485539331749;
    // slope -0.090483128963396622, leave-one-out all < 0
    double[] x = {200, 190, 185, 160, 150};
    double[] n = {1000, 1000, 1000, 1000, 1000};
    RecentTrend trend = RecentTrend.of(x, n, Polarity.LOWER_IS_BETTER);
    assertThat(trend.marker()).isEqualTo(TrendMarker.DECREASING_AND_GETTING_BETTER);
    assertClose("X2", trend.test().chiSquare(), 11.601485539331749, TOLERANCE);
    assertClose("slope", trend.logitSlope(), -0.090483128963396622, TOLERANCE);
    assertThat(RecentTrend.of(x, n, Polarity.HIGHER_IS_BETTER).marker())
        .isEqualTo(TrendMarker.DECREASING_AND_GETTING_WORSE);
    assertThat(RecentTrend.of(x, n, Polarity.NO_POLARITY).marker())
        .isEqualTo(TrendMarker.DECREASING);
  }

  @Test
  void usesOnlyTheLastFivePoints() {
    // an older sixth point is ignored: same X2 as the five-point series above
    RecentTrend trend =
        RecentTrend.of(
            new double[] {90, 120, 135, 150, 170, 190},
            new double[] {1000, 1000, 1010, 990, 1005, 1000},
            Polarity.HIGHER_IS_BETTER);
    assertClose("X2", trend.test().chiSquare(), 23.822709516029665, TOLERANCE);
    assertThat(trend.test().points()).isEqualTo(5);
  }

  @Test
  void inconsistentLeaveOneOutSlopeIsNoSignificantChange() {
    // R 4.2.2: prop.trend.test(c(300,290,280,270,600), rep(1000,5)) X2 148.26175869120678, but the
    // slope without the last point is -0.0491052 while the full slope is 0.24062874089015146
    RecentTrend trend =
        RecentTrend.of(
            new double[] {300, 290, 280, 270, 600},
            new double[] {1000, 1000, 1000, 1000, 1000},
            Polarity.HIGHER_IS_BETTER);
    assertClose("X2", trend.test().chiSquare(), 148.26175869120678, TOLERANCE);
    assertThat(trend.significant()).isFalse();
    assertThat(trend.marker()).isEqualTo(TrendMarker.NO_SIGNIFICANT_CHANGE);
  }

  @Test
  void smallChiSquareIsNoSignificantChange() {
    // R 4.2.2: prop.trend.test(c(50,52,49,51,50), rep(500,5)) X2 0.0022065469129524591
    RecentTrend trend =
        RecentTrend.of(
            new double[] {50, 52, 49, 51, 50},
            new double[] {500, 500, 500, 500, 500},
            Polarity.NO_POLARITY);
    assertThat(trend.marker()).isEqualTo(TrendMarker.NO_SIGNIFICANT_CHANGE);
    assertThat(RecentTrend.CHI_SQUARE_998).isEqualTo(9.54953570608324); // qchisq(0.998, 1)
  }

  @Test
  void cannotBeCalculatedWithFewerThanFivePointsOrAnEdgeCount() {
    assertThat(
            RecentTrend.of(
                    new double[] {1, 2, 3, 4}, new double[] {9, 9, 9, 9}, Polarity.NO_POLARITY)
                .marker())
        .isEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
    assertThat(
            RecentTrend.of(
                    new double[] {1, 2, 3, 4, 9},
                    new double[] {9, 9, 9, 9, 9},
                    Polarity.NO_POLARITY)
                .marker())
        .isEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
    RecentTrend zero =
        RecentTrend.of(
            new double[] {0, 2, 3, 4, 5}, new double[] {9, 9, 9, 9, 9}, Polarity.NO_POLARITY);
    assertThat(zero.marker()).isEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
    assertThat(zero.test().chiSquare()).isNaN();
  }

  @Test
  void rejectsBadInputWithTheArgumentAndValue() {
    assertThatThrownBy(
            () -> RecentTrend.of(new double[] {1, 2}, new double[] {3}, Polarity.NO_POLARITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("denominators must have one value per point (2): 1");
    assertThatThrownBy(
            () -> RecentTrend.of(new double[] {4}, new double[] {3}, Polarity.NO_POLARITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be <= denominator (3): 4");
    assertThatThrownBy(
            () -> RecentTrend.of(new double[] {1}, new double[] {Double.NaN}, Polarity.NO_POLARITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("denominator must be > 0: NaN");
  }
}
