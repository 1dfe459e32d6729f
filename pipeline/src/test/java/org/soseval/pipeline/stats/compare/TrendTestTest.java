package org.soseval.pipeline.stats.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import org.junit.jupiter.api.Test;

class TrendTestTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void matchesPropTrendTest() {
    // R 4.2.2: prop.trend.test(c(120,135,150,170,190), c(1000,1010,990,1005,1000))
    TrendTest rising =
        TrendTest.armitage(
            new double[] {120, 135, 150, 170, 190}, new double[] {1000, 1010, 990, 1005, 1000});
    assertClose("X2", rising.chiSquare(), 23.822709516029665, TOLERANCE);
    assertClose("p", rising.pValue(), 1.0562886291999983e-06, TOLERANCE);
    assertThat(rising.points()).isEqualTo(5);
    // R 4.2.2: prop.trend.test(c(50,52,49,51,50), rep(500, 5))
    TrendTest flat =
        TrendTest.armitage(
            new double[] {50, 52, 49, 51, 50}, new double[] {500, 500, 500, 500, 500});
    assertClose("flat X2", flat.chiSquare(), 0.0022065469129524591, TOLERANCE);
    assertClose("flat p", flat.pValue(), 0.96253403246577773, TOLERANCE);
  }

  @Test
  void acceptsScores() {
    // R 4.2.2: prop.trend.test(c(15,10,8), c(50,50,50), score = c(0,1,3))
    TrendTest scored =
        TrendTest.armitage(
            new double[] {15, 10, 8}, new double[] {50, 50, 50}, new double[] {0, 1, 3});
    assertClose("X2", scored.chiSquare(), 2.4975024975024969, TOLERANCE);
    assertClose("p", scored.pValue(), 0.11402699778082911, TOLERANCE);
  }

  @Test
  void noEventsGiveNaN() {
    TrendTest none = TrendTest.armitage(new double[] {0, 0, 0}, new double[] {10, 10, 10});
    assertThat(none.chiSquare()).isNaN();
    assertThat(none.pValue()).isNaN();
  }

  @Test
  void rejectsBadInputWithTheArgumentAndValue() {
    assertThatThrownBy(() -> TrendTest.armitage(new double[] {1}, new double[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts needs at least 2 values: 1");
    assertThatThrownBy(() -> TrendTest.armitage(new double[] {1, 3}, new double[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be <= denominator (2): 3");
    assertThatThrownBy(() -> TrendTest.armitage(new double[] {1, 1}, new double[] {2, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("denominator must be > 0: 0");
    assertThatThrownBy(() -> TrendTest.armitage(new double[] {1, Double.NaN}, new double[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be >= 0: NaN");
  }
}
