package org.soseval.pipeline.stats.meta;

/** How the random-effects prediction interval {@code theta -/+ q sqrt(tau^2 + SE^2)} picks q. */
public enum PredictionIntervalRule {
  /**
   * {@code q = z_{(1+level)/2}}: R metafor 3.8-1 {@code predict(rma(yi, vi, method = "DL"))}, whose
   * default {@code test = "z"} uses the normal quantile. The default here, so R reruns agree.
   */
  NORMAL,
  /**
   * {@code q = t_{k-2, (1+level)/2}} (Higgins, Thompson and Spiegelhalter 2009, JRSS A 172:137-159;
   * Cochrane Handbook 10.10.4.3). Undefined for {@code k = 2}: the interval is then {@code
   * (-Infinity, +Infinity)}.
   */
  STUDENT_T_K_MINUS_2
}
