package org.soseval.pipeline.stats.funnel;

/** The kind of rate in a rate funnel (PHEindicatormethods {@code rate_type}). */
public enum RateType {
  /** Directly standardised rate: denominators are derived as multiplier × O / rate. */
  DSR,
  /** Crude rate: as DSR, except that a unit with no events uses its supplied denominator. */
  CRUDE
}
