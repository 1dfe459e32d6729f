package org.soseval.pipeline.emmie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.soseval.pipeline.compare.EffectDirection;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.emmie.Emmie.Dimension;
import org.soseval.pipeline.emmie.Emmie.Measure;

/**
 * The Effect dimension. Estimate: the pooled two-way fixed-effects DiD ({@code did_twfe}; else the
 * DerSimonian-Laird pool). Quality level:
 *
 * <ul>
 *   <li>0: no estimate;
 *   <li>1: only single-area estimates (interrupted time series or one pilot's DiD);
 *   <li>2: a pooled comparison-group estimate;
 *   <li>3: level 2 with at least 3 pilots and 5 comparison LAs, and event-study leads tested with
 *       none significant at 5%;
 *   <li>4: level 3 with I² below 50% across pilots and a wild-cluster bootstrap p-value that agrees
 *       with the interval (both significant at 5% or both not).
 * </ul>
 */
final class Effects {
  private Effects() {}

  static Dimension of(Emmie.Inputs inputs, String outcome) {
    Optional<EffectRow> main = Emmie.mainEstimate(inputs.rows(), outcome);
    Map<String, EffectRow> pilots = Emmie.perPilot(inputs.rows(), outcome);
    List<EffectRow> leads =
        inputs.rows().stream()
            .filter(row -> row.outcome().equals(outcome) && row.method().equals("event_study"))
            .filter(row -> row.term().isPresent() && row.term().getAsInt() < -1)
            .toList();
    Optional<EffectRow> pooled = Emmie.find(inputs.rows(), outcome, "pooled_dl");
    List<String> rule = new ArrayList<>();
    Map<String, Object> details = new LinkedHashMap<>();
    if (main.isEmpty()) {
      boolean single =
          inputs.rows().stream()
              .anyMatch(row -> row.outcome().equals(outcome) && row.method().equals("its"));
      int level = single || !pilots.isEmpty() ? 1 : 0;
      rule.add(level == 1 ? "only single-area estimates" : "no estimate");
      return new Dimension(
          "effect",
          level,
          QualityLevels.label("effect", level),
          String.join("; ", rule),
          false,
          outcome
              + ": no evidence - no pooled estimate of the effect could be made. "
              + Emmie.levelSentence("effect", level),
          List.of(),
          details);
    }
    EffectRow row = main.get();
    int nPilots = pilots.size();
    int nComparators = inputs.comparators().size();
    long leadsSignificant =
        leads.stream().filter(lead -> lead.lowerCi() > 0 || lead.upperCi() < 0).count();
    double i2 =
        pooled
            .flatMap(
                p ->
                    p.diagnostics().i2Percent().isPresent()
                        ? Optional.of(p.diagnostics().i2Percent().getAsDouble())
                        : Optional.empty())
            .orElse(Double.NaN);
    boolean significant = row.lowerCi() > 0 || row.upperCi() < 0;
    int level = 2;
    rule.add("pooled " + row.method() + " estimate with comparison LAs: level 2");
    boolean enoughUnits =
        nPilots >= Emmie.MIN_PILOTS_EFFECT && nComparators >= Emmie.MIN_COMPARATORS_EFFECT;
    rule.add(
        String.format(
            Locale.ROOT,
            "%d pilots with a DiD and %d comparison LAs (level 3 needs %d and %d): %s",
            nPilots,
            nComparators,
            Emmie.MIN_PILOTS_EFFECT,
            Emmie.MIN_COMPARATORS_EFFECT,
            enoughUnits ? "met" : "not met"));
    boolean pretrends = !leads.isEmpty() && leadsSignificant == 0;
    rule.add(
        leads.isEmpty()
            ? "pre-trends untested (no event-study leads)"
            : String.format(
                Locale.ROOT,
                "%d of %d event-study leads significant at 5%%: %s",
                leadsSignificant,
                leads.size(),
                pretrends ? "no evidence of differing pre-trends" : "differing pre-trends"));
    if (enoughUnits && pretrends) {
      level = 3;
      boolean consistent = Double.isFinite(i2) && i2 < Emmie.HIGH_I2;
      boolean bootstrapAgrees =
          row.pValueWildBootstrap().isPresent()
              && (row.pValueWildBootstrap().getAsDouble() < 0.05) == significant;
      rule.add(
          String.format(
              Locale.ROOT,
              "I-squared %s (level 4 needs < %.0f%%) and wild bootstrap %s",
              Double.isFinite(i2) ? String.format(Locale.ROOT, "%.1f%%", i2) : "not estimated",
              Emmie.HIGH_I2,
              bootstrapAgrees ? "agrees" : "does not agree or is absent"));
      if (consistent && bootstrapAgrees) {
        level = 4;
      }
    }
    List<Measure> measures = new ArrayList<>();
    measures.add(
        new Measure(row.method(), row.estimate(), row.lowerCi(), row.upperCi(), row.nUnits()));
    pooled.ifPresent(
        p -> {
          measures.add(
              new Measure("pooled_dl", p.estimate(), p.lowerCi(), p.upperCi(), p.nUnits()));
          measures.add(Measure.of("i2_percent", i2, p.nUnits()));
        });
    row.pValueWildBootstrap()
        .ifPresent(p -> measures.add(Measure.of("p_value_wild_bootstrap", p, row.nUnits())));
    measures.add(Measure.of("leads_significant", leadsSignificant, leads.size()));
    details.put("direction", row.direction().label());
    details.put("method", row.method());
    details.put("pilots", nPilots);
    details.put("comparators", nComparators);
    String narrative =
        String.format(
            Locale.ROOT,
            "%s: the pooled difference-in-differences estimate across %d pilots and %d comparison"
                + " LAs is %s (95%% CI %s to %s)%s: %s. %s",
            Emmie.outcomeLabel(outcome),
            nPilots,
            nComparators,
            Emmie.number(row.estimate()),
            Emmie.number(row.lowerCi()),
            Emmie.number(row.upperCi()),
            row.pValueWildBootstrap().isPresent()
                ? ", wild-cluster bootstrap "
                    + Emmie.pEquals(row.pValueWildBootstrap().getAsDouble())
                : "",
            phrase(row.direction()),
            Emmie.levelSentence("effect", level));
    return new Dimension(
        "effect",
        level,
        QualityLevels.label("effect", level),
        String.join("; ", rule),
        significant || row.direction() != EffectDirection.NO_EFFECT,
        narrative,
        measures,
        details);
  }

  static String phrase(EffectDirection direction) {
    return switch (direction) {
      case REDUCED -> "the outcome fell in the pilots relative to the comparison LAs";
      case REDUCED_SOME_INCREASE ->
          "the outcome fell overall relative to the comparison LAs, though some pilots saw a rise";
      case SOME_REDUCTION_NS ->
          "some pilots saw a fall, but overall there is no statistically significant effect";
      case MIXED_NS ->
          "pilots moved both ways and overall there is no statistically significant effect";
      case NO_EFFECT -> "there is no evidence of a statistically significant effect";
      case SOME_INCREASE_NS ->
          "some pilots saw a rise, but overall there is no statistically significant effect";
      case INCREASED_SOME_REDUCTION ->
          "the outcome rose overall relative to the comparison LAs, though some pilots saw a fall";
      case INCREASED -> "the outcome rose in the pilots relative to the comparison LAs";
    };
  }
}
