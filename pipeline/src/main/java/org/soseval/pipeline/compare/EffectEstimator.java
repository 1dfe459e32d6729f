package org.soseval.pipeline.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.meta.MetaAnalysis;
import org.soseval.pipeline.stats.meta.MetaAnalysisResult;
import org.soseval.pipeline.stats.regression.BootstrapWeights;
import org.soseval.pipeline.stats.regression.Coefficient;
import org.soseval.pipeline.stats.regression.DifferenceInDifferences;
import org.soseval.pipeline.stats.regression.EventStudy;
import org.soseval.pipeline.stats.regression.EventStudyResult;
import org.soseval.pipeline.stats.regression.EventTerm;
import org.soseval.pipeline.stats.regression.InterruptedTimeSeries;
import org.soseval.pipeline.stats.regression.InterruptedTimeSeriesResult;
import org.soseval.pipeline.stats.regression.Panel;
import org.soseval.pipeline.stats.regression.PanelRow;
import org.soseval.pipeline.stats.regression.PerUnitDid;
import org.soseval.pipeline.stats.regression.PooledDid;
import org.soseval.pipeline.stats.regression.WildClusterBootstrap;

/**
 * Estimates the effect of the practice model on one outcome, by every method of product.md
 * "Effects": pooled two-way fixed-effects DiD with CR1 errors and a wild-cluster bootstrap p-value,
 * an event study, a DiD per pilot pooled by DerSimonian-Laird, and an interrupted time series per
 * pilot.
 *
 * <p>Timing: a pilot's implementation year is the reporting year containing its go-live date. D = 1
 * for its later years, and for the implementation year itself unless {@code
 * exclude_implementation_year} is true, in which case that year is dropped for that pilot only.
 * Comparators keep every year; an LA-year with a missing or suppressed outcome is dropped for that
 * outcome only.
 */
public final class EffectEstimator {
  private static final double LEVEL = 0.95;

  private EffectEstimator() {}

  /**
   * An observation the estimates used, for {@code panel.csv}.
   *
   * @param value the unrounded value the estimates used
   * @param published what may be published of it ({@link LaYearPanel.Observation#published()})
   * @param from the LAs whose data gave it when not {@code la}'s own (predecessors); else empty
   */
  public record UsedObservation(
      String outcome,
      String la,
      int year,
      double value,
      String source,
      boolean pilot,
      boolean treated,
      PublishedValue published,
      List<String> from) {
    public UsedObservation {
      from = List.copyOf(from);
    }
  }

  /** Everything estimated for one outcome. */
  public record OutcomeEffects(
      String outcome, List<EffectRow> rows, List<UsedObservation> panel, List<String> notes) {
    public OutcomeEffects {
      rows = List.copyOf(rows);
      panel = List.copyOf(panel);
      notes = List.copyOf(notes);
    }
  }

  public static OutcomeEffects estimate(
      String outcome, LaYearPanel data, ComparisonGroup group, EvaluationConfig config) {
    List<UsedObservation> used = new ArrayList<>();
    List<PanelRow> rows = new ArrayList<>();
    Map<String, Integer> implementation = new TreeMap<>();
    config.pilots().forEach(pilot -> implementation.put(pilot.la(), pilot.implementationYear()));
    List<String> units = new ArrayList<>(group.pilots());
    units.addAll(group.comparators());
    for (String la : units) {
      Integer implementationYear = implementation.get(la);
      for (int year = config.firstYear(); year <= config.lastYear(); year++) {
        if (implementationYear != null
            && year == implementationYear
            && config.excludeImplementationYear()) {
          continue;
        }
        Optional<LaYearPanel.Observation> observation = data.get(outcome, la, year);
        if (observation.isEmpty()) {
          continue;
        }
        boolean treated =
            implementationYear != null
                && (year > implementationYear
                    || (year == implementationYear && !config.excludeImplementationYear()));
        rows.add(PanelRow.of(la, year, observation.get().value(), treated));
        used.add(
            new UsedObservation(
                outcome,
                la,
                year,
                observation.get().value(),
                observation.get().source(),
                implementationYear != null,
                treated,
                observation.get().published(),
                observation.get().from()));
      }
    }
    List<EffectRow> effects = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Panel panel;
    try {
      panel = Panel.of(rows);
    } catch (IllegalArgumentException e) {
      notes.add(outcome + ": no estimate: " + e.getMessage());
      return new OutcomeEffects(outcome, effects, used, notes);
    }

    List<PerUnitDid> perPilot = new ArrayList<>();
    Set<String> perPilotLaYears = new TreeSet<>(); // "la/year" behind the per-pilot DiDs
    for (String pilot : group.pilots()) {
      long before = rows.stream().filter(r -> r.unit().equals(pilot) && !r.treated()).count();
      long after = rows.stream().filter(r -> r.unit().equals(pilot) && r.treated()).count();
      if (before == 0 || after == 0) {
        // say why in words: the fit would only report a singular design
        notes.add(
            String.format(
                Locale.ROOT,
                "%s: pilot %s has no value %s its implementation year %d within %d-%d (missing or"
                    + " suppressed), so it has no DiD of its own and gives the pooled DiD no"
                    + " treated contrast (its years still inform the year effects)",
                outcome,
                pilot,
                before == 0 && after == 0 ? "before or after" : before == 0 ? "before" : "after",
                implementation.get(pilot),
                config.firstYear(),
                config.lastYear()));
        continue;
      }
      try {
        Panel own = againstComparators(rows, pilot, group);
        perPilot.add(DifferenceInDifferences.perUnit(own, pilot, LEVEL));
        own.observedRows().forEach(row -> perPilotLaYears.add(row.unit() + "/" + row.period()));
      } catch (IllegalArgumentException e) {
        notes.add(outcome + ": no DiD for pilot " + pilot + ": " + e.getMessage());
      }
    }
    int reduced = 0;
    int increased = 0;
    for (PerUnitDid did : perPilot) {
      EffectDirection direction = direction(did.conventional());
      reduced += direction == EffectDirection.REDUCED ? 1 : 0;
      increased += direction == EffectDirection.INCREASED ? 1 : 0;
    }

    try {
      PooledDid pooled =
          DifferenceInDifferences.pooled(
              panel,
              WildClusterBootstrap.of(
                  BootstrapWeights.RADEMACHER, config.bootstrapDraws(), config.bootstrapSeed()),
              LEVEL);
      Coefficient robust = pooled.clusterRobust();
      Interval interval = robust.interval(LEVEL);
      effects.add(
          new EffectRow(
              outcome,
              EffectRow.ALL_PILOTS,
              PooledDid.METHOD,
              OptionalInt.empty(),
              robust.estimate(),
              robust.standardError(),
              interval.lower(),
              interval.upper(),
              robust.pValue(),
              pooled
                  .wildBootstrap()
                  .map(b -> OptionalDouble.of(b.pValue()))
                  .orElse(OptionalDouble.empty()),
              pooled.nUnits(),
              pooled.nObs(),
              EffectDirection.ofPooled(interval.lower(), interval.upper(), reduced, increased),
              EffectRow.Diagnostics.NONE));
    } catch (IllegalArgumentException e) {
      notes.add(outcome + ": no pooled DiD: " + e.getMessage());
    }

    try {
      // every pilot with a value is on its own event time, even one whose values after go-live
      // are all missing: it is never a control of the others
      Map<String, Integer> adoption = new TreeMap<>();
      for (String pilot : group.pilots()) {
        if (panel.units().contains(pilot)) {
          adoption.put(pilot, implementation.get(pilot));
        }
      }
      EventStudyResult study = EventStudy.fit(panel, adoption, EventStudy.DEFAULT_REFERENCE, LEVEL);
      for (EventTerm term : study.terms()) {
        Coefficient robust = term.clusterRobust();
        Interval interval = robust.interval(LEVEL);
        effects.add(
            new EffectRow(
                outcome,
                EffectRow.ALL_PILOTS,
                EventStudyResult.METHOD,
                OptionalInt.of(term.relativeTime()),
                robust.estimate(),
                robust.standardError(),
                interval.lower(),
                interval.upper(),
                robust.pValue(),
                OptionalDouble.empty(),
                study.nUnits(),
                study.nObs(),
                direction(robust),
                EffectRow.Diagnostics.NONE));
      }
    } catch (IllegalArgumentException e) {
      notes.add(outcome + ": no event study: " + e.getMessage());
    }

    for (PerUnitDid did : perPilot) {
      Coefficient conventional = did.conventional();
      Interval interval = conventional.interval(LEVEL);
      effects.add(
          new EffectRow(
              outcome,
              did.unit(),
              PerUnitDid.METHOD,
              OptionalInt.empty(),
              conventional.estimate(),
              conventional.standardError(),
              interval.lower(),
              interval.upper(),
              conventional.pValue(),
              OptionalDouble.empty(),
              did.nUnits(),
              did.nObs(),
              direction(conventional),
              EffectRow.Diagnostics.placebo(did.placeboPValue())));
    }

    if (perPilot.size() >= 2) {
      double[] estimates = new double[perPilot.size()];
      double[] variances = new double[perPilot.size()];
      for (int i = 0; i < perPilot.size(); i++) {
        estimates[i] = perPilot.get(i).estimate();
        double se = perPilot.get(i).conventional().standardError();
        variances[i] = se * se;
      }
      int observations = perPilotLaYears.size(); // each comparator LA-year once, not once a pilot
      try {
        MetaAnalysisResult pooled = MetaAnalysis.derSimonianLaird(estimates, variances, LEVEL);
        Interval interval = pooled.interval(LEVEL);
        effects.add(
            new EffectRow(
                outcome,
                EffectRow.ALL_PILOTS,
                "pooled_dl",
                OptionalInt.empty(),
                pooled.estimate(),
                pooled.standardError(),
                interval.lower(),
                interval.upper(),
                pooled.pValue(),
                OptionalDouble.empty(),
                pooled.k(),
                observations,
                EffectDirection.ofPooled(interval.lower(), interval.upper(), reduced, increased),
                EffectRow.Diagnostics.heterogeneity(pooled.i2(), pooled.tau2(), pooled.q())));
      } catch (IllegalArgumentException e) {
        notes.add(outcome + ": no pooled per-pilot estimate: " + e.getMessage());
      }
    }

    for (String pilot : group.pilots()) {
      interruptedTimeSeries(outcome, pilot, used, implementation.get(pilot))
          .ifPresentOrElse(
              effects::add,
              () ->
                  notes.add(
                      outcome
                          + ": no interrupted time series for pilot "
                          + pilot
                          + " (needs a complete series with 2+ years before and after)"));
    }
    return new OutcomeEffects(outcome, effects, used, notes);
  }

  /**
   * The panel of a per-pilot DiD: {@code pilot} and the comparison LAs, never another pilot (one
   * whose values after go-live are all missing would otherwise count as a comparator).
   */
  private static Panel againstComparators(
      List<PanelRow> rows, String pilot, ComparisonGroup group) {
    return Panel.of(
        rows.stream()
            .filter(row -> row.unit().equals(pilot) || group.comparators().contains(row.unit()))
            .toList());
  }

  /**
   * Segmented regression on the pilot's own series, on the reporting-year axis: the first post year
   * is the interruption and the estimate is the convention-free effect there (beta2 + beta3); and
   * an excluded implementation year leaves a gap rather than compressing the trend. Needs 2+ years
   * either side, 5+ in all, and no other gaps.
   */
  private static Optional<EffectRow> interruptedTimeSeries(
      String outcome, String pilot, List<UsedObservation> used, int implementationYear) {
    List<UsedObservation> series =
        used.stream().filter(observation -> observation.la().equals(pilot)).toList();
    int[] years = series.stream().mapToInt(UsedObservation::year).toArray();
    for (int i = 1; i < years.length; i++) {
      int gap = years[i] - years[i - 1];
      boolean excludedYear = gap == 2 && years[i] - 1 == implementationYear;
      if (gap != 1 && !excludedYear) {
        return Optional.empty();
      }
    }
    double[] y = series.stream().mapToDouble(UsedObservation::value).toArray();
    Optional<UsedObservation> firstPost =
        series.stream().filter(UsedObservation::treated).findFirst();
    if (firstPost.isEmpty()) {
      return Optional.empty();
    }
    try {
      InterruptedTimeSeriesResult its =
          InterruptedTimeSeries.fitAt(
              years,
              y,
              firstPost.get().year(),
              InterruptedTimeSeries.defaultLag(y.length),
              true,
              LEVEL);
      Coefficient level = its.effects().get(0);
      Interval interval = level.interval(LEVEL);
      return Optional.of(
          new EffectRow(
              outcome,
              pilot,
              InterruptedTimeSeriesResult.METHOD,
              OptionalInt.empty(),
              level.estimate(),
              level.standardError(),
              interval.lower(),
              interval.upper(),
              level.pValue(),
              OptionalDouble.empty(),
              1,
              its.nObs(),
              direction(level),
              EffectRow.Diagnostics.durbinWatson(its.durbinWatson())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static EffectDirection direction(Coefficient coefficient) {
    Interval interval = coefficient.interval(LEVEL);
    return EffectDirection.ofInterval(interval.lower(), interval.upper());
  }
}
