package org.soseval.pipeline.generate;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, for one pilot, the events a planted effect touched: each decision draws one uniform
 * number u and the event happens if u &lt; p·(1 + change) (actual); it would have happened without
 * the effect if u &lt; p (counterfactual). Both counts are kept by outcome and reporting year.
 */
final class EffectTally {
  private final Map<PlantedOutcome, TreeMap<Integer, long[]>> counts = new TreeMap<>();

  void record(PlantedOutcome outcome, LocalDate date, boolean actual, boolean counterfactual) {
    long[] pair =
        counts
            .computeIfAbsent(outcome, key -> new TreeMap<>())
            .computeIfAbsent(CaseSimulator.reportingYear(date), key -> new long[2]);
    if (actual) {
      pair[0]++;
    }
    if (counterfactual) {
      pair[1]++;
    }
  }

  /** outcome → reporting year → {actual, counterfactual}. */
  Map<PlantedOutcome, TreeMap<Integer, long[]>> counts() {
    return counts;
  }
}
