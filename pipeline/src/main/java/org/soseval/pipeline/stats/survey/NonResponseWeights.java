package org.soseval.pipeline.stats.survey;

import java.util.Locale;

/**
 * Inverse-response (non-response) weights within strata: {@code w_h = N_h / r_h} with {@code N_h}
 * the units sampled or eligible in stratum {@code h} and {@code r_h} those that responded
 * (methods.md section 6 (iii); Kalton and Flores-Cervantes 2003, J Off Stat 19:81-97, "cell
 * weighting").
 */
public final class NonResponseWeights {
  private NonResponseWeights() {}

  /**
   * The weight of one stratum.
   *
   * <p>A stratum with no population and no respondents gets weight 0 (it contributes nothing).
   *
   * @throws IllegalArgumentException if {@code population < 0}, {@code respondents < 0}, {@code
   *     respondents > population}, or the stratum has a population but no respondents (its weight
   *     would be infinite: collapse it with a neighbouring stratum)
   */
  public static double weight(String stratum, long population, long respondents) {
    if (population < 0 || respondents < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Cannot weight stratum %s: population and respondents must be >= 0: %d, %d",
              stratum,
              population,
              respondents));
    }
    if (respondents > population) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Cannot weight stratum %s: respondents (%d) exceed population (%d)",
              stratum,
              respondents,
              population));
    }
    if (population == 0) {
      return 0;
    }
    if (respondents == 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Cannot weight stratum %s: population %d but no respondents; collapse it with a"
                  + " neighbouring stratum",
              stratum,
              population));
    }
    return (double) population / respondents;
  }
}
