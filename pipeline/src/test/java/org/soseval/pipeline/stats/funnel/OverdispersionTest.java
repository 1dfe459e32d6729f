package org.soseval.pipeline.stats.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Interval;

/**
 * Reference values from R 4.2.2 (script in the test comments):
 *
 * <pre>
 * x &lt;- c(12, 30, 45, 8, 60, 22, 15, 90, 41, 5, 33, 70)
 * n &lt;- c(80, 150, 200, 60, 240, 110, 90, 300, 160, 50, 140, 260)
 * t0 &lt;- sum(x)/sum(n); s &lt;- sqrt(t0*(1-t0)/n); z &lt;- (x/n - t0)/s
 * q &lt;- quantile(z, c(0.1, 0.9), type = 7); zw &lt;- pmin(pmax(z, q[1]), q[2])
 * I &lt;- length(x); phi &lt;- sum(zw^2)/I; chi &lt;- I*phi; p &lt;- pchisq(chi, I, lower.tail = FALSE)
 * w &lt;- 1/s^2; tau2 &lt;- max(0, (I*phi - (I-1)) / (sum(w) - sum(w^2)/sum(w)))
 * sn &lt;- sqrt(t0*(1-t0)/200); t0 -/+ qnorm(0.975)*sqrt(phi)*sn; t0 -/+ qnorm(0.975)*sqrt(sn^2+tau2)
 * </pre>
 */
class OverdispersionTest {
  private static final double TOLERANCE = 1e-9;
  private static final double[] X = {12, 30, 45, 8, 60, 22, 15, 90, 41, 5, 33, 70};
  private static final double[] N = {80, 150, 200, 60, 240, 110, 90, 300, 160, 50, 140, 260};

  @Test
  void winsorisedPhiChiSquareAndTauSquaredMatchR() {
    Overdispersion result = Overdispersion.ofProportions(X, N);
    assertThat(result.units()).isEqualTo(12);
    assertClose("target", result.target(), 0.23423913043478262, TOLERANCE);
    assertClose("phi", result.phi(), 1.4982120080127659, TOLERANCE);
    assertClose("chi", result.chiSquare(), 17.97854409615319, TOLERANCE);
    assertClose("p", result.pValue(), 0.11634355068942361, TOLERANCE);
    assertClose("tau2", result.tau2(), 0.0007601383412555266, TOLERANCE);
  }

  @Test
  void adjustedLimitsMatchR() {
    Overdispersion result = Overdispersion.ofProportions(X, N);
    Interval multiplicative = result.multiplicativeLimits(200, 0.95);
    assertClose("mult lower", multiplicative.lower(), 0.16239421488898131, TOLERANCE);
    assertClose("mult upper", multiplicative.upper(), 0.30608404598058392, TOLERANCE);
    Interval additive = result.additiveLimits(200, 0.95);
    assertClose("add lower", additive.lower(), 0.15445645835770511, TOLERANCE);
    assertClose("add upper", additive.upper(), 0.31402180251186013, TOLERANCE);
  }

  @Test
  void oneUnitKeepsItsZScoreAndHasNoTauSquared() {
    // R 4.2.2: ((30/150 - 0.25) / sqrt(0.25 * 0.75 / 150))^2 = 1.9999999999999991
    Overdispersion result =
        Overdispersion.ofProportions(new double[] {30}, new double[] {150}, 0.25);
    assertClose("phi", result.phi(), 1.9999999999999991, TOLERANCE);
    assertThat(result.tau2()).isNaN();
  }

  @Test
  void rejectsDegenerateTargetsAndBadCounts() {
    assertThatThrownBy(() -> Overdispersion.ofProportions(new double[] {0, 0}, new double[] {5, 9}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must be in (0, 1): 0");
    assertThatThrownBy(() -> Overdispersion.ofProportions(new double[] {6}, new double[] {5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numerator must be <= denominator (5): 6");
    assertThatThrownBy(
            () -> Overdispersion.ofProportions(new double[] {Double.NaN}, new double[] {5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numerator must be >= 0: NaN");
    assertThatThrownBy(() -> Overdispersion.ofProportions(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("units needs at least 1 values: 0");
    Overdispersion result = Overdispersion.ofProportions(X, N);
    assertThatThrownBy(() -> result.additiveLimits(0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be > 0: 0");
  }
}
