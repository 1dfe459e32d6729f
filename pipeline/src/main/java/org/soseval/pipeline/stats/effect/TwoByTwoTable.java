package org.soseval.pipeline.stats.effect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;

/**
 * A 2x2 table of counts (methods.md 5.4):
 *
 * <pre>
 *                 event   no event
 *   group 1 (pilot)  a        b
 *   group 2 (comp.)  c        d
 * </pre>
 *
 * <p>Effect measures (Wald, normal quantile {@code z = z_{(1+level)/2}}), as metafor 3.8-1 {@code
 * escalc} with its defaults {@code add = 1/2, to = "only0"}: when any cell is zero, 0.5 is added to
 * every cell (Haldane 1956; Anscombe 1956) before computing the estimate and SE of each of the
 * three measures.
 *
 * <ul>
 *   <li>OR = ad/(bc), SE[ln OR] = sqrt(1/a + 1/b + 1/c + 1/d) (Woolf 1955);
 *   <li>RR = (a/(a+b)) / (c/(c+d)), SE[ln RR] = sqrt(1/a - 1/(a+b) + 1/c - 1/(c+d)) (Katz et al.
 *       1978);
 *   <li>RD = a/(a+b) - c/(c+d), SE = sqrt(p1(1-p1)/(a+b) + p2(1-p2)/(c+d)).
 * </ul>
 *
 * Tests of independence: Pearson chi-square with and without Yates' continuity correction (as R
 * {@code chisq.test(correct = )}), Fisher's exact test (two-sided, commons-statistics-inference
 * 1.2, equal to R {@code fisher.test}).
 *
 * @param a events in group 1
 * @param b non-events in group 1
 * @param c events in group 2
 * @param d non-events in group 2
 */
public record TwoByTwoTable(int a, int b, int c, int d) {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /**
   * @throws IllegalArgumentException if a count is negative or a group (row) is empty
   */
  public TwoByTwoTable {
    Arguments.nonNegative("a", a);
    Arguments.nonNegative("b", b);
    Arguments.nonNegative("c", c);
    Arguments.nonNegative("d", d);
    Arguments.positive("a + b", (double) a + b);
    Arguments.positive("c + d", (double) c + d);
  }

  public static TwoByTwoTable of(int a, int b, int c, int d) {
    return new TwoByTwoTable(a, b, c, d);
  }

  /** Table total. */
  public long total() {
    return (long) a + b + c + d;
  }

  /** True when any cell is zero, so the effect measures use the 0.5 correction. */
  public boolean hasZeroCell() {
    return a == 0 || b == 0 || c == 0 || d == 0;
  }

  /** Odds ratio with Woolf log-scale Wald intervals. */
  public TableEffect oddsRatio(double... levels) {
    double[] x = corrected();
    double log = Math.log(x[0] * x[3] / (x[1] * x[2]));
    double se = Math.sqrt(1 / x[0] + 1 / x[1] + 1 / x[2] + 1 / x[3]);
    return effect("odds_ratio", log, se, Math::exp, levels);
  }

  /** Risk ratio with log-scale Wald intervals. */
  public TableEffect riskRatio(double... levels) {
    double[] x = corrected();
    double n1 = x[0] + x[1];
    double n2 = x[2] + x[3];
    double log = Math.log((x[0] / n1) / (x[2] / n2));
    double se = Math.sqrt(1 / x[0] - 1 / n1 + 1 / x[2] - 1 / n2);
    return effect("risk_ratio", log, se, Math::exp, levels);
  }

  /**
   * Risk difference with Wald intervals. After the zero-cell correction both proportions lie
   * strictly between 0 and 1, so the SE is positive.
   */
  public TableEffect riskDifference(double... levels) {
    double[] x = corrected();
    double n1 = x[0] + x[1];
    double n2 = x[2] + x[3];
    double p1 = x[0] / n1;
    double p2 = x[2] / n2;
    double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
    return effect("risk_difference", p1 - p2, se, v -> v, levels);
  }

  /**
   * Pearson chi-square test of independence on 1 df, {@code X^2 = sum (|O - E| - Y)^2 / E} with
   * {@code Y = 0}, or with Yates' correction {@code Y = min(0.5, |O - E|)} (R 4.2.2 {@code
   * chisq.test}; the cap makes the corrected statistic 0 rather than negative-signed when {@code |O
   * - E| < 0.5}). No cell correction is applied.
   *
   * @throws IllegalArgumentException if a column total is 0 (an expected count would be 0)
   */
  public ContingencyTest pearsonChiSquare(boolean yates) {
    double n = total();
    double[] observed = {a, b, c, d};
    double row1 = (double) a + b;
    double row2 = (double) c + d;
    double col1 = (double) a + c;
    double col2 = (double) b + d;
    Arguments.positive("a + c", col1);
    Arguments.positive("b + d", col2);
    double[] expected = {row1 * col1 / n, row1 * col2 / n, row2 * col1 / n, row2 * col2 / n};
    double correction = 0;
    if (yates) {
      correction = 0.5;
      for (int i = 0; i < 4; i++) {
        correction = Math.min(correction, Math.abs(observed[i] - expected[i]));
      }
    }
    double statistic = 0;
    for (int i = 0; i < 4; i++) {
      double deviation = Math.abs(observed[i] - expected[i]) - correction;
      statistic += deviation * deviation / expected[i];
    }
    double p = ChiSquaredDistribution.of(1).survivalProbability(statistic);
    return new ContingencyTest(
        yates ? "pearson_chi_square_yates" : "pearson_chi_square", statistic, 1, p);
  }

  /** Fisher's exact test, two-sided (commons-statistics-inference 1.2 {@code FisherExactTest}). */
  public ContingencyTest fisherExact() {
    SignificanceResult result = FisherExactTest.withDefaults().test(new int[][] {{a, b}, {c, d}});
    return new ContingencyTest(
        "fisher_exact", result.getStatistic(), Double.NaN, result.getPValue());
  }

  private double[] corrected() {
    double add = hasZeroCell() ? 0.5 : 0;
    return new double[] {a + add, b + add, c + add, d + add};
  }

  private TableEffect effect(
      String method, double analysis, double se, DoubleUnaryOperator back, double... levels) {
    double[] checked = Arguments.levels(levels);
    List<Interval> intervals = new ArrayList<>();
    for (double level : checked) {
      double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
      intervals.add(
          Interval.of(
              back.applyAsDouble(analysis - z * se), back.applyAsDouble(analysis + z * se), level));
    }
    double statistic = analysis / se;
    double p = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(statistic));
    return new TableEffect(
        method,
        back.applyAsDouble(analysis),
        analysis,
        se,
        statistic,
        p,
        intervals,
        hasZeroCell(),
        total());
  }
}
