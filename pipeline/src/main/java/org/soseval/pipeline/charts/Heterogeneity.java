package org.soseval.pipeline.charts;

import org.soseval.pipeline.stats.meta.MetaAnalysisResult;

/**
 * The heterogeneity line of a forest plot (methods.md §5.5): "Q = …, df = …, p = …; I² = …%; τ² =
 * …".
 *
 * @param q Cochran's Q, {@code >= 0}
 * @param df its degrees of freedom, k - 1
 * @param pValue the chi-square p-value of Q
 * @param i2 I² in percent
 * @param tau2 between-study variance τ² (on the analysis scale, e.g. ln OR)
 */
public record Heterogeneity(double q, int df, double pValue, double i2, double tau2) {
  public Heterogeneity {
    if (!(q >= 0) || Double.isInfinite(q)) {
      throw Checks.invalid(ForestRow.CHART, "Q must be finite and >= 0: %s", q);
    }
    if (df < 1) {
      throw Checks.invalid(ForestRow.CHART, "df must be >= 1: %d", df);
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw Checks.invalid(ForestRow.CHART, "p must be in [0, 1]: %s", pValue);
    }
    if (!(i2 >= 0 && i2 <= 100)) {
      throw Checks.invalid(ForestRow.CHART, "I² must be in [0, 100]: %s", i2);
    }
    if (!(tau2 >= 0) || Double.isInfinite(tau2)) {
      throw Checks.invalid(ForestRow.CHART, "τ² must be finite and >= 0: %s", tau2);
    }
  }

  /** Q, df, p and I² of {@code result}, with τ² from it (0 for a fixed-effect result). */
  public static Heterogeneity from(MetaAnalysisResult result) {
    return new Heterogeneity(
        result.q(), result.qDf(), result.qPValue(), result.i2(), result.tau2());
  }

  /** {@code "Q = 2.68, df = 4, p = 0.613; I² = 0.0%; τ² = 0"}. */
  public String text() {
    return "Q = "
        + Formats.fixed(q, 2)
        + ", df = "
        + df
        + (pValue < 0.001 ? ", p < 0.001" : ", p = " + Formats.fixed(pValue, 3))
        + "; I² = "
        + Formats.fixed(i2, 1)
        + "%; τ² = "
        + (tau2 == 0 ? "0" : Formats.display(tau2));
  }
}
