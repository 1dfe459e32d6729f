package org.soseval.pipeline.stats.survey;

import java.util.Objects;

/**
 * A weighting stratum (e.g. one LA x role) with its population and the item tally of its
 * respondents.
 *
 * @param name stratum label, used in error messages
 * @param population units in the sampling frame or eligible population, {@code N_h}
 * @param counts the item tally of the responding units; {@code counts.respondents()} is {@code r_h}
 */
public record Stratum(String name, long population, LikertCounts counts) {
  public Stratum {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(counts, "counts is null");
  }

  public static Stratum of(String name, long population, LikertCounts counts) {
    return new Stratum(name, population, counts);
  }
}
