package org.soseval.pipeline.emmie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.emmie.Emmie.Dimension;
import org.soseval.pipeline.emmie.Emmie.Measure;
import org.soseval.pipeline.instruments.ImplementationAnalysis;

/**
 * The Moderators dimension, on the per-pilot DiD estimates (variance = squared standard error):
 *
 * <ul>
 *   <li>the pilots' {@code group} label (from the config, so named in advance): fixed-effect pooled
 *       estimate per group and a Q-between test on groups - 1 df; needs at least 2 groups with at
 *       least 2 pilots each, else "no evidence";
 *   <li>implementation depth (the pilot's latest published self-rating, mean of elements, 0-10): a
 *       fixed-effect meta-regression slope per point; needs at least 5 pilots with a rating.
 * </ul>
 *
 * Quality level: 0 no moderator data; 1 labels or ratings exist but too few pilots for any
 * estimate; 2 subgroup estimates without a test; 3 a formal test; 4 a formal test on at least 10
 * pilots.
 */
final class Moderators {
  private Moderators() {}

  /**
   * Each pilot's latest self-rating wave whose overall score {@code implementation_ratings.csv}
   * publishes: a hidden one (a single rater) would be given back by the published slope beside the
   * published ratings and effects.
   */
  static Map<String, ImplementationAnalysis.LaWave> latestPublished(
      List<ImplementationAnalysis.LaWave> waves, Set<String> pilots) {
    Map<String, ImplementationAnalysis.LaWave> latest = new LinkedHashMap<>();
    for (ImplementationAnalysis.LaWave wave : waves) {
      if (wave.published()
          && pilots.contains(wave.la())
          && (!latest.containsKey(wave.la()) || latest.get(wave.la()).wave() < wave.wave())) {
        latest.put(wave.la(), wave);
      }
    }
    return latest;
  }

  static Dimension of(Emmie.Inputs inputs, String outcome) {
    Map<String, EffectRow> pilots = Emmie.perPilot(inputs.rows(), outcome);
    List<Measure> measures = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    boolean labelled = false;
    boolean shown = false;
    boolean tested = false;
    int testedPilots = 0;

    List<String> groups = new ArrayList<>();
    List<Double> estimates = new ArrayList<>();
    List<Double> variances = new ArrayList<>();
    pilots.forEach(
        (la, row) -> {
          String group = inputs.pilotGroups().getOrDefault(la, "");
          if (!group.isBlank()) {
            groups.add(group);
            estimates.add(row.estimate());
            variances.add(row.standardError() * row.standardError());
          }
        });
    if (!groups.isEmpty()) {
      labelled = true;
      Map<String, Integer> sizes = new LinkedHashMap<>();
      groups.forEach(g -> sizes.merge(g, 1, Integer::sum));
      long usable = sizes.values().stream().filter(n -> n >= Emmie.MIN_PILOTS_PER_SUBGROUP).count();
      AcrossPilots.Subgroups subgroups =
          AcrossPilots.subgroups(groups, toArray(estimates), toArray(variances));
      List<String> parts = new ArrayList<>();
      subgroups
          .byGroup()
          .forEach(
              (group, value) -> {
                measures.add(
                    new Measure(
                        "group " + group,
                        value[0],
                        value[0] - 1.959963984540054 * value[1],
                        value[0] + 1.959963984540054 * value[1],
                        (int) value[2]));
                parts.add(
                    String.format(
                        Locale.ROOT,
                        "%s %s (%d pilots)",
                        group,
                        Emmie.number(value[0]),
                        (int) value[2]));
              });
      shown = true;
      if (sizes.size() >= 2 && usable == sizes.size()) {
        tested = true;
        testedPilots = Math.max(testedPilots, groups.size());
        measures.add(Measure.of("q_between_group", subgroups.qBetween(), groups.size()));
        measures.add(Measure.of("p_value_group", subgroups.pValue(), groups.size()));
        sentences.add(
            String.format(
                Locale.ROOT,
                "By the pilots' group: %s; Q-between = %s on %d df, %s: %s.",
                String.join(", ", parts),
                Emmie.number(subgroups.qBetween()),
                subgroups.df(),
                Emmie.pEquals(subgroups.pValue()),
                subgroups.pValue() < 0.05
                    ? "the effect differs between groups"
                    : "no evidence that the effect differs between groups"));
      } else {
        sentences.add(
            String.format(
                Locale.ROOT,
                "By the pilots' group: %s; no evidence on moderation: a test needs at least 2"
                    + " groups with %d or more pilots each.",
                String.join(", ", parts),
                Emmie.MIN_PILOTS_PER_SUBGROUP));
      }
    }

    if (inputs.instruments().isPresent()) {
      Map<String, ImplementationAnalysis.LaWave> latest =
          latestPublished(inputs.instruments().get().implementation(), pilots.keySet());
      if (!latest.isEmpty()) {
        labelled = true;
        int n = latest.size();
        if (n >= Emmie.MIN_PILOTS_ASSOCIATION) {
          double[] x = new double[n];
          double[] y = new double[n];
          double[] v = new double[n];
          int i = 0;
          for (Map.Entry<String, ImplementationAnalysis.LaWave> entry : latest.entrySet()) {
            EffectRow row = pilots.get(entry.getKey());
            x[i] = entry.getValue().score();
            y[i] = row.estimate();
            v[i] = row.standardError() * row.standardError();
            i++;
          }
          double[] slope = AcrossPilots.metaRegression(x, y, v);
          if (Double.isFinite(slope[0])) {
            tested = true;
            shown = true;
            testedPilots = Math.max(testedPilots, n);
            measures.add(
                new Measure("slope_implementation_depth", slope[0], slope[2], slope[3], n));
            measures.add(Measure.of("p_value_implementation_depth", slope[4], n));
            sentences.add(
                String.format(
                    Locale.ROOT,
                    "Each point of implementation self-rating (0-10) goes with a change of %s in"
                        + " the pilot's effect (95%% CI %s to %s, %s, %d pilots): %s.",
                    Emmie.number(slope[0]),
                    Emmie.number(slope[2]),
                    Emmie.number(slope[3]),
                    Emmie.pEquals(slope[4]),
                    n,
                    slope[4] < 0.05
                        ? "implementation depth moderates the effect"
                        : "no evidence that implementation depth moderates the effect"));
          }
        } else {
          sentences.add(
              String.format(
                  Locale.ROOT,
                  "No evidence on implementation depth as a moderator: %d pilot%s with ratings"
                      + " (at least %d needed).",
                  n,
                  n == 1 ? "" : "s",
                  Emmie.MIN_PILOTS_ASSOCIATION));
        }
      }
    }
    if (!labelled) {
      sentences.add(
          "No evidence on moderators: the pilots have no group labels and no implementation"
              + " ratings.");
    }
    int level =
        tested ? (testedPilots >= Emmie.STRONG_PILOTS ? 4 : 3) : shown ? 2 : labelled ? 1 : 0;
    String rule =
        tested
            ? String.format(
                Locale.ROOT,
                "a priori moderators formally tested on %d pilots (level 4 needs %d)",
                testedPilots,
                Emmie.STRONG_PILOTS)
            : shown
                ? "subgroup estimates without a test (too few pilots per group)"
                : labelled ? "moderator data but too few pilots to estimate" : "no moderator data";
    sentences.add(Emmie.levelSentence("moderators", level));
    return new Dimension(
        "moderators",
        level,
        QualityLevels.label("moderators", level),
        rule,
        tested,
        String.join(" ", sentences),
        measures,
        Map.of());
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
