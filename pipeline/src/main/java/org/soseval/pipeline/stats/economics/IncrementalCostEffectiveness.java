package org.soseval.pipeline.stats.economics;

import java.util.Objects;
import java.util.OptionalDouble;
import org.soseval.pipeline.stats.Arguments;

/**
 * Incremental cost-effectiveness of an intervention against a comparator.
 *
 * <p>{@code ICER = deltaCost / deltaEffect} with {@code deltaCost = C_intervention - C_comparator}
 * and {@code deltaEffect} the effect difference signed so that positive means the intervention did
 * better ({@link EffectDirection}); methods.md section 8 (Drummond et al., <i>Methods for the
 * Economic Evaluation of Health Care Programmes</i>, 4th ed. 2015, ch. 4; Black 1990, Med Decis
 * Making 10:212-214 for the plane). The ratio is reported only in the north-east and south-west
 * quadrants, where it means "cost per unit gained" or "saving per unit lost"; a dominant or
 * dominated intervention (including {@code deltaEffect = 0}) gets no ratio, because a negative or
 * infinite ratio misleads.
 *
 * @param deltaCost incremental cost
 * @param deltaEffect incremental effect, positive = better
 * @param quadrant position on the cost-effectiveness plane
 * @param ratio the ICER in the NE and SW quadrants, otherwise empty
 */
public record IncrementalCostEffectiveness(
    double deltaCost,
    double deltaEffect,
    CostEffectivenessQuadrant quadrant,
    OptionalDouble ratio) {
  public IncrementalCostEffectiveness {
    Objects.requireNonNull(quadrant, "quadrant is null");
    Objects.requireNonNull(ratio, "ratio is null");
  }

  /**
   * From mean cost and mean effect per case in each arm.
   *
   * <p>Example (methods.md section 8): 3,450 vs 3,100 per family, re-referral 15.0% vs 21.9% with
   * {@code LOWER_IS_BETTER}: ICER = 350 / 0.069 = 5,072.46 per re-referral avoided, NORTH_EAST.
   *
   * @throws IllegalArgumentException if any input is NaN or infinite
   */
  public static IncrementalCostEffectiveness of(
      double costIntervention,
      double effectIntervention,
      double costComparator,
      double effectComparator,
      EffectDirection direction) {
    Arguments.finite("costIntervention", costIntervention);
    Arguments.finite("effectIntervention", effectIntervention);
    Arguments.finite("costComparator", costComparator);
    Arguments.finite("effectComparator", effectComparator);
    Objects.requireNonNull(direction, "direction is null");
    return ofDifferences(
        costIntervention - costComparator, direction.gain(effectIntervention, effectComparator));
  }

  static IncrementalCostEffectiveness ofDifferences(double deltaCost, double deltaEffect) {
    CostEffectivenessQuadrant quadrant = CostEffectivenessQuadrant.of(deltaCost, deltaEffect);
    OptionalDouble ratio =
        quadrant.hasRatio() ? OptionalDouble.of(deltaCost / deltaEffect) : OptionalDouble.empty();
    return new IncrementalCostEffectiveness(deltaCost, deltaEffect, quadrant, ratio);
  }

  /** Net monetary benefit {@code lambda x deltaEffect - deltaCost} at willingness to pay lambda. */
  public double netMonetaryBenefit(double willingnessToPay) {
    return willingnessToPay * deltaEffect - deltaCost;
  }
}
