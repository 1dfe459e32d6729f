package org.soseval.pipeline.stats.regression;

import java.util.Locale;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.soseval.pipeline.stats.Arguments;

/**
 * Wild-cluster restricted (WCR) bootstrap-t test of {@code H0: beta_j = 0} for one OLS coefficient,
 * with CR1 standard errors (Cameron, Gelbach and Miller 2008, Rev Econ Stat 90:414-427; Webb 2014;
 * MacKinnon, Nielsen and Webb 2023, J Econometrics 232:272-299).
 *
 * <p>Algorithm, with the null imposed:
 *
 * <ol>
 *   <li>Fit the restricted model (design without column {@code j}); keep fitted values {@code y~}
 *       and residuals {@code u~}.
 *   <li>For each draw {@code b}, draw one weight {@code w_g} per cluster and set {@code y*_i = y~_i
 *       + w_g(i) u~_i}.
 *   <li>Refit the unrestricted model on {@code y*}; {@code t*_b = b*_j / se_CR1(b*_j)}.
 *   <li>{@code p = #{b : |t*_b| >= |t|} / B}, where {@code t} is the observed CR1 t statistic
 *       (symmetric two-sided; no "+1" in numerator or denominator). Ties within a relative {@code
 *       1e-10} count as at least as extreme. A draw whose bootstrap SE is 0 gives a NaN or infinite
 *       {@code t*}; NaN never counts as extreme.
 * </ol>
 *
 * <p>Refits are not done literally: because {@code b*_j = a'y*} with {@code a = X (X'X)^-1 e_j} and
 * the unrestricted residuals are {@code M y* = sum_g w_g M u~_g}, every {@code t*} follows from a
 * G-vector and a G x G matrix computed once (as in Roodman, MacKinnon, Nielsen and Webb 2019, Stata
 * J 19:4-60), so a draw costs {@code O(G^2)}. The CR1 small-sample factor cancels in the ratio of
 * t* to t, so the p-value does not depend on it.
 *
 * <p>With Rademacher weights and {@code draws >= 2^G} (G at most 30), all {@code 2^G} sign vectors
 * are enumerated instead of drawn, which gives an exact, seed-free p-value (as {@code boottest} and
 * fwildclusterboot do). Random weights come from a commons-math3 3.6.1 {@code MersenneTwister}
 * seeded with {@code seed}, drawn cluster by cluster (clusters in index order) and draw by draw, so
 * equal seeds give identical p-values.
 */
public final class WildClusterBootstrap {
  private static final double TIE_TOLERANCE = 1e-10;
  private static final int MAX_ENUMERATED_CLUSTERS = 30;

  private final BootstrapWeights weights;
  private final int draws;
  private final long seed;

  private WildClusterBootstrap(BootstrapWeights weights, int draws, long seed) {
    this.weights = weights;
    this.draws = draws;
    this.seed = seed;
  }

  /**
   * A bootstrap with the given weight distribution, number of draws (e.g. 9,999) and seed.
   *
   * @throws IllegalArgumentException if {@code draws < 1}
   */
  public static WildClusterBootstrap of(BootstrapWeights weights, int draws, long seed) {
    if (weights == null) {
      throw new IllegalArgumentException("weights is null");
    }
    Arguments.positive("draws", draws);
    return new WildClusterBootstrap(weights, draws, seed);
  }

  /** The weight distribution. */
  public BootstrapWeights weights() {
    return weights;
  }

  /** The requested number of draws. */
  public int draws() {
    return draws;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /**
   * Tests {@code H0: beta_column = 0} in {@code model} with clusters {@code clusters}.
   *
   * @param clusters 0-based cluster index per observation of the model
   * @throws IllegalArgumentException if there are fewer than 2 clusters, {@code clusters} does not
   *     match the model, or the restricted design is singular
   */
  public BootstrapResult test(LinearModel model, int[] clusters, int column) {
    int g = model.clusterCount(clusters);
    boolean enumerate =
        weights == BootstrapWeights.RADEMACHER
            && g <= MAX_ENUMERATED_CLUSTERS
            && draws >= (1L << g);
    Kernel kernel = Kernel.of(model, clusters, g, column);
    double observed = kernel.statistic(ones(g));
    double threshold = Math.abs(observed) * (1 - TIE_TOLERANCE);
    double[] w = new double[g];
    int used;
    int extreme = 0;
    if (enumerate) {
      used = 1 << g;
      for (int b = 0; b < used; b++) {
        for (int c = 0; c < g; c++) {
          w[c] = ((b >>> c) & 1) == 0 ? 1 : -1;
        }
        extreme += Math.abs(kernel.statistic(w)) >= threshold ? 1 : 0;
      }
    } else {
      used = draws;
      RandomGenerator random = new MersenneTwister(seed);
      for (int b = 0; b < used; b++) {
        for (int c = 0; c < g; c++) {
          w[c] = weights.point(random.nextInt(weights.size()));
        }
        extreme += Math.abs(kernel.statistic(w)) >= threshold ? 1 : 0;
      }
    }
    return new BootstrapResult(
        model.names().get(column),
        observed,
        (double) extreme / used,
        used,
        weights,
        seed,
        enumerate,
        g);
  }

  /**
   * The p-value for an explicit weight matrix ({@code weightMatrix[b][g]}), for cross-checks
   * against an independent implementation fed the same matrix.
   */
  static double pValue(LinearModel model, int[] clusters, int column, double[][] weightMatrix) {
    int g = model.clusterCount(clusters);
    Kernel kernel = Kernel.of(model, clusters, g, column);
    double threshold = Math.abs(kernel.statistic(ones(g))) * (1 - TIE_TOLERANCE);
    int extreme = 0;
    for (double[] w : weightMatrix) {
      if (w.length != g) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "weight rows must have %d entries: %d", g, w.length));
      }
      extreme += Math.abs(kernel.statistic(w)) >= threshold ? 1 : 0;
    }
    return (double) extreme / weightMatrix.length;
  }

  /** The observed CR1 t statistic as the bootstrap computes it (all weights 1). */
  static double observedStatistic(LinearModel model, int[] clusters, int column) {
    int g = model.clusterCount(clusters);
    return Kernel.of(model, clusters, g, column).statistic(ones(g));
  }

  private static double[] ones(int g) {
    double[] w = new double[g];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  /** Precomputed pieces: {@code b*_j = sum_g w_g beta_g}, {@code s_h = sum_g w_g cross[h][g]}. */
  private static final class Kernel {
    private final double[] beta;
    private final double[][] cross;
    private final double factor;

    private Kernel(double[] beta, double[][] cross, double factor) {
      this.beta = beta;
      this.cross = cross;
      this.factor = factor;
    }

    static Kernel of(LinearModel model, int[] clusters, int g, int column) {
      int n = model.nObs();
      double[][] inverse = model.xtxInverse();
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        double[] row = model.row(i);
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
          sum += row[k] * inverse[k][column];
        }
        a[i] = sum;
      }
      double[] restricted = model.without(column).residuals();
      double[] beta = new double[g];
      double[][] cross = new double[g][g];
      double[] part = new double[n];
      for (int c = 0; c < g; c++) {
        for (int i = 0; i < n; i++) {
          part[i] = clusters[i] == c ? restricted[i] : 0;
          beta[c] += a[i] * part[i];
        }
        double[] annihilated = model.annihilate(part);
        for (int i = 0; i < n; i++) {
          cross[clusters[i]][c] += a[i] * annihilated[i];
        }
      }
      double factor = (double) g / (g - 1) * (n - 1.0) / model.residualDf();
      return new Kernel(beta, cross, factor);
    }

    double statistic(double[] w) {
      double estimate = 0;
      for (int c = 0; c < w.length; c++) {
        estimate += w[c] * beta[c];
      }
      double meat = 0;
      for (double[] row : cross) {
        double s = 0;
        for (int c = 0; c < w.length; c++) {
          s += w[c] * row[c];
        }
        meat += s * s;
      }
      return estimate / Math.sqrt(factor * meat);
    }
  }
}
