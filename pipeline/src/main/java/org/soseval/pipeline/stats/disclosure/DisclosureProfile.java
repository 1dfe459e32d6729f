package org.soseval.pipeline.stats.disclosure;

import java.util.Locale;
import java.util.Objects;

/**
 * The thresholds of a disclosure-control convention (methods.md section 7.2; all configurable).
 *
 * @param name label for metadata
 * @param suppressFrom smallest count suppressed as {@code c} (primary suppression)
 * @param suppressTo largest count suppressed as {@code c}
 * @param aggregateRoundingBase published counts in aggregate rows (regional and national totals:
 *     any row with children) are rounded half-up to a multiple of this; 1 = unrounded
 * @param countRoundingBase every published count is rounded half-up to a multiple of this; 1 =
 *     unrounded (applied instead of {@code aggregateRoundingBase} when greater than 1)
 * @param minimumPercentBase a percentage or rate whose denominator count is below this is {@code c}
 * @param minimumAverageBase a mean or median of fewer cases than this is {@code c}
 * @param decimals decimal places of published percentages, rates and averages
 */
public record DisclosureProfile(
    String name,
    long suppressFrom,
    long suppressTo,
    long aggregateRoundingBase,
    long countRoundingBase,
    long minimumPercentBase,
    long minimumAverageBase,
    int decimals) {
  public DisclosureProfile {
    Objects.requireNonNull(name, "name is null");
    if (suppressFrom < 0 || suppressTo < suppressFrom) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "suppression range must satisfy 0 <= from <= to: %d-%d",
              suppressFrom,
              suppressTo));
    }
    if (aggregateRoundingBase < 1 || countRoundingBase < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "rounding bases must be >= 1: %d, %d",
              aggregateRoundingBase,
              countRoundingBase));
    }
    if (decimals < 0) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "decimals must be >= 0: %d", decimals));
    }
  }

  /**
   * DfE children's social care default (methods.md section 7.1/7.2): counts 1-5 are {@code c} and 0
   * is published; regional and national counts rounded half-up to the nearest 10, LA counts
   * unrounded; percentages and rates 1 dp; a percentage on a base below 6 (one that could reveal a
   * count in 1-5) and an average of fewer than 10 cases are {@code c}.
   */
  public static DisclosureProfile dfe() {
    return new DisclosureProfile("DfE", 1, 5, 10, 1, 6, 10, 1);
  }

  /**
   * The ONS "10-5 rule" (methods.md section 7.2 item 6): every count below 10, including 0, is
   * {@code c}; every published count is rounded half-up to the nearest 5; percentages need a base
   * of at least 10 and averages at least 10 cases; 1 dp.
   */
  public static DisclosureProfile ons10And5() {
    return new DisclosureProfile("ONS 10-5", 0, 9, 1, 5, 10, 10, 1);
  }

  /** A copy with another minimum base for percentages (e.g. 10 for survey items, methods.md 6). */
  public DisclosureProfile withMinimumPercentBase(long minimum) {
    return new DisclosureProfile(
        name,
        suppressFrom,
        suppressTo,
        aggregateRoundingBase,
        countRoundingBase,
        minimum,
        minimumAverageBase,
        decimals);
  }

  /** True when a count falls in the primary-suppression range. */
  public boolean isPrimary(long count) {
    return count >= suppressFrom && count <= suppressTo;
  }

  /** The count as published (after rounding) for a cell that is not suppressed. */
  long publishedCount(long count, boolean aggregateRow) {
    if (countRoundingBase > 1) {
      return DisplayRounding.toNearest(count, countRoundingBase);
    }
    return aggregateRow ? DisplayRounding.toNearest(count, aggregateRoundingBase) : count;
  }
}
