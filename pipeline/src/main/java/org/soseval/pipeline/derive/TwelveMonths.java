package org.soseval.pipeline.derive;

import java.time.LocalDate;

/**
 * "Within 12 months before" as product.md defines it: a date P is within 12 months before D when P
 * &lt; D and P + 12 calendar months &ge; D, the day clamped to the end of the month (2024-02-29 +
 * 12 months = 2025-02-28, as {@link LocalDate#plusMonths} does).
 */
public final class TwelveMonths {
  private TwelveMonths() {}

  /** Whether {@code earlier} is within 12 months before {@code later}. */
  public static boolean within(LocalDate earlier, LocalDate later) {
    return earlier.isBefore(later) && !earlier.plusMonths(12).isBefore(later);
  }
}
