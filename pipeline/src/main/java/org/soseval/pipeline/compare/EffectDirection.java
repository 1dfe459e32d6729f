package org.soseval.pipeline.compare;

import java.util.Locale;

/**
 * The direction of an effect on the EMMIE / Crime Reduction Toolkit effect scale (methods.md
 * §1.3a), with "crime" read as the outcome: REDUCED means the outcome went down (fewer ICPCs),
 * whatever its polarity; whether that is desirable is for the narrative.
 *
 * <p>Rule for pooled estimates ({@code did_twfe}, {@code pooled_dl}): the overall estimate is
 * significant when its 95% interval excludes 0; per-pilot estimates ({@code did_pilot}) are
 * evidence of a reduction or an increase when their own 95% intervals exclude 0.
 *
 * <ul>
 *   <li>significant reduction: REDUCED, or REDUCED_SOME_INCREASE if a pilot increased;
 *   <li>significant increase: INCREASED, or INCREASED_SOME_REDUCTION if a pilot reduced;
 *   <li>not significant: MIXED_NS if pilots went both ways, SOME_REDUCTION_NS or SOME_INCREASE_NS
 *       if only one way, else NO_EFFECT.
 * </ul>
 *
 * Single-unit estimates ({@code did_pilot}, {@code its}, event-study terms) are REDUCED, INCREASED
 * or NO_EFFECT by their own interval. A NaN estimate or interval gives NO_EFFECT.
 */
public enum EffectDirection {
  REDUCED,
  REDUCED_SOME_INCREASE,
  SOME_REDUCTION_NS,
  MIXED_NS,
  NO_EFFECT,
  SOME_INCREASE_NS,
  INCREASED_SOME_REDUCTION,
  INCREASED;

  /** The lower-case label written to {@code effects.csv}, e.g. {@code "reduced"}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** From one estimate's interval. */
  public static EffectDirection ofInterval(double lower, double upper) {
    if (upper < 0) {
      return REDUCED;
    }
    if (lower > 0) {
      return INCREASED;
    }
    return NO_EFFECT;
  }

  /**
   * From a pooled interval and the number of per-pilot estimates that were significantly lower or
   * higher.
   */
  public static EffectDirection ofPooled(
      double lower, double upper, int pilotsReduced, int pilotsIncreased) {
    EffectDirection overall = ofInterval(lower, upper);
    if (overall == REDUCED) {
      return pilotsIncreased > 0 ? REDUCED_SOME_INCREASE : REDUCED;
    }
    if (overall == INCREASED) {
      return pilotsReduced > 0 ? INCREASED_SOME_REDUCTION : INCREASED;
    }
    if (pilotsReduced > 0 && pilotsIncreased > 0) {
      return MIXED_NS;
    }
    if (pilotsReduced > 0) {
      return SOME_REDUCTION_NS;
    }
    if (pilotsIncreased > 0) {
      return SOME_INCREASE_NS;
    }
    return NO_EFFECT;
  }
}
