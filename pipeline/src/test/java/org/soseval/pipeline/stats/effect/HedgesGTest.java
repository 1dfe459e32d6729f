package org.soseval.pipeline.stats.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * methods.md 5.3 worked example (m1 = 3.9, s1 = 1.1, n1 = 40; m2 = 3.4, s2 = 1.3, n2 = 42);
 * reference values from golden/stats/effect_sizes.R (R 4.2.2, metafor 3.8-1).
 */
class HedgesGTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void approximateCorrectionMatchesWorkedExample() {
    StandardisedMeanDifference smd =
        HedgesG.of(3.9, 1.1, 40, 3.4, 1.3, 42, BiasCorrection.APPROXIMATE, 0.95, 0.99);

    // R 4.2.2: sp, d as in effect_sizes.R; methods.md 5.3: s_p 1.2066482503, d 0.4143709651
    assertThat(smd.pooledSd()).isCloseTo(1.206648250319869, within(TOLERANCE));
    assertThat(smd.d()).isCloseTo(0.414370965082372, within(TOLERANCE));
    // R 4.2.2: 1 - 3 / (4 * df - 1)
    assertThat(smd.correctionFactor()).isCloseTo(0.990595611285266, within(TOLERANCE));
    // R 4.2.2: g <- Japprox * d; v <- (n1 + n2)/(n1 * n2) + g^2/(2 * (n1 + n2));
    //   g + c(-1, 1) * qnorm(0.975) * sqrt(v)
    assertThat(smd.g()).isCloseTo(0.4104740594546385, within(TOLERANCE));
    assertThat(smd.variance()).isCloseTo(0.0498368954771163, within(TOLERANCE));
    assertThat(smd.standardError()).isCloseTo(0.2232417870, within(1e-10));
    assertThat(smd.interval(0.95).lower()).isCloseTo(-0.0270718029718957, within(TOLERANCE));
    assertThat(smd.interval(0.95).upper()).isCloseTo(0.8480199218811726, within(TOLERANCE));
    // R 4.2.2: g + c(-1, 1) * qnorm(0.995) * sqrt(v)
    assertThat(smd.interval(0.99).lower()).isCloseTo(-0.164558677358291, within(TOLERANCE));
    assertThat(smd.interval(0.99).upper()).isCloseTo(0.985506796267569, within(TOLERANCE));
    // R 4.2.2: tt <- d / sqrt(1/n1 + 1/n2); 2 * pt(-abs(tt), df)
    assertThat(smd.tStatistic()).isCloseTo(1.8755862123013325, within(TOLERANCE));
    assertThat(smd.tPValue()).isCloseTo(0.0643602116481403, within(1e-12));
    assertThat(smd.method()).isEqualTo("hedges_g");
  }

  @Test
  void exactCorrectionMatchesMetaforEscalc() {
    StandardisedMeanDifference smd =
        HedgesG.of(3.9, 1.1, 40, 3.4, 1.3, 42, BiasCorrection.EXACT, 0.95);

    // R 4.2.2: exp(lgamma(df/2) - log(sqrt(df/2)) - lgamma((df - 1)/2))
    assertThat(smd.correctionFactor()).isCloseTo(0.990590683704565, within(TOLERANCE));
    // R 4.2.2, metafor 3.8-1: escalc("SMD", m1i = 3.9, sd1i = 1.1, n1i = 40, m2i = 3.4,
    //   sd2i = 1.3, n2i = 42) -> yi, vi; summary(.) -> ci.lb, ci.ub
    assertThat(smd.g()).isCloseTo(0.4104720176082679, within(TOLERANCE));
    assertThat(smd.variance()).isCloseTo(0.0498368852561055, within(TOLERANCE));
    assertThat(smd.interval(0.95).lower()).isCloseTo(-0.0270737999502908, within(TOLERANCE));
    assertThat(smd.interval(0.95).upper()).isCloseTo(0.8480178351668266, within(TOLERANCE));
  }

  @Test
  void smallestGroupsUseTheExactGammaRatio() {
    StandardisedMeanDifference smd = HedgesG.of(5, 2, 2, 3, 1, 2, BiasCorrection.EXACT);

    // R 4.2.2, metafor 3.8-1: escalc("SMD", m1i = 5, sd1i = 2, n1i = 2, m2i = 3, sd2i = 1,
    //   n2i = 2) -> yi 0.713649646461108, vi 1.063661977236758 (J = 1/sqrt(pi) at df = 2)
    assertThat(smd.g()).isCloseTo(0.713649646461108, within(TOLERANCE));
    assertThat(smd.variance()).isCloseTo(1.063661977236758, within(TOLERANCE));
    assertThat(smd.correctionFactor()).isCloseTo(1 / Math.sqrt(Math.PI), within(1e-14));
  }

  @Test
  void equalMeansGiveZero() {
    StandardisedMeanDifference smd = HedgesG.of(2, 1, 10, 2, 1, 10, BiasCorrection.EXACT);

    assertThat(smd.g()).isZero();
    assertThat(smd.interval(0.95).contains(0)).isTrue();
  }

  @Test
  void rejectsSingletonGroup() {
    assertThatThrownBy(() -> HedgesG.of(1, 1, 1, 2, 1, 5, BiasCorrection.EXACT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n1 must be >= 2: 1");
  }

  @Test
  void rejectsConstantGroups() {
    assertThatThrownBy(() -> HedgesG.of(1, 0, 5, 2, 0, 5, BiasCorrection.APPROXIMATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pooled SD must be > 0: 0");
  }

  @Test
  void rejectsNanStandardDeviation() {
    assertThatThrownBy(() -> HedgesG.of(1, Double.NaN, 5, 2, 1, 5, BiasCorrection.APPROXIMATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sd1 must be finite: NaN");
  }
}
