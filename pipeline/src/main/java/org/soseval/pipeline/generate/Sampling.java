package org.soseval.pipeline.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Draws from the distributions the simulator uses; all randomness flows through one stream. */
final class Sampling {
  private final SplittableRandom random;

  Sampling(SplittableRandom random) {
    this.random = random;
  }

  Sampling split() {
    return new Sampling(random.split());
  }

  double uniform() {
    return random.nextDouble();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  int between(int lowInclusive, int highInclusive) {
    return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
  }

  LocalDate plusDays(LocalDate date, int lowInclusive, int highInclusive) {
    return date.plusDays(between(lowInclusive, highInclusive));
  }

  double normal() {
    return random.nextGaussian();
  }

  /** A log-normal multiplier with median 1 and the given log-scale standard deviation. */
  double multiplier(double sigma) {
    return Math.exp(sigma * random.nextGaussian());
  }

  double exponential(double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  /** Poisson by inversion (small means) or normal approximation (large means). */
  int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 60) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  /** An index drawn with probability proportional to {@code weights}. */
  int pick(double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  <T> T pick(T[] values, double[] weights) {
    return values[pick(weights)];
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
