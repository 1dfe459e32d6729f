package org.soseval.pipeline.panel;

import java.util.Locale;
import java.util.Objects;

/**
 * A data-quality flag on one LA-year indicator: the value lies far outside the LA's own series.
 *
 * @param indicator the indicator column flagged
 * @param rule the rule that fired ({@link QualityFlags#OUTLIER_RULE})
 * @param value the value tested (a rate per 10,000 for counts)
 * @param median the median of the LA's series
 * @param scaledMad the scaled median absolute deviation used (after its floor)
 * @param score {@code (value - median) / scaledMad}
 */
public record QualityFlag(
    Indicator indicator, String rule, double value, double median, double scaledMad, double score) {
  public QualityFlag {
    Objects.requireNonNull(indicator, "indicator is null");
    Objects.requireNonNull(rule, "rule is null");
  }

  /** E.g. {@code referrals_count:outlier_own_series(1864.6 vs median 650.2, z=9.1)}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s:%s(%.1f vs median %.1f, z=%.1f)",
        indicator.column(),
        rule,
        value,
        median,
        score);
  }
}
