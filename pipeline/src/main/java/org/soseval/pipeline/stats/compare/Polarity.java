package org.soseval.pipeline.stats.compare;

/**
 * Whether a higher indicator value is better (Fingertips polarity "RAG - High is good"), lower is
 * better ("RAG - Low is good"), or neither ("BOB - Blue orange blue": no value judgement).
 */
public enum Polarity {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  NO_POLARITY
}
