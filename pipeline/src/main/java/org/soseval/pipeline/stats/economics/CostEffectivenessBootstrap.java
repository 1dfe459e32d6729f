package org.soseval.pipeline.stats.economics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.statistics.descriptive.Quantile;
import org.soseval.pipeline.stats.Arguments;
import org.soseval.pipeline.stats.Interval;

/**
 * Non-parametric bootstrap of incremental cost-effectiveness, resampling cases with replacement
 * within each arm (Efron and Tibshirani 1993, ch. 13; Briggs, Wonderling and Mooney 1997, Health
 * Econ 6:327-340).
 *
 * <p>Each replicate draws {@code n_I} cases from the intervention arm and {@code n_C} from the
 * comparator arm (cost and effect of a case stay together) and computes {@code deltaCost} and
 * {@code deltaEffect} from the resampled means. Intervals are percentile intervals: the {@code (1 -
 * level)/2} and {@code (1 + level)/2} quantiles of the replicates, Hyndman-Fan type 7 (R's default
 * {@code quantile}). The ICER interval is given only when every replicate lies in the same quadrant
 * as the point estimate and that quadrant is north-east or south-west; otherwise ratios from
 * different quadrants would be mixed, and the quadrant shares and {@link #probabilityCostEffective}
 * (acceptability curve) are the report.
 *
 * <p>Reproducibility: draws come from {@link java.util.Random} seeded with {@code seed}, whose
 * algorithm is fixed by its specification, in the order replicate, intervention cases, comparator
 * cases. The same inputs and seed give identical results on any Java 17+ runtime.
 */
public final class CostEffectivenessBootstrap {
  private static final Quantile TYPE_7 =
      Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

  private final IncrementalCostEffectiveness estimate;
  private final double[] deltaCosts;
  private final double[] deltaEffects;
  private final double level;
  private final long seed;

  private CostEffectivenessBootstrap(
      IncrementalCostEffectiveness estimate,
      double[] deltaCosts,
      double[] deltaEffects,
      double level,
      long seed) {
    this.estimate = estimate;
    this.deltaCosts = deltaCosts;
    this.deltaEffects = deltaEffects;
    this.level = level;
    this.seed = seed;
  }

  /**
   * Runs the bootstrap.
   *
   * @param intervention per-case costs and effects of the intervention arm
   * @param comparator per-case costs and effects of the comparator arm
   * @param direction which way the effect improves
   * @param replicates number of bootstrap replicates, at least 1 (use 2,000 or more for reporting)
   * @param level confidence level in (0, 1)
   * @param seed random seed
   * @throws IllegalArgumentException if {@code replicates < 1} or the level is outside (0, 1)
   */
  public static CostEffectivenessBootstrap of(
      Arm intervention,
      Arm comparator,
      EffectDirection direction,
      int replicates,
      double level,
      long seed) {
    Objects.requireNonNull(direction, "direction is null");
    Arguments.atLeast("replicates", replicates, 1);
    Arguments.openUnitInterval("level", level);
    IncrementalCostEffectiveness estimate =
        IncrementalCostEffectiveness.of(
            intervention.meanCost(),
            intervention.meanEffect(),
            comparator.meanCost(),
            comparator.meanEffect(),
            direction);
    Random random = new Random(seed);
    double[] deltaCosts = new double[replicates];
    double[] deltaEffects = new double[replicates];
    double[] interventionMeans = new double[2];
    double[] comparatorMeans = new double[2];
    for (int b = 0; b < replicates; b++) {
      resampleMeans(intervention, random, interventionMeans);
      resampleMeans(comparator, random, comparatorMeans);
      deltaCosts[b] = interventionMeans[0] - comparatorMeans[0];
      deltaEffects[b] = direction.gain(interventionMeans[1], comparatorMeans[1]);
    }
    return new CostEffectivenessBootstrap(estimate, deltaCosts, deltaEffects, level, seed);
  }

  private static void resampleMeans(Arm arm, Random random, double[] means) {
    int n = arm.size();
    double cost = 0;
    double effect = 0;
    for (int i = 0; i < n; i++) {
      int pick = random.nextInt(n);
      cost += arm.cost(pick);
      effect += arm.effect(pick);
    }
    means[0] = cost / n;
    means[1] = effect / n;
  }

  /** The point estimate from the original data. */
  public IncrementalCostEffectiveness estimate() {
    return estimate;
  }

  public int replicates() {
    return deltaCosts.length;
  }

  public long seed() {
    return seed;
  }

  /** Percentile interval of the incremental cost. */
  public Interval deltaCostInterval() {
    return percentile(deltaCosts.clone());
  }

  /** Percentile interval of the incremental effect. */
  public Interval deltaEffectInterval() {
    return percentile(deltaEffects.clone());
  }

  /**
   * Percentile interval of the ICER, present only when the point estimate is in the north-east or
   * south-west quadrant and every replicate is in that quadrant too.
   */
  public Optional<Interval> ratioInterval() {
    CostEffectivenessQuadrant quadrant = estimate.quadrant();
    if (!quadrant.hasRatio() || quadrantCounts()[quadrant.ordinal()] < deltaCosts.length) {
      return Optional.empty();
    }
    double[] ratios = new double[deltaCosts.length];
    for (int b = 0; b < ratios.length; b++) {
      ratios[b] = deltaCosts[b] / deltaEffects[b];
    }
    return Optional.of(percentile(ratios));
  }

  /** Share of replicates in each quadrant, every quadrant present, in enum order. */
  public Map<CostEffectivenessQuadrant, Double> quadrantShares() {
    int[] counts = quadrantCounts();
    Map<CostEffectivenessQuadrant, Double> shares = new EnumMap<>(CostEffectivenessQuadrant.class);
    for (CostEffectivenessQuadrant quadrant : CostEffectivenessQuadrant.values()) {
      shares.put(quadrant, (double) counts[quadrant.ordinal()] / deltaCosts.length);
    }
    return Collections.unmodifiableMap(shares);
  }

  private int[] quadrantCounts() {
    int[] counts = new int[CostEffectivenessQuadrant.values().length];
    for (int b = 0; b < deltaCosts.length; b++) {
      counts[CostEffectivenessQuadrant.of(deltaCosts[b], deltaEffects[b]).ordinal()]++;
    }
    return counts;
  }

  /**
   * Share of replicates with positive net monetary benefit {@code lambda deltaEffect - deltaCost}
   * at willingness to pay {@code lambda} per unit of effect: one point of the cost-effectiveness
   * acceptability curve (van Hout et al. 1994, Health Econ 3:309-319).
   *
   * @throws IllegalArgumentException if {@code willingnessToPay} is NaN or infinite
   */
  public double probabilityCostEffective(double willingnessToPay) {
    Arguments.finite("willingnessToPay", willingnessToPay);
    int count = 0;
    for (int b = 0; b < deltaCosts.length; b++) {
      if (willingnessToPay * deltaEffects[b] - deltaCosts[b] > 0) {
        count++;
      }
    }
    return (double) count / deltaCosts.length;
  }

  private Interval percentile(double[] values) {
    double[] limits = TYPE_7.evaluate(values, (1 - level) / 2, (1 + level) / 2);
    return Interval.of(limits[0], limits[1], level);
  }
}
