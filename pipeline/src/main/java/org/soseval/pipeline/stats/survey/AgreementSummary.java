package org.soseval.pipeline.stats.survey;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.soseval.pipeline.stats.Estimate;

/**
 * The percentage agreeing with one Likert item and the counts that must be published with it
 * (methods.md section 6: base, item non-response, unit response rate).
 *
 * @param counts the tally the summary was computed from
 * @param eligible units sampled or eligible for the survey (the unit response-rate denominator)
 * @param percentAgreeing percentage agreeing with its Wilson intervals, on the 0-100 scale and with
 *     {@code n} = the base; empty when the base is 0
 * @param itemResponseRate percentage of responding units that answered the item (including don't
 *     know and not applicable); empty when there are no respondents
 * @param unitResponseRate percentage of eligible units that responded; empty when none are eligible
 */
public record AgreementSummary(
    LikertCounts counts,
    long eligible,
    Optional<Estimate> percentAgreeing,
    OptionalDouble itemResponseRate,
    OptionalDouble unitResponseRate) {
  public AgreementSummary {
    Objects.requireNonNull(counts, "counts is null");
    Objects.requireNonNull(percentAgreeing, "percentAgreeing is null");
    Objects.requireNonNull(itemResponseRate, "itemResponseRate is null");
    Objects.requireNonNull(unitResponseRate, "unitResponseRate is null");
  }

  /** Agree plus strongly agree: the numerator. */
  public long agreeing() {
    return counts.agreeing();
  }

  /** Valid responses (scores 1-5): the denominator, published as n. */
  public long base() {
    return counts.valid();
  }

  /** Don't know, reported separately and excluded from the base. */
  public long dontKnow() {
    return counts.dontKnow();
  }

  /** Not applicable, reported separately and excluded from the base. */
  public long notApplicable() {
    return counts.notApplicable();
  }

  /** Item non-response: responding units that left the item blank. */
  public long itemNonResponse() {
    return counts.missing();
  }

  /** Responding units. */
  public long respondents() {
    return counts.respondents();
  }

  /** Eligible units that did not respond (unit non-response). */
  public long unitNonResponse() {
    return eligible - counts.respondents();
  }
}
