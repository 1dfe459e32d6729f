package org.soseval.pipeline.panel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rates, percentages and DfE rounding, done in decimal so that a value that is exactly half way
 * (e.g. 12.25) rounds up as DfE's {@code round_five_up} does, and a binary fraction just below a
 * half never rounds the wrong way.
 */
public final class Arithmetic {
  /**
   * Quotients keep 12 decimal places: a count over a population below 10^8 is never that close to a
   * rounding boundary without being on it.
   */
  private static final int SCALE = 12;

  private Arithmetic() {}

  /**
   * {@code count / population * 10,000}.
   *
   * @throws IllegalArgumentException if the population is not positive or the count is negative
   */
  public static double ratePer10k(double count, double population) {
    return ratio(count, population, 10_000);
  }

  /**
   * {@code numerator / denominator * 100}.
   *
   * @throws IllegalArgumentException if the denominator is not positive or the numerator is
   *     negative
   */
  public static double percent(double numerator, double denominator) {
    return ratio(numerator, denominator, 100);
  }

  private static double ratio(double top, double bottom, int multiplier) {
    if (!(bottom > 0) || Double.isInfinite(bottom)) {
      throw new IllegalArgumentException("Denominator must be positive: " + bottom);
    }
    if (!(top >= 0) || Double.isInfinite(top)) {
      throw new IllegalArgumentException("Numerator must be zero or positive: " + top);
    }
    return new BigDecimal(top)
        .multiply(BigDecimal.valueOf(multiplier))
        .divide(new BigDecimal(bottom), SCALE, RoundingMode.HALF_UP)
        .doubleValue();
  }

  /**
   * Rounds half up (away from zero on a tie) to {@code decimalPlaces}, reading the double as its
   * shortest decimal form (so 12.35 rounds to 12.4).
   */
  public static BigDecimal roundHalfUp(double value, int decimalPlaces) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Cannot round a non-finite value: " + value);
    }
    return BigDecimal.valueOf(value).setScale(decimalPlaces, RoundingMode.HALF_UP);
  }
}
