package org.soseval.pipeline.stats.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.soseval.pipeline.stats.Arguments;

/**
 * Rounding for display only: half-up ({@link RoundingMode#HALF_UP}, away from zero at a tie) in
 * decimal arithmetic, never on binary floating point (methods.md "Numeric conventions"; product.md:
 * rates and percentages 1 dp, counts whole). Computation always uses unrounded values; these
 * methods are the last step before writing a cell.
 */
public final class DisplayRounding {
  private DisplayRounding() {}

  /**
   * {@code value} rounded half-up to {@code decimals} places, starting from its shortest decimal
   * representation ({@link BigDecimal#valueOf(double)}), so that the double nearest 4.35 gives 4.4
   * and 0.05 gives 0.1, where {@code new BigDecimal(4.35)} (4.3499999999999996...) would give 4.3.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite, or {@code decimals < 0}
   */
  public static BigDecimal halfUp(double value, int decimals) {
    Arguments.finite("value", value);
    requireDecimals(decimals);
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
  }

  /**
   * The exact ratio {@code numerator x multiplier / denominator} rounded half-up to {@code
   * decimals} places, computed in decimal arithmetic from the integer inputs (no floating point):
   * e.g. a percentage ({@code multiplier} 100) or a rate per 10,000.
   *
   * @throws IllegalArgumentException if {@code denominator <= 0}, {@code numerator < 0}, {@code
   *     multiplier <= 0} or {@code decimals < 0}
   */
  public static BigDecimal ratio(long numerator, long denominator, long multiplier, int decimals) {
    if (numerator < 0 || denominator <= 0 || multiplier <= 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Cannot form ratio %d x %d / %d: needs numerator >= 0, denominator > 0 and"
                  + " multiplier > 0",
              numerator,
              multiplier,
              denominator));
    }
    requireDecimals(decimals);
    return BigDecimal.valueOf(numerator)
        .multiply(BigDecimal.valueOf(multiplier))
        .divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP);
  }

  /**
   * A count rounded half-up to the nearest multiple of {@code base}: to 10, 25 gives 30, 35 gives
   * 40, 44 gives 40 and 45 gives 50 (methods.md R30).
   *
   * @throws IllegalArgumentException if {@code count < 0} or {@code base < 1}
   */
  public static long toNearest(long count, long base) {
    if (count < 0 || base < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Cannot round %d to the nearest %d: needs count >= 0 and base >= 1",
              count,
              base));
    }
    return BigDecimal.valueOf(count)
            .divide(BigDecimal.valueOf(base), 0, RoundingMode.HALF_UP)
            .longValueExact()
        * base;
  }

  private static void requireDecimals(int decimals) {
    if (decimals < 0) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "decimals must be >= 0: %d", decimals));
    }
  }
}
