package org.soseval.pipeline.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.soseval.pipeline.compare.ComparisonGroup;
import org.soseval.pipeline.compare.EffectEstimator;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.stats.compare.Polarity;

/**
 * One outcome's results, as the report reads them: the rows of {@code effects.csv} by method and
 * the yearly means of the LA-year values the estimates used. Every number the report prints about
 * the outcome comes from here.
 *
 * <p>The means are of each value as it may be published ({@link
 * EffectEstimator.UsedObservation#published()}, as in {@code panel.csv}): for values from
 * case-level returns that is the cell after disclosure control, rounded for display. A value
 * withheld there ({@code c}) is used by the estimates but left out of the means, so that no mean
 * gives it back; {@link #withheld()} counts them.
 */
record OutcomeFindings(
    String outcome,
    String label,
    Polarity polarity,
    int decimals,
    boolean percent,
    Optional<EffectRow> did,
    Optional<EffectRow> pooledDl,
    List<EffectRow> eventStudy,
    List<EffectRow> perPilot,
    List<EffectRow> its,
    int comparators,
    int comparatorsWithData,
    int pilotsWithData,
    Map<Integer, YearMean> pilotMeans,
    Map<Integer, YearMean> comparatorMeans,
    int withheld,
    List<String> notes) {

  static final String DID = "did_twfe";
  static final String DID_PILOT = "did_pilot";
  static final String POOLED_DL = "pooled_dl";
  static final String EVENT_STUDY = "event_study";
  static final String ITS = "its";

  /** The mean of {@code count} LAs' published values in a reporting year. */
  record YearMean(double mean, int count) {}

  static OutcomeFindings of(EffectEstimator.OutcomeEffects effects, ComparisonGroup group) {
    String outcome = effects.outcome();
    Optional<Indicator> indicator = Indicator.byColumn(outcome);
    List<EffectRow> rows = effects.rows();
    List<String> pilotOrder = group.pilots();
    List<EffectRow> perPilot =
        rows.stream()
            .filter(row -> row.method().equals(DID_PILOT))
            .sorted(Comparator.comparingInt(row -> pilotOrder.indexOf(row.unit())))
            .toList();
    List<EffectRow> its =
        rows.stream()
            .filter(row -> row.method().equals(ITS))
            .sorted(Comparator.comparingInt(row -> pilotOrder.indexOf(row.unit())))
            .toList();
    List<EffectRow> eventStudy =
        rows.stream()
            .filter(row -> row.method().equals(EVENT_STUDY) && row.term().isPresent())
            .sorted(Comparator.comparingInt(row -> row.term().getAsInt()))
            .toList();
    Set<String> pilots = new TreeSet<>();
    Set<String> comparators = new TreeSet<>();
    Map<Integer, List<Double>> pilotValues = new TreeMap<>();
    Map<Integer, List<Double>> comparatorValues = new TreeMap<>();
    int withheld = 0;
    for (EffectEstimator.UsedObservation used : effects.panel()) {
      (used.pilot() ? pilots : comparators).add(used.la());
      if (!used.published().isPresent()) {
        withheld++;
        continue;
      }
      (used.pilot() ? pilotValues : comparatorValues)
          .computeIfAbsent(used.year(), year -> new ArrayList<>())
          .add(used.published().number());
    }
    return new OutcomeFindings(
        outcome,
        indicator.map(Indicator::label).orElse(outcome),
        indicator.map(Indicator::polarity).orElse(Polarity.NO_POLARITY),
        indicator.map(Indicator::decimalPlaces).orElse(2),
        indicator.map(i -> i.kind() == Indicator.Kind.PERCENT).orElse(false),
        method(rows, DID),
        method(rows, POOLED_DL),
        eventStudy,
        perPilot,
        its,
        group.comparators().size(),
        comparators.size(),
        pilots.size(),
        means(pilotValues),
        means(comparatorValues),
        withheld,
        effects.notes());
  }

  private static Optional<EffectRow> method(List<EffectRow> rows, String method) {
    return rows.stream().filter(row -> row.method().equals(method)).findFirst();
  }

  private static Map<Integer, YearMean> means(Map<Integer, List<Double>> values) {
    Map<Integer, YearMean> means = new TreeMap<>();
    values.forEach(
        (year, list) ->
            means.put(
                year,
                new YearMean(
                    list.stream().mapToDouble(Double::doubleValue).sum() / list.size(),
                    list.size())));
    return means;
  }

  /** LA-years the estimates used: those in the means and those withheld from them. */
  int used() {
    return withheld
        + pilotMeans.values().stream().mapToInt(YearMean::count).sum()
        + comparatorMeans.values().stream().mapToInt(YearMean::count).sum();
  }

  /** The file-name stem of this outcome's charts, e.g. {@code icpc-rate}. */
  String slug() {
    return outcome.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
  }

  /** The label with a lower-case first letter for use mid-sentence ("section 47 enquiries ..."). */
  String labelInSentence() {
    if (label.length() > 1 && Character.isUpperCase(label.charAt(1))) {
      return label; // an acronym such as "ICPC"
    }
    String lower = Character.toLowerCase(label.charAt(0)) + label.substring(1);
    return percent ? "the " + lower : lower;
  }

  /** The unit a change is measured in: "percentage points" for percentages, else empty. */
  String changeUnit() {
    return percent ? " percentage points" : "";
  }
}
