package org.soseval.pipeline.stats.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Interval;

/**
 * Reference values: methods.md §4.2 / §9 R16-R17 (R + scipy), re-computed with R 4.2.2 as {@code r
 * <- qbinom(p, n, t); a <- (pbinom(r, n, t) - p) / (pbinom(r, n, t) - pbinom(r - 1, n, t)); (r - a)
 * / n} and the same with qpois/ppois divided by E.
 */
class SpiegelhalterLimitsTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void exactBinomialLimitsMatchWorkedValues() {
    assertClose(
        "0.025", SpiegelhalterLimits.binomial(0.22, 150, 0.025), 0.15213568536452546, TOLERANCE);
    assertClose(
        "0.975", SpiegelhalterLimits.binomial(0.22, 150, 0.975), 0.28482167947236564, TOLERANCE);
    assertClose(
        "0.001", SpiegelhalterLimits.binomial(0.22, 150, 0.001), 0.11776978812296299, TOLERANCE);
    assertClose(
        "0.999", SpiegelhalterLimits.binomial(0.22, 150, 0.999), 0.32604133506911559, TOLERANCE);
    Interval both = SpiegelhalterLimits.binomialInterval(0.22, 150, 0.95);
    assertClose("interval lower", both.lower(), 0.1521356854, 1e-9);
    assertClose("interval upper", both.upper(), 0.2848216795, 1e-9);
  }

  @Test
  void exactPoissonRatioLimitsMatchWorkedValues() {
    assertClose(
        "0.025", SpiegelhalterLimits.poissonRatio(25, 0.025), 0.60700626131422131, TOLERANCE);
    assertClose(
        "0.975", SpiegelhalterLimits.poissonRatio(25, 0.975), 1.3910686876035887, TOLERANCE);
    assertClose(
        "0.001", SpiegelhalterLimits.poissonRatio(25, 0.001), 0.41994130028839854, TOLERANCE);
    assertClose(
        "0.999", SpiegelhalterLimits.poissonRatio(25, 0.999), 1.6538609389888006, TOLERANCE);
    Interval both = SpiegelhalterLimits.poissonRatioInterval(25, 0.998);
    assertClose("interval lower", both.lower(), 0.4199413003, 1e-9);
  }

  @Test
  void normalApproximationMatchesWorkedValue() {
    // R 4.2.2: 0.22 + qnorm(0.025) * sqrt(0.22 * 0.78 / 150); methods.md §4.2 0.1537080028
    assertClose(
        "normal",
        SpiegelhalterLimits.normalProportion(0.22, 150, 0.025),
        0.15370800281426061,
        TOLERANCE);
  }

  @Test
  void tinyPrecisionClipsNegativeInterpolatedLimitsToZero() {
    // R 4.2.2, formula above: theta 0.22, n = 1, p = 0.025 -> -0.96794871794871795 (clipped);
    // p = 0.975 -> 0.88636363636363624
    assertThat(SpiegelhalterLimits.binomial(0.22, 1, 0.025)).isZero();
    assertClose(
        "n=1 upper", SpiegelhalterLimits.binomial(0.22, 1, 0.975), 0.88636363636363624, TOLERANCE);
    // R 4.2.2: E = 0.5, p = 0.025 -> -1.9175639364649935 (clipped); p = 0.975 -> 3.7200518229219992
    assertThat(SpiegelhalterLimits.poissonRatio(0.5, 0.025)).isZero();
    assertClose(
        "E=0.5 upper", SpiegelhalterLimits.poissonRatio(0.5, 0.975), 3.7200518229219992, TOLERANCE);
    assertThat(SpiegelhalterLimits.binomial(0, 10, 0.975)).isZero();
  }

  @Test
  void rejectsInvalidArgumentsWithTheArgumentAndValue() {
    assertThatThrownBy(() -> SpiegelhalterLimits.binomial(1.2, 10, 0.025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must be <= 1: 1.2");
    assertThatThrownBy(() -> SpiegelhalterLimits.binomial(Double.NaN, 10, 0.025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must be >= 0: NaN");
    assertThatThrownBy(() -> SpiegelhalterLimits.binomial(0.2, 0, 0.025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be > 0: 0");
    assertThatThrownBy(() -> SpiegelhalterLimits.poissonRatio(0, 0.025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected must be > 0: 0");
    assertThatThrownBy(() -> SpiegelhalterLimits.poissonRatio(5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in (0, 1): 1");
    assertThatThrownBy(() -> SpiegelhalterLimits.binomialInterval(0.2, 10, -0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0, 1): -0.5");
  }
}
