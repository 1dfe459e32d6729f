package org.soseval.pipeline.panel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of {@code la_indicators.csv} (docs/product.md), in their published order, with what
 * the EES metadata needs: label, grouping, unit and display decimal places. A rate is its count per
 * 10,000 children aged 0-17 (ONS mid-year Y-1); a percentage is its numerator over its denominator
 * times 100, both from unrounded counts.
 */
public enum Indicator {
  REFERRALS_COUNT("referrals_count", Kind.COUNT, "Number of referrals", "Referrals"),
  REREFERRALS_12M_COUNT(
      "rereferrals_12m_count",
      Kind.COUNT,
      "Number of referrals within 12 months of a previous referral",
      "Referrals"),
  REREFERRAL_12M_PERCENT(
      "rereferral_12m_percent",
      Kind.PERCENT,
      "Percentage of referrals within 12 months of a previous referral",
      "Referrals",
      "rereferrals_12m_count",
      "referrals_count"),
  ASSESSMENTS_COMPLETED_COUNT(
      "assessments_completed_count", Kind.COUNT, "Number of assessments completed", "Assessments"),
  ASSESSMENTS_COMPLETED_RATE(
      "assessments_completed_rate",
      Kind.RATE,
      "Assessments completed per 10,000 children",
      "Assessments",
      "assessments_completed_count",
      "population_0_17"),
  ASSESSMENT_DURATION_MEDIAN_WORKING_DAYS(
      "assessment_duration_median_working_days",
      Kind.MEDIAN,
      "Median working days from assessment start to authorisation",
      "Assessments"),
  ASSESSMENTS_WITHIN_45WD_PERCENT(
      "assessments_within_45wd_percent",
      Kind.PERCENT,
      "Percentage of assessments completed within 45 working days",
      "Assessments",
      "assessments_within_45wd_count",
      "assessments_completed_count"),
  S47_COUNT("s47_count", Kind.COUNT, "Number of section 47 enquiries", "Section 47 enquiries"),
  S47_RATE(
      "s47_rate",
      Kind.RATE,
      "Section 47 enquiries per 10,000 children",
      "Section 47 enquiries",
      "s47_count",
      "population_0_17"),
  ICPC_COUNT(
      "icpc_count",
      Kind.COUNT,
      "Number of initial child protection conferences",
      "Initial child protection conferences"),
  ICPC_RATE(
      "icpc_rate",
      Kind.RATE,
      "Initial child protection conferences per 10,000 children",
      "Initial child protection conferences",
      "icpc_count",
      "population_0_17"),
  S47_TO_ICPC_MEDIAN_WORKING_DAYS(
      "s47_to_icpc_median_working_days",
      Kind.MEDIAN,
      "Median working days from section 47 start to initial conference",
      "Initial child protection conferences"),
  ICPC_WITHIN_15WD_PERCENT(
      "icpc_within_15wd_percent",
      Kind.PERCENT,
      "Percentage of initial conferences within 15 working days of the section 47",
      "Initial child protection conferences",
      "icpc_within_15wd_count",
      "icpc_with_s47_duration_count"),
  CPP_START_COUNT(
      "cpp_start_count", Kind.COUNT, "Number of child protection plans started", "Plans"),
  CPP_START_RATE(
      "cpp_start_rate",
      Kind.RATE,
      "Child protection plans started per 10,000 children",
      "Plans",
      "cpp_start_count",
      "population_0_17"),
  CPP_SUBSEQUENT_PERCENT(
      "cpp_subsequent_percent",
      Kind.PERCENT,
      "Percentage of plans started that were a second or subsequent plan",
      "Plans",
      "cpp_subsequent_count",
      "cpp_start_count"),
  CPP_AT31_COUNT(
      "cpp_at31_count", Kind.COUNT, "Number of child protection plans at 31 March", "Plans"),
  CPP_AT31_RATE(
      "cpp_at31_rate",
      Kind.RATE,
      "Child protection plans at 31 March per 10,000 children",
      "Plans",
      "cpp_at31_count",
      "population_0_17"),
  CIN_AT31_COUNT(
      "cin_at31_count", Kind.COUNT, "Number of children in need at 31 March", "Children in need"),
  CIN_AT31_RATE(
      "cin_at31_rate",
      Kind.RATE,
      "Children in need at 31 March per 10,000 children",
      "Children in need",
      "cin_at31_count",
      "population_0_17"),
  CLA_START_COUNT(
      "cla_start_count",
      Kind.COUNT,
      "Number of children starting to be looked after",
      "Children looked after"),
  CLA_START_RATE(
      "cla_start_rate",
      Kind.RATE,
      "Children starting to be looked after per 10,000 children",
      "Children looked after",
      "cla_start_count",
      "population_0_17"),
  CLA_AT31_COUNT(
      "cla_at31_count",
      Kind.COUNT,
      "Number of children looked after at 31 March",
      "Children looked after"),
  CLA_AT31_RATE(
      "cla_at31_rate",
      Kind.RATE,
      "Children looked after at 31 March per 10,000 children",
      "Children looked after",
      "cla_at31_count",
      "population_0_17"),
  CLA_CEASED_COUNT(
      "cla_ceased_count",
      Kind.COUNT,
      "Number of children ceasing to be looked after",
      "Children looked after"),
  CLA_REUNIFIED_COUNT(
      "cla_reunified_count",
      Kind.COUNT,
      "Number of children ceasing care who returned home",
      "Children looked after"),
  CLA_REUNIFIED_PERCENT(
      "cla_reunified_percent",
      Kind.PERCENT,
      "Percentage of children ceasing care who returned home",
      "Children looked after",
      "cla_reunified_count",
      "cla_ceased_count"),
  CLA_REENTRY_12M_COUNT(
      "cla_reentry_12m_count",
      Kind.COUNT,
      "Number of care starts within 12 months of a previous period of care ending",
      "Children looked after"),
  POPULATION_0_17(
      "population_0_17",
      Kind.COUNT,
      "Children aged 0 to 17 (ONS mid-year estimate for the previous year)",
      "Population");

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
  private final Kind kind;
  private final String label;
  private final String grouping;
  private final String numerator;
  private final String denominator;

  Indicator(String column, Kind kind, String label, String grouping) {
    this(column, kind, label, grouping, null, null);
  }

  Indicator(
      String column,
      Kind kind,
      String label,
      String grouping,
      String numerator,
      String denominator) {
    this.column = column;
    this.kind = kind;
    this.label = label;
    this.grouping = grouping;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  public String column() {
    return column;
  }

  public Kind kind() {
    return kind;
  }

  public String label() {
    return label;
  }

  public String grouping() {
    return grouping;
  }

  /** For rates and percentages: the count on top (an indicator column or a supporting count). */
  public Optional<String> numerator() {
    return Optional.ofNullable(numerator);
  }

  /** For rates: {@code population_0_17}; for percentages: the count below. */
  public Optional<String> denominator() {
    return Optional.ofNullable(denominator);
  }

  /** EES {@code indicator_unit}: {@code %} for percentages, blank otherwise. */
  public String unit() {
    return kind == Kind.PERCENT ? "%" : "";
  }

  /** EES {@code indicator_dp}: 0 for counts, 1 otherwise. */
  public int decimalPlaces() {
    return kind == Kind.COUNT ? 0 : 1;
  }

  public static Optional<Indicator> byColumn(String column) {
    return Arrays.stream(values()).filter(i -> i.column.equals(column)).findFirst();
  }
}
