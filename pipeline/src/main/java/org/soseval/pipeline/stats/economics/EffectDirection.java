package org.soseval.pipeline.stats.economics;

/**
 * Which way the effect measure improves, so that a positive incremental effect always means the
 * intervention did better (e.g. re-referral rate: {@link #LOWER_IS_BETTER}).
 */
public enum EffectDirection {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER;

  /** Intervention minus comparator, sign-adjusted so that positive is an improvement. */
  double gain(double intervention, double comparator) {
    return this == HIGHER_IS_BETTER ? intervention - comparator : comparator - intervention;
  }
}
