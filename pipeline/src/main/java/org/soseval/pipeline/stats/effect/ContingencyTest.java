package org.soseval.pipeline.stats.effect;

import java.util.Objects;

/**
 * A test of independence in a 2x2 table.
 *
 * @param method {@code "pearson_chi_square"}, {@code "pearson_chi_square_yates"} or {@code
 *     "fisher_exact"}
 * @param statistic the chi-square statistic; for Fisher's test the sample odds ratio {@code ad/bc}
 *     (as commons-statistics 1.2 {@code FisherExactTest} reports it)
 * @param degreesOfFreedom 1 for chi-square; NaN for Fisher's test
 * @param pValue two-sided p-value
 */
public record ContingencyTest(
    String method, double statistic, double degreesOfFreedom, double pValue) {
  public ContingencyTest {
    Objects.requireNonNull(method, "method is null");
  }
}
