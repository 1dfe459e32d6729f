package org.soseval.pipeline.stats.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values: pipeline/src/test/resources/golden/stats/survey_reference.R (R 4.2.2, psych
 * 2.2.9, {@code psych::alpha(na.omit(x))}), printed to 15 significant digits; tolerance 1e-12.
 */
class CronbachAlphaTest {
  private static final double NA = Double.NaN;
  private static final double TOLERANCE = 1e-12;

  /** Columns q1-q4 of survey_reference.R; respondents 9 and 10 each miss one item. */
  private static final double[][] SCORES = {
    {4, 4, 3, 5},
    {5, 4, 5, 4},
    {3, 3, 2, 3},
    {4, 5, 4, 4},
    {2, 2, 1, 3},
    {5, 4, 4, 5},
    {4, 4, 5, 4},
    {3, 2, 3, 2},
    {NA, 3, 3, 4},
    {4, 5, NA, 4},
  };

  @Test
  void matchesPsychAlphaWithListwiseDeletion() {
    CronbachAlpha alpha = CronbachAlpha.of(SCORES);

    assertThat(alpha.items()).isEqualTo(4);
    assertThat(alpha.completeCases()).isEqualTo(8);
    assertThat(alpha.excludedCases()).isEqualTo(2);
    // psych::alpha(na.omit(x))$total[, c("raw_alpha", "std.alpha")]
    assertThat(alpha.raw()).isCloseTo(0.901573362605196, within(TOLERANCE));
    assertThat(alpha.standardised()).isCloseTo(0.911244238994901, within(TOLERANCE));
    // $alpha.drop$raw_alpha
    assertThat(alpha.itemStatistics())
        .extracting(ItemReliability::alphaIfDeleted)
        .usingElementComparator(TestDoubles.closeTo(TOLERANCE))
        .containsExactly(
            0.831119544592030, 0.852336448598131, 0.905172413793103, 0.903553299492386);
    // $item.stats$r.drop
    assertThat(alpha.itemStatistics())
        .extracting(ItemReliability::correctedItemTotal)
        .usingElementComparator(TestDoubles.closeTo(TOLERANCE))
        .containsExactly(
            0.911032943788496, 0.843058517275878, 0.740267703019795, 0.690357403533597);
  }

  @Test
  void reverseScoringANegativelyWordedItemMatchesPsychKeys() {
    double[][] asAnswered = new double[SCORES.length][];
    double[] q4AsAnswered = {1, 2, 3, 2, 3, 1, 2, 4, 2, 2};
    for (int i = 0; i < SCORES.length; i++) {
      asAnswered[i] = SCORES[i].clone();
      asAnswered[i][3] = q4AsAnswered[i];
    }

    CronbachAlpha alpha = CronbachAlpha.of(CronbachAlpha.reverseScored(asAnswered, 3, 1, 5));

    // psych::alpha(na.omit(xr), keys = c("q4"))$total
    assertThat(alpha.raw()).isCloseTo(0.901573362605196, within(TOLERANCE));
    assertThat(alpha.standardised()).isCloseTo(0.911244238994901, within(TOLERANCE));
    assertThat(asAnswered[0][3]).as("input left unchanged").isEqualTo(1.0);
  }

  @Test
  void twoItemScaleHasNoAlphaIfDeleted() {
    double[][] twoItems = new double[SCORES.length][];
    for (int i = 0; i < SCORES.length; i++) {
      twoItems[i] = new double[] {SCORES[i][0], SCORES[i][1]};
    }

    CronbachAlpha alpha = CronbachAlpha.of(twoItems);

    // psych::alpha(na.omit(x[, c("q1", "q2")]))
    assertThat(alpha.raw()).isCloseTo(0.838235294117647, within(TOLERANCE));
    assertThat(alpha.standardised()).isCloseTo(0.843005534767406, within(TOLERANCE));
    assertThat(alpha.itemStatistics())
        .extracting(ItemReliability::correctedItemTotal)
        .usingElementComparator(TestDoubles.closeTo(TOLERANCE))
        .containsExactly(0.728616739405002, 0.728616739405002);
    assertThat(alpha.itemStatistics())
        .extracting(ItemReliability::alphaIfDeleted)
        .allMatch(value -> Double.isNaN(value));
  }

  @Test
  void zeroVarianceItemKeepsRawAlphaButHasNoCorrelations() {
    double[][] withConstant = new double[SCORES.length][];
    for (int i = 0; i < SCORES.length; i++) {
      withConstant[i] = java.util.Arrays.copyOf(SCORES[i], 5);
      withConstant[i][4] = 3;
    }

    CronbachAlpha alpha = CronbachAlpha.of(withConstant);

    // R: k / (k - 1) * (1 - sum(apply(z, 2, var)) / var(rowSums(z))), z = na.omit(cbind(x, q5 = 3))
    assertThat(alpha.raw()).isCloseTo(0.845225027442371, within(TOLERANCE));
    assertThat(alpha.standardised()).isNaN();
    assertThat(alpha.itemStatistics().get(4).correctedItemTotal()).isNaN();
    // R: cor(z$q1, rowSums(z[, -1])) - the constant adds nothing to the rest score
    assertThat(alpha.itemStatistics().get(0).correctedItemTotal())
        .isCloseTo(0.911032943788495, within(TOLERANCE));
  }

  @Test
  void allItemsConstantGivesNaN() {
    CronbachAlpha alpha = CronbachAlpha.of(new double[][] {{3, 3}, {3, 3}, {3, 3}});

    assertThat(alpha.raw()).isNaN();
    assertThat(alpha.standardised()).isNaN();
  }

  @Test
  void rejectsFewerThanTwoCompleteRespondents() {
    assertThatThrownBy(() -> CronbachAlpha.of(new double[][] {{4, 5, 3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot compute Cronbach's alpha: needs at least 2 respondents with every item"
                + " answered, found 1 of 1");
    assertThatThrownBy(() -> CronbachAlpha.of(new double[][] {{4, NA}, {NA, 3}, {2, 2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot compute Cronbach's alpha: needs at least 2 respondents with every item"
                + " answered, found 1 of 3");
  }

  @Test
  void rejectsSingleItemRaggedRowsAndInfiniteScores() {
    assertThatThrownBy(() -> CronbachAlpha.of(new double[][] {{1}, {2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("items needs at least 2 values: 1");
    assertThatThrownBy(() -> CronbachAlpha.of(new double[][] {{1, 2}, {2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot compute Cronbach's alpha: respondent 1 has 1 items, expected 2");
    assertThatThrownBy(
            () -> CronbachAlpha.of(new double[][] {{1, 2}, {2, Double.NEGATIVE_INFINITY}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be finite or NaN (missing): -Infinity");
    assertThatThrownBy(() -> CronbachAlpha.reverseScored(SCORES, 4, 1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item must be in 0-3: 4");
  }
}
