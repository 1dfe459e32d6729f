package org.soseval.pipeline.stats.disclosure;

import java.math.BigDecimal;
import java.util.Objects;
import org.soseval.pipeline.stats.Arguments;

/**
 * Disclosure control for statistics derived from counts (methods.md section 7.2 item 3): a
 * percentage, rate or average is {@code c} when a count it is built from is suppressed or its base
 * is too small; it is computed from the unrounded counts and rounded half-up for display only.
 */
public final class DerivedValues {
  private DerivedValues() {}

  /**
   * A percentage {@code numerator / denominator x 100} for publication.
   *
   * <p>Rules, in order: either count suppressed gives {@code c}; a zero denominator gives {@code
   * z}; a denominator below {@link DisclosureProfile#minimumPercentBase()} gives {@code c}; a
   * non-zero value that rounds to zero gives {@code low}; otherwise the exact percentage rounded
   * half-up to {@link DisclosureProfile#decimals()} places (2,710 / 62,300 = 4.3499...% gives 4.3).
   */
  public static PublishedValue percent(
      long numerator,
      boolean numeratorSuppressed,
      long denominator,
      boolean denominatorSuppressed,
      DisclosureProfile profile) {
    return ratio(numerator, numeratorSuppressed, denominator, denominatorSuppressed, 100, profile);
  }

  /**
   * A rate {@code count / population x per} (e.g. per 10,000 children) for publication; the same
   * rules as {@link #percent}, with the population as the denominator (rarely suppressed itself).
   */
  public static PublishedValue rate(
      long count, boolean countSuppressed, long population, long per, DisclosureProfile profile) {
    return ratio(count, countSuppressed, population, false, per, profile);
  }

  /**
   * A mean or median of {@code cases} cases: {@code c} when {@code cases} is below {@link
   * DisclosureProfile#minimumAverageBase()}, {@code z} when there are no cases, otherwise the value
   * rounded half-up to {@link DisclosureProfile#decimals()} places.
   *
   * @throws IllegalArgumentException if {@code cases > 0} and the value is NaN or infinite
   */
  public static PublishedValue average(double value, long cases, DisclosureProfile profile) {
    if (cases <= 0) {
      return PublishedValue.symbol(Symbol.NOT_APPLICABLE);
    }
    if (cases < profile.minimumAverageBase()) {
      return PublishedValue.symbol(Symbol.CONFIDENTIAL);
    }
    return PublishedValue.number(DisplayRounding.halfUp(value, profile.decimals()));
  }

  private static PublishedValue ratio(
      long numerator,
      boolean numeratorSuppressed,
      long denominator,
      boolean denominatorSuppressed,
      long multiplier,
      DisclosureProfile profile) {
    Objects.requireNonNull(profile, "profile is null");
    Arguments.nonNegative("numerator", numerator);
    Arguments.nonNegative("denominator", denominator);
    if (numeratorSuppressed || denominatorSuppressed) {
      return PublishedValue.symbol(Symbol.CONFIDENTIAL);
    }
    if (denominator == 0) {
      return PublishedValue.symbol(Symbol.NOT_APPLICABLE);
    }
    if (denominator < profile.minimumPercentBase()) {
      return PublishedValue.symbol(Symbol.CONFIDENTIAL);
    }
    BigDecimal value =
        DisplayRounding.ratio(numerator, denominator, multiplier, profile.decimals());
    if (numerator > 0 && value.signum() == 0) {
      return PublishedValue.symbol(Symbol.LOW);
    }
    return PublishedValue.number(value);
  }
}
