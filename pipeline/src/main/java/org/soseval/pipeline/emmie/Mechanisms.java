package org.soseval.pipeline.emmie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.emmie.Emmie.Dimension;
import org.soseval.pipeline.emmie.Emmie.Measure;
import org.soseval.pipeline.instruments.InstrumentSchema;
import org.soseval.pipeline.instruments.SurveyAnalysis;

/**
 * The Mechanisms dimension: the CMO configurations that bear on the outcome, and the survey scales
 * named as mechanism indicators ({@code mechanism: true} in the survey schemas, plus those the CMOs
 * name) related to the per-pilot DiD estimates: Pearson's r across pilots between each pilot's
 * latest-wave percent positive on the scale and its DiD, with a Fisher-z 95% interval; "no
 * evidence" with fewer than 5 pilots having both. Quality level: 0 nothing; 1 CMOs without evidence
 * sources; 2 CMOs with sources; 3 indicators related to effects (an association estimated); 4 level
 * 3 with CMOs with sources and at least 10 pilots.
 */
final class Mechanisms {
  private Mechanisms() {}

  static Dimension of(Emmie.Inputs inputs, String outcome) {
    List<Cmo> cmos = inputs.cmos().stream().filter(cmo -> cmo.bearsOn(outcome)).toList();
    Set<String> indicators = new LinkedHashSet<>();
    for (String survey :
        List.of(InstrumentSchema.FAMILY_SURVEY, InstrumentSchema.PRACTITIONER_SURVEY)) {
      InstrumentSchema.of(survey).scales().stream()
          .filter(InstrumentSchema.Scale::mechanism)
          .forEach(scale -> indicators.add(survey + "." + scale.id()));
    }
    cmos.forEach(cmo -> indicators.addAll(cmo.indicators()));
    Map<String, EffectRow> pilots = Emmie.perPilot(inputs.rows(), outcome);
    List<Measure> measures = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    measures.add(Measure.of("cmo_configurations", cmos.size(), 0));
    boolean sources = cmos.stream().anyMatch(cmo -> !cmo.evidence().isEmpty());
    if (cmos.isEmpty()) {
      sentences.add(
          "No context-mechanism-outcome configuration is recorded for "
              + Emmie.outcomeInWords(outcome)
              + ".");
    } else {
      sentences.add(
          String.format(
              Locale.ROOT,
              "%d CMO configuration%s bear%s on %s (%s).",
              cmos.size(),
              cmos.size() == 1 ? "" : "s",
              cmos.size() == 1 ? "s" : "",
              Emmie.outcomeInWords(outcome),
              String.join(
                  "; ",
                  cmos.stream()
                      .map(cmo -> cmo.id() + " " + cmo.status() + ": " + cmo.mechanismResponse())
                      .toList())));
    }
    boolean measured = false;
    boolean associated = false;
    int maxPilots = 0;
    if (inputs.instruments().isPresent()) {
      for (String indicator : indicators) {
        String[] parts = indicator.split("\\.", 2);
        if (parts.length != 2) {
          continue;
        }
        Map<String, SurveyAnalysis.ScaleScore> latest = new LinkedHashMap<>();
        for (SurveyAnalysis.ScaleScore score : inputs.instruments().get().scales()) {
          if (score.survey().equals(parts[0])
              && score.scale().equals(parts[1])
              && score.base() > 0
              && score.usable()
              && pilots.containsKey(score.la())) {
            SurveyAnalysis.ScaleScore current = latest.get(score.la());
            if (current == null || current.wave() < score.wave()) {
              latest.put(score.la(), score);
            }
          }
        }
        if (latest.isEmpty()) {
          continue;
        }
        measured = true;
        int n = latest.size();
        maxPilots = Math.max(maxPilots, n);
        if (n < Emmie.MIN_PILOTS_ASSOCIATION) {
          measures.add(Measure.of("r_" + indicator, Double.NaN, n));
          sentences.add(
              String.format(
                  Locale.ROOT,
                  "No evidence on %s as a mechanism: only %d pilot%s ha%s both the measure and an"
                      + " effect estimate (at least %d needed).",
                  Emmie.scaleName(indicator),
                  n,
                  n == 1 ? "" : "s",
                  n == 1 ? "s" : "ve",
                  Emmie.MIN_PILOTS_ASSOCIATION));
          continue;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (Map.Entry<String, SurveyAnalysis.ScaleScore> entry : latest.entrySet()) {
          x[i] = entry.getValue().percent();
          y[i] = pilots.get(entry.getKey()).estimate();
          i++;
        }
        AcrossPilots.Correlation r;
        try {
          r = AcrossPilots.correlation(x, y);
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (!Double.isFinite(r.r())) {
          continue;
        }
        associated = true;
        measures.add(new Measure("r_" + indicator, r.r(), r.lower(), r.upper(), n));
        boolean significant = r.lower() > 0 || r.upper() < 0;
        sentences.add(
            String.format(
                Locale.ROOT,
                "Across %d pilots, %s correlates with the pilot's effect at r = %s (95%% CI %s to"
                    + " %s): %s.",
                n,
                Emmie.scaleName(indicator),
                Emmie.number(r.r()),
                Emmie.number(r.lower()),
                Emmie.number(r.upper()),
                significant
                    ? "an association "
                        + (r.r() > 0
                            ? "with larger estimates"
                            : "with smaller (more negative) estimates")
                    : "no evidence of an association"));
      }
    }
    if (!measured) {
      sentences.add("No mechanism indicator was measured in the pilots.");
    }
    int level;
    List<String> rule = new ArrayList<>();
    if (associated) {
      level = sources && maxPilots >= Emmie.STRONG_PILOTS ? 4 : 3;
      rule.add("mechanism indicators related to per-pilot effects: level 3");
      rule.add(
          String.format(
              Locale.ROOT,
              "CMOs with sources %s and %d pilots (level 4 needs both and %d pilots)",
              sources ? "given" : "absent",
              maxPilots,
              Emmie.STRONG_PILOTS));
    } else if (!cmos.isEmpty()) {
      level = sources ? 2 : 1;
      rule.add(
          sources
              ? "CMO configurations with evidence sources"
              : "CMO configurations without sources");
      rule.add(
          "no association estimated (needs "
              + Emmie.MIN_PILOTS_ASSOCIATION
              + " pilots with a measure)");
    } else {
      level = measured ? 1 : 0;
      rule.add(
          measured
              ? "indicators measured but no theory recorded and no association"
              : "no theory and no indicator");
    }
    sentences.add(Emmie.levelSentence("mechanisms", level));
    Map<String, Object> details = new LinkedHashMap<>();
    List<Object> configurations = new ArrayList<>();
    for (Cmo cmo : cmos) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", cmo.id());
      c.put("context", cmo.context());
      c.put("mechanism_resource", cmo.mechanismResource());
      c.put("mechanism_response", cmo.mechanismResponse());
      c.put("outcome", cmo.outcome());
      c.put("evidence", cmo.evidence());
      c.put("confidence", cmo.confidence());
      c.put("status", cmo.status());
      configurations.add(c);
    }
    details.put("cmo_configurations", configurations);
    details.put("indicators", new ArrayList<>(indicators));
    return new Dimension(
        "mechanisms",
        level,
        QualityLevels.label("mechanisms", level),
        String.join("; ", rule),
        associated,
        String.join(" ", sentences),
        measures,
        details);
  }
}
