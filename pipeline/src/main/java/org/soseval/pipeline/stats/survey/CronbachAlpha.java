package org.soseval.pipeline.stats.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.soseval.pipeline.stats.Arguments;

/**
 * Cronbach's alpha for a scale of {@code k} items, with item-level diagnostics.
 *
 * <p>With {@code C} the item covariance matrix (n - 1 denominators) of the complete cases:
 *
 * <pre>
 *   raw alpha            = k / (k - 1) * (1 - trace(C) / sum(C))     ( = k/(k-1) (1 - sum s_j^2 / s_T^2) )
 *   standardised alpha   = k rbar / (1 + (k - 1) rbar)               rbar = mean off-diagonal correlation
 *   alpha if j deleted   = raw alpha of the other k - 1 items
 *   corrected item-total = correlation of item j with the sum of the other items
 * </pre>
 *
 * (Cronbach 1951, Psychometrika 16:297-334, doi:10.1007/BF02310555; methods.md section 6.) Values
 * agree with R {@code psych::alpha(na.omit(x))} ({@code raw_alpha}, {@code std.alpha}, {@code
 * alpha.drop$raw_alpha}, {@code item.stats$r.drop}).
 *
 * <p><b>Missing values</b> are NaN and handled by <b>listwise deletion</b>: a respondent with any
 * missing item is excluded from every quantity, so all statistics rest on the same cases. (psych's
 * default {@code use = "pairwise"} differs only when cases are incomplete; with {@code na.omit} the
 * two agree.) Reverse-score negatively worded items first ({@link #reverseScored}).
 *
 * <p>Edge cases: a zero-variance item leaves raw alpha defined but makes its correlations, and so
 * standardised alpha and its corrected item-total correlation, NaN; zero total-score variance makes
 * raw alpha NaN (0/0); with two items alpha-if-deleted is NaN (one item has no alpha). Alpha can be
 * negative when items are negatively correlated.
 *
 * @param items number of items {@code k}
 * @param completeCases respondents used (no missing item)
 * @param excludedCases respondents dropped by listwise deletion
 * @param raw raw alpha
 * @param standardised standardised alpha
 * @param itemStatistics one entry per item, in column order
 */
public record CronbachAlpha(
    int items,
    int completeCases,
    int excludedCases,
    double raw,
    double standardised,
    List<ItemReliability> itemStatistics) {
  public CronbachAlpha {
    itemStatistics = List.copyOf(itemStatistics);
  }

  /**
   * Alpha for a respondents-by-items matrix of scores.
   *
   * @param scores one row per respondent, one column per item; NaN marks a missing answer
   * @throws IllegalArgumentException if there are fewer than 2 items, rows have different lengths,
   *     a score is infinite, or fewer than 2 respondents answered every item
   */
  public static CronbachAlpha of(double[][] scores) {
    Arguments.atLeast("respondents", scores.length, 1);
    int k = scores[0].length;
    Arguments.atLeast("items", k, 2);
    List<double[]> complete = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      double[] row = scores[i];
      if (row.length != k) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Cannot compute Cronbach's alpha: respondent %d has %d items, expected %d",
                i,
                row.length,
                k));
      }
      boolean ok = true;
      for (double score : row) {
        if (Double.isInfinite(score)) {
          throw Arguments.invalid("score", "finite or NaN (missing)", score);
        }
        ok &= !Double.isNaN(score);
      }
      if (ok) {
        complete.add(row);
      }
    }
    int n = complete.size();
    if (n < 2) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Cannot compute Cronbach's alpha: needs at least 2 respondents with every item"
                  + " answered, found %d of %d",
              n,
              scores.length));
    }
    double[][] cov = covariance(complete, k);
    double raw = alpha(cov, -1);
    double standardised = standardised(cov);
    List<ItemReliability> itemStatistics = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      itemStatistics.add(
          new ItemReliability(j, k > 2 ? alpha(cov, j) : Double.NaN, itemRest(cov, j)));
    }
    return new CronbachAlpha(k, n, scores.length - n, raw, standardised, itemStatistics);
  }

  /**
   * A copy of {@code scores} with item {@code item} reverse-scored as {@code minimum + maximum - x}
   * (e.g. {@code 6 - x} on a 1-5 scale); NaN stays NaN.
   *
   * @throws IllegalArgumentException if {@code item} is not a column or {@code minimum >= maximum}
   */
  public static double[][] reverseScored(
      double[][] scores, int item, double minimum, double maximum) {
    if (!(minimum < maximum)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "minimum must be < maximum: %s >= %s", minimum, maximum));
    }
    double[][] copy = new double[scores.length][];
    for (int i = 0; i < scores.length; i++) {
      if (item < 0 || item >= scores[i].length) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "item must be in 0-%d: %d", scores[i].length - 1, item));
      }
      copy[i] = scores[i].clone();
      copy[i][item] = minimum + maximum - copy[i][item];
    }
    return copy;
  }

  private static double[][] covariance(List<double[]> rows, int k) {
    int n = rows.size();
    double[] mean = new double[k];
    for (double[] row : rows) {
      for (int j = 0; j < k; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < k; j++) {
      mean[j] /= n;
    }
    double[][] cov = new double[k][k];
    for (double[] row : rows) {
      for (int a = 0; a < k; a++) {
        for (int b = a; b < k; b++) {
          cov[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        cov[a][b] /= n - 1;
        cov[b][a] = cov[a][b];
      }
    }
    return cov;
  }

  /** Raw alpha of all items except {@code excluded} (-1 for none). */
  private static double alpha(double[][] cov, int excluded) {
    int k = cov.length - (excluded >= 0 ? 1 : 0);
    double trace = 0;
    double total = 0;
    for (int a = 0; a < cov.length; a++) {
      if (a == excluded) {
        continue;
      }
      trace += cov[a][a];
      for (int b = 0; b < cov.length; b++) {
        if (b != excluded) {
          total += cov[a][b];
        }
      }
    }
    return k / (k - 1.0) * (1 - trace / total);
  }

  private static double standardised(double[][] cov) {
    int k = cov.length;
    double sum = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        if (a != b) {
          sum += cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]);
        }
      }
    }
    double meanCorrelation = sum / (k * (k - 1.0));
    return k * meanCorrelation / (1 + (k - 1) * meanCorrelation);
  }

  /** Correlation of item j with the sum of the other items. */
  private static double itemRest(double[][] cov, int j) {
    double covariance = 0;
    double restVariance = 0;
    for (int a = 0; a < cov.length; a++) {
      if (a == j) {
        continue;
      }
      covariance += cov[j][a];
      for (int b = 0; b < cov.length; b++) {
        if (b != j) {
          restVariance += cov[a][b];
        }
      }
    }
    return covariance / Math.sqrt(cov[j][j] * restVariance);
  }
}
