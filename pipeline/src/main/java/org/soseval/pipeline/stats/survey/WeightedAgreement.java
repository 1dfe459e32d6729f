package org.soseval.pipeline.stats.survey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.soseval.pipeline.stats.Estimate;

/**
 * A non-response-weighted percentage agreeing.
 *
 * @param percentAgreeing weighted percentage on the 0-100 scale with Wilson intervals computed at
 *     the Kish effective sample size ({@code n} of the estimate); empty when no valid response
 * @param base unweighted valid responses
 * @param weightedBase sum of the weights of the valid responses
 * @param effectiveBase Kish effective sample size {@code (sum w)^2 / sum w^2}
 * @param designEffect Kish design effect due to weighting, {@code base / effectiveBase}
 * @param weights weight per stratum, in input order
 */
public record WeightedAgreement(
    Optional<Estimate> percentAgreeing,
    long base,
    double weightedBase,
    double effectiveBase,
    double designEffect,
    List<StratumWeight> weights) {
  public WeightedAgreement {
    Objects.requireNonNull(percentAgreeing, "percentAgreeing is null");
    weights = List.copyOf(weights);
  }
}
