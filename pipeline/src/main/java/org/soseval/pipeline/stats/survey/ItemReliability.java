package org.soseval.pipeline.stats.survey;

/**
 * Reliability diagnostics for one item of a scale ({@link CronbachAlpha}).
 *
 * @param item zero-based column index
 * @param alphaIfDeleted raw alpha of the scale without this item; NaN for a two-item scale
 * @param correctedItemTotal correlation of the item with the sum of the other items (psych {@code
 *     r.drop}); NaN for a zero-variance item
 */
public record ItemReliability(int item, double alphaIfDeleted, double correctedItemTotal) {}
