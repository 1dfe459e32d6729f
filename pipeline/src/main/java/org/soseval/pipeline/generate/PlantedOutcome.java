package org.soseval.pipeline.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Outcomes on which the generator can plant an effect, named as the {@code la_indicators.csv}
 * columns they move. The effect scales the probability of the outcome's event in a pilot after its
 * go-live date: an ICPC after a Section 47 enquiry, an enquiry after a referral, a CP plan after an
 * ICPC, or a start in care.
 */
public enum PlantedOutcome {
  S47_RATE("s47_rate"),
  ICPC_RATE("icpc_rate"),
  CPP_START_RATE("cpp_start_rate"),
  CLA_START_RATE("cla_start_rate");

  private final String column;

  PlantedOutcome(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }

  public static PlantedOutcome fromColumn(String column) {
    for (PlantedOutcome outcome : values()) {
      if (outcome.column.equals(column.trim().toLowerCase(Locale.ROOT))) {
        return outcome;
      }
    }
    throw new IllegalArgumentException(
        "no effect can be planted on '"
            + column
            + "': choose one of "
            + Arrays.stream(values())
                .map(PlantedOutcome::column)
                .collect(Collectors.joining(", ")));
  }
}
