package org.soseval.pipeline.stats.effect;

/** Small-sample bias correction factor J for Hedges' g, with {@code df = n1 + n2 - 2}. */
public enum BiasCorrection {
  /**
   * {@code J = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2))} (Hedges 1981, J Educ Stat 6:107-128);
   * metafor 3.8-1 {@code escalc("SMD")}.
   */
  EXACT,
  /**
   * {@code J = 1 - 3/(4 df - 1)} (Hedges and Olkin 1985); e.g. Cochrane RevMan, Stata {@code
   * esize}.
   */
  APPROXIMATE
}
