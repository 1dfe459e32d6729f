package org.soseval.pipeline.emmie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.soseval.pipeline.emmie.Emmie.Dimension;
import org.soseval.pipeline.emmie.Emmie.Measure;
import org.soseval.pipeline.instruments.AuditAnalysis;
import org.soseval.pipeline.instruments.ImplementationAnalysis;
import org.soseval.pipeline.instruments.InstrumentAnalysis;
import org.soseval.pipeline.instruments.TrainingAnalysis;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.interval.ProportionIntervals;

/**
 * The Implementation dimension (the same for every outcome): fidelity evidence from the pilots'
 * case audits (mean mapping-quality score and percent of criteria met at the latest round, change
 * from the first), self-ratings (mean overall score at the latest wave, change) and training reach
 * of the core course (pooled, Wilson interval). Quality level = the number of these sources present
 * (0-3), and 4 when all three are present and audits and ratings each have two or more time points.
 * An LA round of fewer than {@link #MINIMUM_AUDITS} audits with a mapping score is left out (its
 * mean is {@code c} in {@code audit_composite.csv}, and a mean over LAs would give it back), and so
 * is an LA wave whose self-rating Total is {@code c} in {@code implementation_ratings.csv}. The
 * self-rating is the mean over pilots of each one's latest published wave (the pooled Total row of
 * the latest wave when every pilot has the same waves); its change is over the pilots with two or
 * more published waves.
 */
final class Implementation {
  /** Audits an LA round needs to count (the minimum base of a published mean, methods.md 7.2). */
  static final int MINIMUM_AUDITS = 10;

  private Implementation() {}

  static Dimension of(Emmie.Inputs inputs) {
    List<String> pilots = new ArrayList<>(inputs.pilotGroups().keySet());
    List<Measure> measures = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    int sources = 0;
    boolean repeated = true;
    if (inputs.instruments().isPresent()) {
      InstrumentAnalysis.Results results = inputs.instruments().get();
      Map<String, List<AuditAnalysis.LaRound>> audits = new LinkedHashMap<>();
      // an LA round of fewer than 10 scored audits is c in audit_composite.csv; averaged in here
      // beside the published LA means it could be worked back (methods.md 7.2 rule 3)
      List<AuditAnalysis.LaRound> small =
          results.audits().stream()
              .filter(a -> pilots.contains(a.la()) && a.scored() < MINIMUM_AUDITS)
              .toList();
      results.audits().stream()
          .filter(a -> pilots.contains(a.la()) && a.scored() >= MINIMUM_AUDITS)
          .forEach(a -> audits.computeIfAbsent(a.la(), k -> new ArrayList<>()).add(a));
      if (!audits.isEmpty()) {
        sources++;
        double[] summary = firstAndLast(audits, AuditAnalysis.LaRound::meanMappingScore);
        double[] met = firstAndLast(audits, AuditAnalysis.LaRound::percentMet);
        repeated &= summary[2] > 0;
        measures.add(Measure.of("audit_mapping_score", summary[1], audits.size()));
        measures.add(Measure.of("audit_percent_criteria_met", met[1], audits.size()));
        if (summary[2] > 0) {
          measures.add(
              Measure.of("audit_mapping_score_change", summary[1] - summary[0], (int) summary[2]));
        }
        sentences.add(
            String.format(
                Locale.ROOT,
                "Case audits in %d pilots: mean mapping-quality score %s of 100 at the latest round"
                    + " (%s%% of criteria met)%s.",
                audits.size(),
                instrumentNumber(summary[1]),
                instrumentNumber(met[1]),
                summary[2] > 0
                    ? ", " + signed(summary[1] - summary[0]) + " points since the first round"
                    : ""));
      }
      if (!small.isEmpty()) {
        sentences.add(
            String.format(
                Locale.ROOT,
                "%d audit round%s of fewer than %d audits with a mapping score left out.",
                small.size(),
                small.size() == 1 ? "" : "s",
                MINIMUM_AUDITS));
      }
      // an LA wave whose Total is c in implementation_ratings.csv is left out, as with audits:
      // averaged in beside the published Totals it could be worked back
      Map<String, List<ImplementationAnalysis.LaWave>> ratings = new LinkedHashMap<>();
      results.implementation().stream()
          .filter(r -> pilots.contains(r.la()) && r.published())
          .forEach(r -> ratings.computeIfAbsent(r.la(), k -> new ArrayList<>()).add(r));
      long hiddenWaves =
          results.implementation().stream()
              .filter(r -> pilots.contains(r.la()) && !r.published())
              .count();
      if (!ratings.isEmpty()) {
        sources++;
        double[] summary = firstAndLast(ratings, ImplementationAnalysis.LaWave::score);
        repeated &= summary[2] > 0;
        measures.add(Measure.of("self_rating", summary[1], ratings.size()));
        if (summary[2] > 0) {
          measures.add(Measure.of("self_rating_change", summary[1] - summary[0], (int) summary[2]));
        }
        sentences.add(
            String.format(
                Locale.ROOT,
                "Self-rated implementation in %d pilots: %s of 10 at the latest wave%s.",
                ratings.size(),
                instrumentNumber(summary[1]),
                summary[2] > 0 ? ", " + signed(summary[1] - summary[0]) + " since the first" : ""));
      }
      if (hiddenWaves > 0) {
        sentences.add(
            String.format(
                Locale.ROOT,
                "%d self-rating wave%s whose overall score is not published (a rating from one"
                    + " rater, or hidden beside one) left out.",
                hiddenWaves,
                hiddenWaves == 1 ? "" : "s"));
      }
      List<TrainingAnalysis.Reach> reach =
          results.training().stream().filter(r -> r.core() && pilots.contains(r.la())).toList();
      if (!reach.isEmpty()) {
        sources++;
        long trained = reach.stream().mapToLong(TrainingAnalysis.Reach::trained).sum();
        long scope = reach.stream().mapToLong(TrainingAnalysis.Reach::inScope).sum();
        Interval interval = ProportionIntervals.wilson(trained, scope, 0.95);
        measures.add(
            new Measure(
                "training_reach_percent",
                100.0 * trained / scope,
                100 * interval.lower(),
                100 * interval.upper(),
                reach.size()));
        sentences.add(
            String.format(
                Locale.ROOT,
                "Training reached %s%% of staff in scope (95%% CI %s to %s) across %d pilots.",
                instrumentNumber(100.0 * trained / scope),
                instrumentNumber(100 * interval.lower()),
                instrumentNumber(100 * interval.upper()),
                reach.size()));
      }
    }
    int level = sources == 3 && repeated ? 4 : sources;
    if (sources == 0) {
      sentences.add("No evidence on implementation: no audits, self-ratings or training records.");
    }
    sentences.add(Emmie.levelSentence("implementation", level));
    return new Dimension(
        "implementation",
        level,
        QualityLevels.label("implementation", level),
        String.format(
            Locale.ROOT,
            "%d of 3 sources (audits, self-ratings, training)%s",
            sources,
            sources == 3 ? (repeated ? " with change over time" : " at one time point") : ""),
        sources > 0,
        String.join(" ", sentences),
        measures,
        Map.of());
  }

  private static String signed(double value) {
    return (value >= 0 ? "+" : "") + instrumentNumber(value);
  }

  /** As the instrument tables publish it (and the report's measures table prints it). */
  private static String instrumentNumber(double value) {
    return Emmie.number(value, Emmie.INSTRUMENT_DECIMALS);
  }

  /**
   * Mean over LAs of their first and latest values, and the number of LAs with two or more time
   * points: {first, latest, repeated}.
   */
  private static <T> double[] firstAndLast(
      Map<String, List<T>> byLa, java.util.function.ToDoubleFunction<T> value) {
    double first = 0;
    double last = 0;
    int lastCount = 0;
    int repeated = 0;
    double firstRepeated = 0;
    double lastRepeated = 0;
    for (List<T> points : byLa.values()) {
      double latest = value.applyAsDouble(points.get(points.size() - 1));
      if (Double.isFinite(latest)) {
        last += latest;
        lastCount++;
      }
      if (points.size() > 1) {
        double earliest = value.applyAsDouble(points.get(0));
        if (Double.isFinite(earliest) && Double.isFinite(latest)) {
          firstRepeated += earliest;
          lastRepeated += latest;
          repeated++;
        }
      }
    }
    first = repeated == 0 ? Double.NaN : firstRepeated / repeated;
    double lastOfRepeated = repeated == 0 ? Double.NaN : lastRepeated / repeated;
    double latestMean = lastCount == 0 ? Double.NaN : last / lastCount;
    // the change is over the LAs with both time points; the level over every LA
    return new double[] {
      repeated == 0 ? Double.NaN : latestMean - (lastOfRepeated - first), latestMean, repeated
    };
  }
}
