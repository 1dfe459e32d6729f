package org.soseval.pipeline.stats.funnel;

/** How ratio funnel limits O/E are expressed (PHEindicatormethods {@code ratio_type}). */
public enum RatioType {
  /** O/E − 1 (baseline 0). */
  COUNT,
  /** O/E × 100, an indirectly standardised ratio (baseline 100). */
  ISR
}
