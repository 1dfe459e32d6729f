package org.soseval.pipeline.stats.economics;

/**
 * Position on the cost-effectiveness plane (x = incremental effect, positive = better; y =
 * incremental cost).
 */
public enum CostEffectivenessQuadrant {
  /** Costs no more and does at least as well, and is not identical: ICER not reported. */
  DOMINANT,
  /** Costs no less and does no better, and is not identical: ICER not reported. */
  DOMINATED,
  /** Costs more and does better: the ICER is the extra cost per unit of effect gained. */
  NORTH_EAST,
  /** Costs less and does worse: the ICER is the saving per unit of effect lost. */
  SOUTH_WEST,
  /** No difference in cost or effect. */
  NO_DIFFERENCE;

  /**
   * The quadrant of {@code (deltaEffect, deltaCost)}; boundaries with one zero difference go to
   * DOMINANT or DOMINATED (weak dominance), both zero to NO_DIFFERENCE.
   */
  static CostEffectivenessQuadrant of(double deltaCost, double deltaEffect) {
    if (deltaCost == 0 && deltaEffect == 0) {
      return NO_DIFFERENCE;
    }
    if (deltaCost <= 0 && deltaEffect >= 0) {
      return DOMINANT;
    }
    if (deltaCost >= 0 && deltaEffect <= 0) {
      return DOMINATED;
    }
    return deltaCost > 0 ? NORTH_EAST : SOUTH_WEST;
  }

  /** True where the ratio of cost to effect differences is meaningful. */
  public boolean hasRatio() {
    return this == NORTH_EAST || this == SOUTH_WEST;
  }
}
