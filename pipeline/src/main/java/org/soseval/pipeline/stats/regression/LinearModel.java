package org.soseval.pipeline.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.soseval.pipeline.stats.Arguments;

/**
 * An unweighted ordinary least squares fit of {@code y} on a full-rank design {@code X} (N rows, K
 * columns), with the covariance estimators that the difference-in-differences, event-study and
 * interrupted-time-series classes share: conventional, cluster-robust CR1 and Newey-West HAC.
 *
 * <p>The fit uses the Householder QR decomposition of {@code X} (commons-math3 3.6.1 {@code
 * QRDecomposition}); {@code (X'X)^-1 = R^-1 R^-T}. A column whose QR pivot {@code |R_jj|} is below
 * {@code 1e-9} times the column's Euclidean norm is collinear with the columns before it and the
 * design is rejected as singular (R's {@code lm} would instead drop it and report {@code NA}).
 *
 * <p>Instances are immutable; accessors return copies.
 */
public final class LinearModel {
  private static final double COLLINEARITY_TOLERANCE = 1e-9;

  private final List<String> names;
  private final double[][] x;
  private final double[] y;
  private final double[] coefficients;
  private final double[] residuals;
  private final double[][] xtxInverse;

  private LinearModel(
      List<String> names,
      double[][] x,
      double[] y,
      double[] coefficients,
      double[] residuals,
      double[][] xtxInverse) {
    this.names = names;
    this.x = x;
    this.y = y;
    this.coefficients = coefficients;
    this.residuals = residuals;
    this.xtxInverse = xtxInverse;
  }

  /**
   * Fits {@code y = X b + e} by OLS.
   *
   * @param names one name per design column, distinct
   * @param x the design, row-major ({@code x[i][j]} is observation {@code i}, column {@code j});
   *     include a column of ones for an intercept
   * @param y the response, one value per row
   * @throws IllegalArgumentException if a value is not finite, rows have different lengths, {@code
   *     N <= K} (no residual degrees of freedom), or the design is singular (the message names the
   *     first collinear column)
   */
  public static LinearModel fit(List<String> names, double[][] x, double[] y) {
    int k = names.size();
    Arguments.atLeast("names", k, 1);
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "x and y must have the same length: %d != %d", x.length, y.length));
    }
    int n = y.length;
    if (n <= k) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Cannot fit OLS: the number of observations (%d) must exceed the number of"
                  + " coefficients (%d)",
              n,
              k));
    }
    Arguments.allFinite("y", y);
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      if (x[i].length != k) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "x[%d] must have %d columns: %d", i, k, x[i].length));
      }
      Arguments.allFinite("x[" + i + "]", x[i]);
      copy[i] = x[i].clone();
    }
    RealMatrix design = new Array2DRowRealMatrix(copy, false);
    QRDecomposition qr = new QRDecomposition(design, 0);
    RealMatrix r = qr.getR();
    for (int j = 0; j < k; j++) {
      double norm = design.getColumnVector(j).getNorm();
      if (!(Math.abs(r.getEntry(j, j)) > COLLINEARITY_TOLERANCE * norm)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Cannot fit OLS: design column '%s' is constant zero or collinear with earlier"
                    + " columns (singular design)",
                names.get(j)));
      }
    }
    double[][] rInverse = upperTriangularInverse(r, k);
    double[][] xtxInverse = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        double sum = 0;
        for (int c = Math.max(a, b); c < k; c++) {
          sum += rInverse[a][c] * rInverse[b][c];
        }
        xtxInverse[a][b] = sum;
        xtxInverse[b][a] = sum;
      }
    }
    double[] coefficients = qr.getSolver().solve(new Array2DRowRealMatrix(y)).getColumn(0);
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - dot(copy[i], coefficients);
    }
    return new LinearModel(
        List.copyOf(names), copy, y.clone(), coefficients, residuals, xtxInverse);
  }

  /** Column names in design order. */
  public List<String> names() {
    return names;
  }

  /** The index of the column called {@code name}. */
  public int indexOf(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no design column named '" + name + "'");
    }
    return index;
  }

  /** Number of observations N. */
  public int nObs() {
    return y.length;
  }

  /** Number of coefficients K (every design column, including dummies and the intercept). */
  public int nCoefficients() {
    return names.size();
  }

  /** Residual degrees of freedom {@code N - K}. */
  public int residualDf() {
    return nObs() - nCoefficients();
  }

  /** OLS estimates, in design order. */
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** Residuals {@code y - X b}. */
  public double[] residuals() {
    return residuals.clone();
  }

  /** Residual sum of squares. */
  public double residualSumOfSquares() {
    double sum = 0;
    for (double e : residuals) {
      sum += e * e;
    }
    return sum;
  }

  /** Conventional covariance {@code s^2 (X'X)^-1}, {@code s^2 = RSS/(N - K)} (R {@code vcov}). */
  public double[][] conventionalCovariance() {
    double s2 = residualSumOfSquares() / residualDf();
    double[][] v = new double[xtxInverse.length][];
    for (int a = 0; a < v.length; a++) {
      v[a] = xtxInverse[a].clone();
      for (int b = 0; b < v.length; b++) {
        v[a][b] *= s2;
      }
    }
    return v;
  }

  /**
   * Cluster-robust covariance CR1:
   *
   * <pre>
   *   V = G/(G-1) * (N-1)/(N-K) * (X'X)^-1 (sum_g X_g' u_g u_g' X_g) (X'X)^-1
   * </pre>
   *
   * with K counting every design column. Equals R 4.2.2 sandwich 3.0-2 {@code vcovCL(m, cluster =
   * ~id, type = "HC1")} on an {@code lm} fit and statsmodels 0.13.5 {@code cov_type="cluster"}
   * (Cameron and Miller 2015, J Human Resources 50:317-372, eq. 12).
   *
   * @param clusters a cluster index per observation, in {@code 0 .. G-1} (every index used)
   * @throws IllegalArgumentException if the length differs from N, an index is negative, or there
   *     are fewer than 2 clusters
   */
  public double[][] clusterCovariance(int[] clusters) {
    int g = clusterCount(clusters);
    int k = nCoefficients();
    double[][] scores = new double[g][k];
    for (int i = 0; i < nObs(); i++) {
      double[] score = scores[clusters[i]];
      for (int j = 0; j < k; j++) {
        score[j] += x[i][j] * residuals[i];
      }
    }
    double[][] meat = new double[k][k];
    for (double[] score : scores) {
      addOuter(meat, score, score, 1);
    }
    double factor = (double) g / (g - 1) * (nObs() - 1.0) / residualDf();
    return scale(sandwich(meat), factor);
  }

  /**
   * Newey-West heteroskedasticity- and autocorrelation-consistent covariance with Bartlett weights
   * {@code w_l = 1 - l/(lag+1)}, observations taken in row order as consecutive time points:
   *
   * <pre>
   *   S = sum_t u_t^2 x_t x_t' + sum_{l=1}^{lag} w_l sum_{t>l} u_t u_{t-l} (x_t x_{t-l}' + x_{t-l} x_t')
   *   V = c (X'X)^-1 S (X'X)^-1,  c = N/(N-K) if adjust else 1
   * </pre>
   *
   * (Newey and West 1987, Econometrica 55:703-708). Equals R 4.2.2 sandwich 3.0-2 {@code
   * NeweyWest(m, lag = lag, prewhite = FALSE, adjust = adjust)}; {@code adjust = true} is also
   * Stata's {@code newey, lag(lag)}; {@code adjust = false} is statsmodels 0.13.5 {@code
   * cov_type="HAC", cov_kwds={"maxlags": lag}}. With {@code lag = 0} and {@code adjust = true} it
   * is HC1.
   *
   * @throws IllegalArgumentException if {@code lag < 0} or {@code lag >= N}
   */
  public double[][] neweyWestCovariance(int lag, boolean adjust) {
    Arguments.nonNegative("lag", lag);
    if (lag >= nObs()) {
      throw Arguments.invalid("lag", "< the number of observations (" + nObs() + ")", lag);
    }
    int k = nCoefficients();
    double[][] meat = new double[k][k];
    double[][] scores = new double[nObs()][k];
    for (int i = 0; i < nObs(); i++) {
      for (int j = 0; j < k; j++) {
        scores[i][j] = x[i][j] * residuals[i];
      }
      addOuter(meat, scores[i], scores[i], 1);
    }
    for (int l = 1; l <= lag; l++) {
      double weight = 1 - l / (lag + 1.0);
      for (int t = l; t < nObs(); t++) {
        addOuter(meat, scores[t], scores[t - l], weight);
        addOuter(meat, scores[t - l], scores[t], weight);
      }
    }
    double factor = adjust ? (double) nObs() / residualDf() : 1;
    return scale(sandwich(meat), factor);
  }

  /**
   * Durbin-Watson statistic {@code sum_{t>=2} (u_t - u_{t-1})^2 / sum_t u_t^2}, rows in time order
   * (Durbin and Watson 1950; R lmtest 0.9-40 {@code dwtest(m)$statistic}). NaN when every residual
   * is zero (a perfect fit).
   */
  public double durbinWatson() {
    double numerator = 0;
    for (int t = 1; t < residuals.length; t++) {
      double difference = residuals[t] - residuals[t - 1];
      numerator += difference * difference;
    }
    return numerator / residualSumOfSquares();
  }

  /** A coefficient with inference from the given covariance matrix and t degrees of freedom. */
  public Coefficient coefficient(
      int column, double[][] covariance, double df, CovarianceType type, double... levels) {
    return Coefficient.of(
        names.get(column),
        coefficients[column],
        Math.sqrt(covariance[column][column]),
        df,
        type,
        levels);
  }

  /** The design row {@code i} (a copy). */
  double[] row(int i) {
    return x[i].clone();
  }

  /** {@code (X'X)^-1} (a copy). */
  double[][] xtxInverse() {
    double[][] copy = new double[xtxInverse.length][];
    for (int a = 0; a < copy.length; a++) {
      copy[a] = xtxInverse[a].clone();
    }
    return copy;
  }

  /** The fit of the same response on the design without column {@code dropped}. */
  LinearModel without(int dropped) {
    List<String> kept = new ArrayList<>(names);
    kept.remove(dropped);
    double[][] reduced = new double[nObs()][nCoefficients() - 1];
    for (int i = 0; i < nObs(); i++) {
      for (int j = 0, m = 0; j < nCoefficients(); j++) {
        if (j != dropped) {
          reduced[i][m++] = x[i][j];
        }
      }
    }
    return fit(kept, reduced, y);
  }

  /** {@code M v = v - X (X'X)^-1 X' v}, the residual of regressing {@code v} on the design. */
  double[] annihilate(double[] v) {
    int k = nCoefficients();
    double[] xtv = new double[k];
    for (int i = 0; i < nObs(); i++) {
      if (v[i] != 0) {
        for (int j = 0; j < k; j++) {
          xtv[j] += x[i][j] * v[i];
        }
      }
    }
    double[] b = new double[k];
    for (int a = 0; a < k; a++) {
      b[a] = dot(xtxInverse[a], xtv);
    }
    double[] result = new double[nObs()];
    for (int i = 0; i < nObs(); i++) {
      result[i] = v[i] - dot(x[i], b);
    }
    return result;
  }

  /** Number of clusters G in a 0-based cluster index, checked. */
  int clusterCount(int[] clusters) {
    if (clusters.length != nObs()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "clusters must have one entry per observation (%d): %d",
              nObs(),
              clusters.length));
    }
    int max = -1;
    for (int c : clusters) {
      Arguments.nonNegative("cluster index", c);
      max = Math.max(max, c);
    }
    boolean[] seen = new boolean[max + 1];
    for (int c : clusters) {
      seen[c] = true;
    }
    for (int c = 0; c <= max; c++) {
      if (!seen[c]) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "cluster indices must be 0..G-1 with none unused: %d", c));
      }
    }
    if (max + 1 < 2) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "clusters must number at least 2 for a clustered SE: %d", max + 1));
    }
    return max + 1;
  }

  private double[][] sandwich(double[][] meat) {
    return multiply(multiply(xtxInverse, meat), xtxInverse);
  }

  private static double[][] upperTriangularInverse(RealMatrix r, int k) {
    double[][] inverse = new double[k][k];
    for (int col = 0; col < k; col++) {
      inverse[col][col] = 1 / r.getEntry(col, col);
      for (int row = col - 1; row >= 0; row--) {
        double sum = 0;
        for (int m = row + 1; m <= col; m++) {
          sum += r.getEntry(row, m) * inverse[m][col];
        }
        inverse[row][col] = -sum / r.getEntry(row, row);
      }
    }
    return inverse;
  }

  private static void addOuter(double[][] target, double[] u, double[] v, double weight) {
    for (int a = 0; a < u.length; a++) {
      if (u[a] != 0) {
        double ua = weight * u[a];
        for (int b = 0; b < v.length; b++) {
          target[a][b] += ua * v[b];
        }
      }
    }
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int m = b[0].length;
    double[][] result = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < b.length; c++) {
        double aic = a[i][c];
        if (aic != 0) {
          for (int j = 0; j < m; j++) {
            result[i][j] += aic * b[c][j];
          }
        }
      }
    }
    return result;
  }

  private static double[][] scale(double[][] matrix, double factor) {
    for (double[] row : matrix) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= factor;
      }
    }
    return matrix;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
