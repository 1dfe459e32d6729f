package org.soseval.pipeline.stats.survey;

/**
 * The non-response weight given to one stratum.
 *
 * @param name stratum label
 * @param weight {@code N_h / r_h}
 */
public record StratumWeight(String name, double weight) {}
