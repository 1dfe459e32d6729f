package org.soseval.pipeline.stats.economics;

import java.util.Locale;
import org.soseval.pipeline.stats.Arguments;

/**
 * Per-case costs and effects of one trial arm (intervention or comparator); case {@code i} has
 * {@code costs[i]} and {@code effects[i]}.
 */
public final class Arm {
  private final String name;
  private final double[] costs;
  private final double[] effects;

  private Arm(String name, double[] costs, double[] effects) {
    this.name = name;
    this.costs = costs;
    this.effects = effects;
  }

  /**
   * An arm of paired per-case costs and effects.
   *
   * @throws IllegalArgumentException if there are no cases, the arrays differ in length, or a value
   *     is NaN or infinite
   */
  public static Arm of(String name, double[] costs, double[] effects) {
    if (costs.length != effects.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Cannot create arm %s: %d costs but %d effects",
              name,
              costs.length,
              effects.length));
    }
    Arguments.atLeast(name + " cases", costs.length, 1);
    for (int i = 0; i < costs.length; i++) {
      Arguments.finite(name + " cost", costs[i]);
      Arguments.finite(name + " effect", effects[i]);
    }
    return new Arm(name, costs.clone(), effects.clone());
  }

  public String name() {
    return name;
  }

  public int size() {
    return costs.length;
  }

  double cost(int i) {
    return costs[i];
  }

  double effect(int i) {
    return effects[i];
  }

  double meanCost() {
    return mean(costs);
  }

  double meanEffect() {
    return mean(effects);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
