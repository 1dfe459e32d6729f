package org.soseval.pipeline.stats.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * methods.md 5.4 worked example (a = 45, b = 255, c = 70, d = 250) and zero-cell example (0, 50, 5,
 * 45); reference values from golden/stats/effect_sizes.R (R 4.2.2, metafor 3.8-1), tab <-
 * matrix(c(45, 70, 255, 250), 2).
 */
class TwoByTwoTableTest {
  private static final double TOLERANCE = 1e-9;
  private static final TwoByTwoTable WORKED = TwoByTwoTable.of(45, 255, 70, 250);
  private static final TwoByTwoTable ZERO = TwoByTwoTable.of(0, 50, 5, 45);

  @Test
  void oddsRatioMatchesWorkedExample() {
    TableEffect or = WORKED.oddsRatio(0.95);

    // R 4.2.2, metafor 3.8-1: escalc("OR", ai = 45, bi = 255, ci = 70, di = 250) -> yi,
    //   sqrt(vi), exp(summary(.)$ci.lb), exp(summary(.)$ci.ub)
    assertThat(or.estimate()).isCloseTo(0.6302521008403361, within(1e-12));
    assertThat(or.analysisEstimate()).isCloseTo(-0.461635379575219, within(TOLERANCE));
    assertThat(or.standardError()).isCloseTo(0.210783076017472, within(TOLERANCE));
    assertThat(or.interval(0.95).lower()).isCloseTo(Math.exp(-0.874762617120033), within(1e-12));
    assertThat(or.interval(0.95).upper()).isCloseTo(Math.exp(-0.048508142030405), within(1e-12));
    // methods.md 5.4 (R + statsmodels): 95% CI 0.4169610-0.9526496
    assertThat(or.interval(0.95).lower()).isCloseTo(0.4169610, within(1e-7));
    assertThat(or.interval(0.95).upper()).isCloseTo(0.9526496, within(1e-7));
    // R 4.2.2: z <- yi / sqrt(vi); 2 * pnorm(-abs(z))
    assertThat(or.statistic()).isCloseTo(-2.1900969864248165, within(TOLERANCE));
    assertThat(or.pValue()).isCloseTo(0.0285172037502438, within(1e-12));
    assertThat(or.zeroCellCorrected()).isFalse();
    assertThat(or.n()).isEqualTo(620);
    assertThat(or.method()).isEqualTo("odds_ratio");
  }

  @Test
  void riskRatioAndRiskDifferenceMatchMetafor() {
    TableEffect rr = WORKED.riskRatio();
    TableEffect rd = WORKED.riskDifference();

    // R 4.2.2, metafor 3.8-1: escalc("RR", ...) yi, sqrt(vi), ci.lb, ci.ub (log scale)
    assertThat(rr.estimate()).isCloseTo(0.6857142857142857, within(1e-12));
    assertThat(rr.analysisEstimate()).isCloseTo(-0.377294231141468, within(TOLERANCE));
    assertThat(rr.standardError()).isCloseTo(0.173348213646992, within(TOLERANCE));
    assertThat(rr.interval(0.95).lower()).isCloseTo(Math.exp(-0.717050486673927), within(1e-12));
    assertThat(rr.interval(0.95).upper()).isCloseTo(Math.exp(-0.037537975609009), within(1e-12));
    // R 4.2.2, metafor 3.8-1: escalc("RD", ...) yi, sqrt(vi), ci.lb, ci.ub
    assertThat(rd.estimate()).isCloseTo(-0.06875, within(1e-15));
    assertThat(rd.standardError()).isCloseTo(0.03096865539844279, within(TOLERANCE));
    assertThat(rd.interval(0.95).lower()).isCloseTo(-0.12944744923057980, within(TOLERANCE));
    assertThat(rd.interval(0.95).upper()).isCloseTo(-0.00805255076942022, within(TOLERANCE));
  }

  @Test
  void chiSquareWithAndWithoutYatesMatchesChisqTest() {
    // R 4.2.2: chisq.test(tab, correct = FALSE); chisq.test(tab, correct = TRUE)
    ContingencyTest pearson = WORKED.pearsonChiSquare(false);
    assertThat(pearson.statistic()).isCloseTo(4.8441670253981934, within(TOLERANCE));
    assertThat(pearson.pValue()).isCloseTo(0.0277397868994392, within(1e-12));
    assertThat(pearson.degreesOfFreedom()).isEqualTo(1);
    ContingencyTest yates = WORKED.pearsonChiSquare(true);
    assertThat(yates.statistic()).isCloseTo(4.3997958817620910, within(TOLERANCE));
    assertThat(yates.pValue()).isCloseTo(0.0359432323211457, within(1e-12));
    assertThat(yates.method()).isEqualTo("pearson_chi_square_yates");
  }

  @Test
  void yatesCorrectionIsCappedAtTheDeviation() {
    // R 4.2.2: chisq.test(matrix(c(10, 11, 10, 10), 2), correct = TRUE) -> X2 0, p 1
    ContingencyTest yates = TwoByTwoTable.of(10, 10, 11, 10).pearsonChiSquare(true);

    assertThat(yates.statistic()).isCloseTo(0, within(1e-15));
    assertThat(yates.pValue()).isCloseTo(1, within(1e-15));
  }

  @Test
  void fisherExactMatchesFisherTest() {
    // R 4.2.2: fisher.test(tab)$p.value
    assertThat(WORKED.fisherExact().pValue()).isCloseTo(0.0300667685232859, within(1e-12));
    // R 4.2.2: fisher.test(matrix(c(0, 5, 50, 45), 2))$p.value
    assertThat(ZERO.fisherExact().pValue()).isCloseTo(0.0562844944288243, within(1e-12));
  }

  @Test
  void zeroCellAddsOneHalfToEveryCell() {
    // R 4.2.2, metafor 3.8-1: escalc(m, ai = 0, bi = 50, ci = 5, di = 45) (add = 1/2, to = "only0")
    TableEffect or = ZERO.oddsRatio();
    assertThat(or.zeroCellCorrected()).isTrue();
    assertThat(or.analysisEstimate()).isCloseTo(-2.502156283122780, within(TOLERANCE));
    assertThat(or.standardError()).isCloseTo(1.491173425190452, within(TOLERANCE));
    // methods.md 5.4: OR 0.0819081908
    assertThat(or.estimate()).isCloseTo(0.0819081908, within(1e-10));
    assertThat(or.interval(0.95).upper()).isCloseTo(Math.exp(0.420489924953737), within(1e-12));
    TableEffect rr = ZERO.riskRatio();
    assertThat(rr.analysisEstimate()).isCloseTo(-2.397895272798370, within(TOLERANCE));
    assertThat(rr.standardError()).isCloseTo(1.463763128222484, within(TOLERANCE));
    TableEffect rd = ZERO.riskDifference();
    assertThat(rd.estimate()).isCloseTo(-0.09803921568627452, within(TOLERANCE));
    assertThat(rd.standardError()).isCloseTo(0.04557278162831063, within(TOLERANCE));
  }

  @Test
  void zeroCellChiSquareUsesRawCounts() {
    // R 4.2.2: chisq.test(matrix(c(0, 5, 50, 45), 2), correct = FALSE / TRUE)
    assertThat(ZERO.pearsonChiSquare(false).statistic()).isCloseTo(5.26315789473684, within(1e-12));
    assertThat(ZERO.pearsonChiSquare(false).pValue()).isCloseTo(0.0217814627911195, within(1e-12));
    assertThat(ZERO.pearsonChiSquare(true).statistic()).isCloseTo(3.36842105263158, within(1e-12));
    assertThat(ZERO.pearsonChiSquare(true).pValue()).isCloseTo(0.0664574200169311, within(1e-12));
  }

  @Test
  void rejectsNegativeCountAndEmptyGroup() {
    assertThatThrownBy(() -> TwoByTwoTable.of(-1, 5, 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a must be >= 0: -1");
    assertThatThrownBy(() -> TwoByTwoTable.of(0, 0, 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a + b must be > 0: 0");
  }

  @Test
  void rejectsChiSquareWithEmptyColumn() {
    assertThatThrownBy(() -> TwoByTwoTable.of(0, 5, 0, 5).pearsonChiSquare(false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a + c must be > 0: 0");
  }
}
