package org.soseval.pipeline.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.effect.TableEffect;
import org.soseval.pipeline.stats.effect.TwoByTwoTable;

/**
 * Reference values from golden/stats/meta.R (R 4.2.2, metafor 3.8-1): {@code re <- rma(yi, vi,
 * method = "DL")}, {@code fe <- rma(yi, vi, method = "FE")}, {@code weights()}, {@code predict()}.
 */
class MetaAnalysisTest {
  private static final double TOLERANCE = 1e-9;
  // methods.md 5.5 example F1; R 4.2.2, metafor 3.8-1: escalc("OR", ai = c(30, 18, 55, 12, 40),
  //   n1i = c(200, 150, 400, 90, 310), ci = c(40, 25, 70, 10, 62), n2i = c(210, 160, 380, 95, 305))
  private static final double[] F1_Y = {
    -0.287682072451781,
    -0.306031211119977,
    -0.348134176369056,
    0.268263986594679,
    -0.543615446588982
  };
  private static final double[] F1_V = {
    0.0700980392156863,
    0.1105387205387205,
    0.0385918896437831,
    0.2079185520361991,
    0.0489479622992168
  };
  private static final double[] H1_Y = {-0.9, 0.1, -0.4, 0.35, -1.2, -0.05};
  private static final double[] H1_V = {0.04, 0.06, 0.03, 0.09, 0.05, 0.02};

  @Test
  void homogeneousExampleTruncatesTauSquaredAtZero() {
    MetaAnalysisResult re = MetaAnalysis.derSimonianLaird(F1_Y, F1_V, 0.95, 0.99);

    // R 4.2.2, metafor 3.8-1: re$tau2, re$QE, re$QEp, re$I2, re$H2
    assertThat(re.tau2()).isZero();
    assertThat(re.q()).isCloseTo(2.675620764785588, within(TOLERANCE));
    assertThat(re.qDf()).isEqualTo(4);
    assertThat(re.qPValue()).isCloseTo(0.613487355720721, within(1e-12));
    assertThat(re.i2()).isZero();
    assertThat(re.h2()).isEqualTo(1.0);
    // R 4.2.2, metafor 3.8-1: re$beta, re$se, re$zval, re$pval, re$ci.lb, re$ci.ub
    assertThat(re.estimate()).isCloseTo(-0.34525706405718215, within(TOLERANCE));
    assertThat(re.standardError()).isCloseTo(0.11588492787893818, within(TOLERANCE));
    assertThat(re.z()).isCloseTo(-2.97930947860504158, within(TOLERANCE));
    assertThat(re.pValue()).isCloseTo(0.00288898827180262, within(1e-13));
    assertThat(re.interval(0.95).lower()).isCloseTo(-0.57238734905092259, within(TOLERANCE));
    assertThat(re.interval(0.95).upper()).isCloseTo(-0.11812677906344168, within(TOLERANCE));
    // R 4.2.2, metafor 3.8-1: predict(re, level = 99)
    assertThat(re.interval(0.99).lower()).isCloseTo(-0.6437568571274019, within(TOLERANCE));
    // methods.md 5.5: pooled OR 0.7080383, 95% CI 0.5641769-0.8885834
    assertThat(Math.exp(re.estimate())).isCloseTo(0.708038318868637, within(1e-12));
    assertThat(Math.exp(re.interval(0.95).lower())).isCloseTo(0.564176942386354, within(1e-12));
    assertThat(Math.exp(re.interval(0.95).upper())).isCloseTo(0.888583391703056, within(1e-12));
    // R 4.2.2, metafor 3.8-1: weights(re)
    assertWeights(
        re.weightsPercent(),
        19.15790606950606,
        12.14897046397652,
        34.79828698066898,
        6.45893133536666,
        27.43590515048179);
    // R 4.2.2, metafor 3.8-1: predict(re) -> pi.lb, pi.ub (equal to the CI when tau2 = 0)
    assertThat(re.predictionInterval(0.95).lower())
        .isCloseTo(-0.572387349050923, within(TOLERANCE));
    assertThat(re.predictionInterval(0.95).upper())
        .isCloseTo(-0.118126779063442, within(TOLERANCE));
    assertThat(re.method()).isEqualTo("pooled_dl");
    assertThat(re.k()).isEqualTo(5);
  }

  @Test
  void logOddsRatiosFromTwoByTwoTablesFeedThePooling() {
    int[][] tables = {
      {30, 170, 40, 170},
      {18, 132, 25, 135},
      {55, 345, 70, 310},
      {12, 78, 10, 85},
      {40, 270, 62, 243}
    };
    double[] y = new double[5];
    double[] v = new double[5];
    for (int i = 0; i < 5; i++) {
      TableEffect or =
          TwoByTwoTable.of(tables[i][0], tables[i][1], tables[i][2], tables[i][3]).oddsRatio();
      y[i] = or.analysisEstimate();
      v[i] = or.standardError() * or.standardError();
    }

    // R 4.2.2, metafor 3.8-1: escalc("OR", ...) yi and vi of example F1
    assertThat(y).containsExactly(F1_Y, within(1e-12));
    assertThat(v).containsExactly(F1_V, within(1e-12));
    // methods.md 5.5: Q 2.6756207648
    assertThat(MetaAnalysis.derSimonianLaird(y, v).q()).isCloseTo(2.6756207648, within(1e-9));
  }

  @Test
  void higginsPredictionIntervalUsesStudentTOnKMinusTwo() {
    MetaAnalysisResult re =
        MetaAnalysis.derSimonianLaird(F1_Y, F1_V, PredictionIntervalRule.STUDENT_T_K_MINUS_2);

    // R 4.2.2: c(re$beta) + c(-1, 1) * qt(0.975, k - 2) * sqrt(re$se^2 + re$tau2)
    assertThat(re.predictionInterval(0.95).lower())
        .isCloseTo(-0.7140546246235779, within(TOLERANCE));
    assertThat(re.predictionInterval(0.95).upper())
        .isCloseTo(0.0235404965092136, within(TOLERANCE));
    assertThat(re.predictionRule()).contains(PredictionIntervalRule.STUDENT_T_K_MINUS_2);
  }

  @Test
  void heterogeneousExampleMatchesRma() {
    MetaAnalysisResult re = MetaAnalysis.derSimonianLaird(H1_Y, H1_V);

    // R 4.2.2, metafor 3.8-1: rma(h1y, h1v, method = "DL")
    assertThat(re.tau2()).isCloseTo(2.45357998084291e-01, within(TOLERANCE));
    assertThat(re.q()).isCloseTo(35.3859727164887, within(TOLERANCE));
    assertThat(re.qPValue()).isCloseTo(1.26000910056838e-06, within(1e-15));
    assertThat(re.i2()).isCloseTo(85.8701072313037, within(TOLERANCE));
    assertThat(re.h2()).isCloseTo(7.07719454329775, within(TOLERANCE));
    assertThat(re.estimate()).isCloseTo(-0.3643719061373948, within(TOLERANCE));
    assertThat(re.standardError()).isCloseTo(0.2206105479100514, within(TOLERANCE));
    assertThat(re.pValue()).isCloseTo(0.0986054635641227, within(1e-12));
    assertThat(re.interval(0.95).upper()).isCloseTo(0.0680168223759540, within(TOLERANCE));
    // R 4.2.2, metafor 3.8-1: predict(re)
    assertThat(re.predictionInterval(0.95).lower())
        .isCloseTo(-1.427147827258185, within(TOLERANCE));
    assertThat(re.predictionInterval(0.95).upper()).isCloseTo(0.698404014983395, within(TOLERANCE));
    // R 4.2.2, metafor 3.8-1: weights(re)
    assertWeights(
        re.weightsPercent(),
        17.0554230741403,
        15.9383458610894,
        17.6748139468514,
        14.5125549792137,
        16.4779739044966,
        18.3408882342086);
  }

  @Test
  void fixedEffectMatchesRmaFe() {
    MetaAnalysisResult fe = MetaAnalysis.fixedEffect(H1_Y, H1_V);

    // R 4.2.2, metafor 3.8-1: rma(h1y, h1v, method = "FE") -> beta, se, pval, ci; I2, H2
    assertThat(fe.estimate()).isCloseTo(-0.363701067615658, within(TOLERANCE));
    assertThat(fe.standardError()).isCloseTo(0.0800355792768312, within(TOLERANCE));
    assertThat(fe.pValue()).isCloseTo(5.51332013822361e-06, within(1e-15));
    assertThat(fe.interval(0.95).lower()).isCloseTo(-0.520567920480048, within(TOLERANCE));
    assertThat(fe.i2()).isCloseTo(85.87010723130366, within(TOLERANCE));
    assertThat(fe.h2()).isCloseTo(7.07719454329775, within(TOLERANCE));
    assertThat(fe.tau2()).isZero();
    assertThat(fe.predictionIntervals()).isEmpty();
    assertThat(fe.predictionRule()).isEmpty();
    assertThat(fe.method()).isEqualTo("pooled_fe");
    // R 4.2.2, metafor 3.8-1: weights(fe)
    assertWeights(
        fe.weightsPercent(),
        16.01423487544484,
        10.67615658362989,
        21.35231316725979,
        7.11743772241993,
        12.81138790035587,
        32.02846975088968);
  }

  @Test
  void fixedEffectHSquaredIsUntruncated() {
    // R 4.2.2, metafor 3.8-1: rma(f1$yi, f1$vi, method = "FE")$H2
    assertThat(MetaAnalysis.fixedEffect(F1_Y, F1_V).h2())
        .isCloseTo(0.668905191196397, within(TOLERANCE));
  }

  @Test
  void twoStudiesGiveInfiniteStudentPredictionInterval() {
    double[] y = {-0.3, 0.4};
    double[] v = {0.05, 0.08};

    MetaAnalysisResult normal = MetaAnalysis.derSimonianLaird(y, v);
    MetaAnalysisResult student =
        MetaAnalysis.derSimonianLaird(y, v, PredictionIntervalRule.STUDENT_T_K_MINUS_2);

    // R 4.2.2, metafor 3.8-1: rma(c(-0.3, 0.4), c(0.05, 0.08), method = "DL"); predict()
    assertThat(normal.tau2()).isCloseTo(0.18, within(TOLERANCE));
    assertThat(normal.q()).isCloseTo(3.7692307692307687, within(TOLERANCE));
    assertThat(normal.i2()).isCloseTo(73.4693877551020336, within(TOLERANCE));
    assertThat(normal.estimate()).isCloseTo(0.0285714285714285, within(TOLERANCE));
    assertThat(normal.standardError()).isCloseTo(0.3493434074467851, within(TOLERANCE));
    assertThat(normal.predictionInterval(0.95).lower())
        .isCloseTo(-1.04859028541919, within(TOLERANCE));
    assertThat(normal.predictionInterval(0.95).upper())
        .isCloseTo(1.10573314256205, within(TOLERANCE));
    assertThat(student.predictionInterval(0.95).lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(student.predictionInterval(0.95).upper()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void rejectsSingleStudy() {
    assertThatThrownBy(() -> MetaAnalysis.derSimonianLaird(new double[] {0.1}, new double[] {0.2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("estimates needs at least 2 values: 1");
  }

  @Test
  void rejectsNonPositiveOrNanVariance() {
    assertThatThrownBy(
            () -> MetaAnalysis.fixedEffect(new double[] {0.1, 0.2}, new double[] {0.2, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("variances[1] must be > 0: 0");
    assertThatThrownBy(
            () -> MetaAnalysis.fixedEffect(new double[] {Double.NaN, 0.2}, new double[] {0.2, 0.1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("estimates[0] must be finite: NaN");
  }

  private static void assertWeights(List<Double> actual, double... expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual.get(i)).as("weight %d", i).isCloseTo(expected[i], within(1e-9));
    }
  }
}
