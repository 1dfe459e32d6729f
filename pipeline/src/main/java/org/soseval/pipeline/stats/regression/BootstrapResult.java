package org.soseval.pipeline.stats.regression;

import java.util.Objects;

/**
 * The outcome of a wild-cluster bootstrap test of {@code H0: coefficient = 0}.
 *
 * @param term the tested design column
 * @param statistic the observed CR1 t statistic
 * @param pValue the symmetric two-sided bootstrap p-value {@code #{|t*| >= |t|} / draws}
 * @param draws the number of bootstrap draws used (2^G when enumerated)
 * @param weights the auxiliary weight distribution
 * @param seed the random seed (irrelevant, but reported, when enumerated)
 * @param enumerated true when every Rademacher sign vector was used instead of random draws
 * @param nClusters number of clusters G
 */
public record BootstrapResult(
    String term,
    double statistic,
    double pValue,
    int draws,
    BootstrapWeights weights,
    long seed,
    boolean enumerated,
    int nClusters) {
  public BootstrapResult {
    Objects.requireNonNull(term, "term is null");
    Objects.requireNonNull(weights, "weights is null");
  }

  /** {@code "wild_cluster_<weights>"}, e.g. {@code "wild_cluster_rademacher"}. */
  public String method() {
    return "wild_cluster_" + weights.label();
  }
}
