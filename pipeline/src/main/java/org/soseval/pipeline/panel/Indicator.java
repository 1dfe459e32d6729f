package org.soseval.pipeline.panel;

import java.util.Arrays;
import java.util.Optional;
import org.soseval.pipeline.stats.compare.Polarity;

/**
 * The columns of {@code la_indicators.csv} (docs/product.md), in their published order. Their
 * labels, groupings, kinds, numerators, polarity and definitions are data, in {@code
 * data-schemas/indicators.yaml} ({@link IndicatorCatalogue}). A rate is its count per 10,000
 * children aged 0-17 (ONS mid-year Y-1); a percentage is its numerator over its denominator times
 * 100, both from unrounded counts.
 */
public enum Indicator {
  REFERRALS_COUNT("referrals_count"),
  REREFERRALS_12M_COUNT("rereferrals_12m_count"),
  REREFERRAL_12M_PERCENT("rereferral_12m_percent"),
  ASSESSMENTS_COMPLETED_COUNT("assessments_completed_count"),
  ASSESSMENTS_COMPLETED_RATE("assessments_completed_rate"),
  ASSESSMENT_DURATION_MEDIAN_WORKING_DAYS("assessment_duration_median_working_days"),
  ASSESSMENTS_WITHIN_45WD_PERCENT("assessments_within_45wd_percent"),
  S47_COUNT("s47_count"),
  S47_RATE("s47_rate"),
  ICPC_COUNT("icpc_count"),
  ICPC_RATE("icpc_rate"),
  S47_TO_ICPC_MEDIAN_WORKING_DAYS("s47_to_icpc_median_working_days"),
  ICPC_WITHIN_15WD_PERCENT("icpc_within_15wd_percent"),
  CPP_START_COUNT("cpp_start_count"),
  CPP_START_RATE("cpp_start_rate"),
  CPP_SUBSEQUENT_PERCENT("cpp_subsequent_percent"),
  CPP_AT31_COUNT("cpp_at31_count"),
  CPP_AT31_RATE("cpp_at31_rate"),
  CIN_AT31_COUNT("cin_at31_count"),
  CIN_AT31_RATE("cin_at31_rate"),
  CLA_START_COUNT("cla_start_count"),
  CLA_START_RATE("cla_start_rate"),
  CLA_AT31_COUNT("cla_at31_count"),
  CLA_AT31_RATE("cla_at31_rate"),
  CLA_CEASED_COUNT("cla_ceased_count"),
  CLA_REUNIFIED_COUNT("cla_reunified_count"),
  CLA_REUNIFIED_PERCENT("cla_reunified_percent"),
  CLA_REENTRY_12M_COUNT("cla_reentry_12m_count"),
  POPULATION_0_17("population_0_17");

  /** What the number is, which decides its unit, rounding and totals. */
  public enum Kind {
    /** A whole number; totals are sums. */
    COUNT,
    /** Per 10,000 children aged 0-17; published to 1 dp. */
    RATE,
    /** A percentage of two counts; published to 1 dp. */
    PERCENT,
    /** A median number of working days; published as is (keeps its .5). */
    MEDIAN
  }

  private final String column;

  Indicator(String column) {
    this.column = column;
  }

  private IndicatorCatalogue.Entry entry() {
    return IndicatorCatalogue.entry(column);
  }

  public String column() {
    return column;
  }

  public Kind kind() {
    return entry().kind();
  }

  public String label() {
    return entry().label();
  }

  public String grouping() {
    return entry().grouping();
  }

  /** For rates and percentages: the count on top (an indicator column or a supporting count). */
  public Optional<String> numerator() {
    return entry().numerator();
  }

  /** For rates: {@code population_0_17}; for percentages: the count below. */
  public Optional<String> denominator() {
    return entry().denominator();
  }

  /** For medians: the count of the cases the median is over (for disclosure control). */
  public Optional<String> base() {
    return entry().base();
  }

  /** Whether higher or lower values are better, from the catalogue. */
  public Polarity polarity() {
    return entry().polarity();
  }

  /** The definition, as docs/product.md gives it. */
  public String definition() {
    return entry().definition();
  }

  /** EES {@code indicator_unit}: {@code %} for percentages, blank otherwise. */
  public String unit() {
    return kind() == Kind.PERCENT ? "%" : "";
  }

  /** EES {@code indicator_dp}: 0 for counts, 1 otherwise. */
  public int decimalPlaces() {
    return kind() == Kind.COUNT ? 0 : 1;
  }

  public static Optional<Indicator> byColumn(String column) {
    return Arrays.stream(values()).filter(i -> i.column.equals(column)).findFirst();
  }
}
