package org.soseval.pipeline.generate;

import java.util.Objects;

/**
 * An effect planted in every pilot after go-live: the outcome's event probability is multiplied by
 * {@code 1 + relativeChange} (−0.10 = a 10% drop).
 */
public record PlantedEffect(PlantedOutcome outcome, double relativeChange) {
  public PlantedEffect {
    Objects.requireNonNull(outcome, "outcome is null");
    if (!(relativeChange > -1 && relativeChange <= 1)) {
      throw new IllegalArgumentException("relative change must be in (-1, 1]: " + relativeChange);
    }
  }

  /** Parses {@code "icpc_rate=-0.10"} or {@code "icpc_rate=-10%"}. */
  public static PlantedEffect parse(String text) {
    int equals = text.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException(
          "an effect is OUTCOME=CHANGE, e.g. icpc_rate=-0.10 or icpc_rate=-10%: " + text);
    }
    String value = text.substring(equals + 1).trim();
    double change;
    try {
      change =
          value.endsWith("%")
              ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
              : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "an effect's change must be a number such as -0.10 or -10%: " + text, e);
    }
    return new PlantedEffect(PlantedOutcome.fromColumn(text.substring(0, equals)), change);
  }
}
