package org.soseval.pipeline.emmie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.emmie.Emmie.Dimension;
import org.soseval.pipeline.emmie.Emmie.Measure;
import org.soseval.pipeline.instruments.CostAnalysis;
import org.soseval.pipeline.instruments.PriceIndexFile;

/**
 * The Economics dimension: the pilots' implementation costs in one price year (total, mean per LA,
 * per child worked with, per social worker trained) and, for an outcome whose pooled effect is
 * significant, a cost-effectiveness ratio: the mean implementation cost per pilot LA divided by the
 * absolute effect (the cost of a one-unit change in the outcome in one pilot LA), with limits from
 * the effect's 95% interval, treating the cost as fixed. Comparators are taken to have no
 * implementation cost. Quality level: 0 no costs; 1 fewer than 3 cost categories; 2 costs by
 * category; 3 unit costs (per child or per social worker) in one price year; 4 level 3 with a
 * cost-effectiveness ratio.
 */
final class Economics {
  private Economics() {}

  static Dimension of(Emmie.Inputs inputs, Optional<String> outcome, Optional<EffectRow> effect) {
    List<CostAnalysis.LaCost> costs =
        inputs.instruments().map(results -> results.costs()).orElse(List.of()).stream()
            .filter(cost -> inputs.pilotGroups().containsKey(cost.la()))
            .toList();
    List<Measure> measures = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    if (costs.isEmpty()) {
      sentences.add("No evidence on costs: no cost records for the pilots.");
      sentences.add(Emmie.levelSentence("economics", 0));
      return new Dimension(
          "economics",
          0,
          QualityLevels.label("economics", 0),
          "no cost records",
          false,
          String.join(" ", sentences),
          measures,
          Map.of());
    }
    int year = costs.get(0).priceYear();
    double total = costs.stream().mapToDouble(CostAnalysis.LaCost::total).sum();
    double perLa = total / costs.size();
    long categories =
        costs.stream()
            .flatMap(cost -> cost.byCategory().entrySet().stream())
            .filter(entry -> entry.getValue() > 0)
            .map(Map.Entry::getKey)
            .distinct()
            .count();
    measures.add(Measure.of("cost_total_gbp", total, costs.size()));
    measures.add(Measure.of("cost_per_pilot_gbp", perLa, costs.size()));
    long children = costs.stream().mapToLong(cost -> cost.childrenWorkedWith().orElse(0)).sum();
    long trained = costs.stream().mapToLong(cost -> cost.staffTrained().orElse(0)).sum();
    boolean unitCosts = false;
    PriceIndexFile index = PriceIndexFile.shipped();
    String prices = CostAnalysis.prices(index.index(), year);
    sentences.add(
        String.format(
            Locale.ROOT,
            "Implementation cost £%s in %d pilots (£%s per LA, %d cost categories), in %s",
            Emmie.number(total),
            costs.size(),
            Emmie.number(perLa),
            categories,
            prices));
    if (costs.stream().allMatch(cost -> cost.childrenWorkedWith().isPresent()) && children > 0) {
      unitCosts = true;
      measures.add(Measure.of("cost_per_child_gbp", total / children, costs.size()));
      sentences.add(
          String.format(
              Locale.ROOT, "; £%s per child worked with", Emmie.number(total / children)));
    }
    if (costs.stream().allMatch(cost -> cost.staffTrained().isPresent()) && trained > 0) {
      unitCosts = true;
      measures.add(Measure.of("cost_per_staff_trained_gbp", total / trained, costs.size()));
      sentences.add(
          String.format(
              Locale.ROOT, "; £%s per social worker trained", Emmie.number(total / trained)));
    }
    sentences.add(".");
    boolean ratio = false;
    if (outcome.isPresent()) {
      if (effect.isPresent() && (effect.get().lowerCi() > 0 || effect.get().upperCi() < 0)) {
        EffectRow row = effect.get();
        double near = Math.min(Math.abs(row.lowerCi()), Math.abs(row.upperCi()));
        double far = Math.max(Math.abs(row.lowerCi()), Math.abs(row.upperCi()));
        double icer = perLa / Math.abs(row.estimate());
        measures.add(
            new Measure("cost_per_unit_change_gbp", icer, perLa / far, perLa / near, costs.size()));
        ratio = unitCosts;
        sentences.add(
            String.format(
                Locale.ROOT,
                " Each %s of %s in %s cost about £%s per pilot LA (95%% CI £%s to £%s, costs"
                    + " taken as fixed).",
                row.estimate() < 0 ? "reduction" : "increase",
                Emmie.oneUnitOf(outcome.get()),
                Emmie.outcomeInWords(outcome.get()),
                Emmie.number(icer),
                Emmie.number(perLa / far),
                Emmie.number(perLa / near)));
      } else {
        sentences.add(
            " No cost-effectiveness estimate: there is no statistically significant effect on "
                + Emmie.outcomeInWords(outcome.get())
                + " to set the costs against.");
      }
    }
    int level = ratio ? 4 : unitCosts ? 3 : categories >= 3 ? 2 : 1;
    String rule =
        ratio
            ? "unit costs in one price year and a cost-effectiveness ratio"
            : unitCosts
                ? "unit costs in one price year; no cost-effectiveness ratio"
                : categories >= 3 ? "costs by category without unit costs" : "some costs listed";
    return new Dimension(
        "economics",
        level,
        QualityLevels.label("economics", level),
        rule,
        true,
        String.join("", sentences).replace(" .", ".")
            + " "
            + Emmie.levelSentence("economics", level),
        measures,
        priceDetails(index, year));
  }

  /** The price year and the index that uprated the costs, for emmie.json (in this order). */
  private static Map<String, Object> priceDetails(PriceIndexFile index, int year) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("name", index.index().name());
    source.put("status", index.illustrative() ? "illustrative" : "published");
    source.put("source", index.source());
    source.put("release", index.release());
    source.put("url", index.url());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("price_year", String.format(Locale.ROOT, "%d-%02d prices", year - 1, year % 100));
    details.put("price_index", source);
    return details;
  }
}
