package org.soseval.pipeline.stats.survey;

import org.soseval.pipeline.stats.Arguments;

/**
 * Kish's effective sample size of a weighted sample: {@code n_eff = (sum w)^2 / sum w^2}, with
 * design effect due to weighting {@code deff = n / n_eff = n sum w^2 / (sum w)^2} (Kish 1965,
 * <i>Survey Sampling</i>, section 11.7; methods.md section 6).
 *
 * @param n number of weighted observations
 * @param sumWeights {@code sum w}
 * @param sumSquaredWeights {@code sum w^2}
 */
public record KishEffectiveSize(long n, double sumWeights, double sumSquaredWeights) {

  /**
   * From individual weights.
   *
   * <p>Edge cases: equal weights give {@code n_eff = n} and {@code deff = 1}; zero weights count in
   * {@code n} but not in {@code n_eff}.
   *
   * @throws IllegalArgumentException if there are no weights, a weight is negative, NaN or
   *     infinite, or all weights are 0
   */
  public static KishEffectiveSize of(double... weights) {
    Arguments.atLeast("weights", weights.length, 1);
    double sum = 0;
    double sumSquares = 0;
    for (double weight : weights) {
      Arguments.nonNegative("weight", Arguments.finite("weight", weight));
      sum += weight;
      sumSquares += weight * weight;
    }
    return ofSums(sum, sumSquares, weights.length);
  }

  static KishEffectiveSize ofSums(double sumWeights, double sumSquaredWeights, long n) {
    Arguments.positive("sum of weights", sumWeights);
    return new KishEffectiveSize(n, sumWeights, sumSquaredWeights);
  }

  /** {@code (sum w)^2 / sum w^2}. */
  public double effectiveSize() {
    return sumWeights * sumWeights / sumSquaredWeights;
  }

  /** {@code n / n_eff}. */
  public double designEffect() {
    return n / effectiveSize();
  }
}
