package org.soseval.pipeline.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soseval.pipeline.charts.Chart;
import org.soseval.pipeline.charts.EmmieChart;
import org.soseval.pipeline.charts.EmmieData;
import org.soseval.pipeline.charts.EmmieRating;
import org.soseval.pipeline.compare.EffectDirection;
import org.soseval.pipeline.emmie.Emmie;
import org.soseval.pipeline.emmie.MeasureLabels;

/**
 * Turns the EMMIE summary and the instrument tables published beside it into the report's evidence
 * sections: implementation and fidelity (the overall entry's implementation rating, the
 * self-ratings and case-audit figures), costs (the economics rating and the costs figure), and the
 * EMMIE summary (the graphic of every outcome × dimension with its table, then the survey figures
 * under Mechanisms). A dimension without evidence says so in its own words; a section with neither
 * a rating nor a figure is left empty ("No evidence supplied").
 */
public final class EmmieEvidence {
  private static final List<String> DIMENSIONS =
      List.of("effect", "mechanisms", "moderators", "implementation", "economics");

  private EmmieEvidence() {}

  /**
   * The evidence of an {@link Emmie#run}: its entries, and the instrument tables it published
   * beside {@code emmie.csv} (its {@code publish/} folder).
   */
  public static ReportEvidence of(Emmie.Result result) {
    return of(result.entries(), result.csv().toAbsolutePath().getParent());
  }

  /** The evidence of EMMIE entries and of the instrument tables published in {@code publish}. */
  public static ReportEvidence of(List<Emmie.Entry> entries, Path publish) {
    return of(entries, InstrumentEvidence.read(publish));
  }

  static ReportEvidence of(List<Emmie.Entry> entries, InstrumentEvidence.Figures figures) {
    Optional<Emmie.Entry> overall =
        entries.stream().filter(entry -> entry.outcome().equals(Emmie.OVERALL)).findFirst();
    return new ReportEvidence(
        section(overall.map(entry -> entry.dimension("implementation")), figures.implementation()),
        section(overall.map(entry -> entry.dimension("economics")), figures.costs()),
        entries.isEmpty() ? Optional.empty() : Optional.of(summary(entries, figures.mechanisms())));
  }

  private static Optional<EvidenceSection> section(
      Optional<Emmie.Dimension> dimension, List<EvidenceFigure> figures) {
    if (dimension.isEmpty() && figures.isEmpty()) {
      return Optional.empty();
    }
    List<String> paragraphs = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    dimension.ifPresent(
        d -> {
          paragraphs.add(d.narrative());
          paragraphs.add(
              "Quality of the evidence: level "
                  + d.qualityLevel()
                  + " of 4 ("
                  + d.qualityLabel()
                  + "). Rule: "
                  + d.rule()
                  + ".");
          measures(d).ifPresent(tables::add);
        });
    return Optional.of(EvidenceSection.of(paragraphs, figures, tables));
  }

  private static Optional<ReportTable> measures(Emmie.Dimension dimension) {
    List<List<String>> rows = new ArrayList<>();
    for (Emmie.Measure measure : dimension.measures()) {
      rows.add(
          List.of(
              MeasureLabels.label(measure.name()),
              Emmie.formatted(measure, measure.estimate()),
              Double.isNaN(measure.lower())
                  ? ""
                  : Emmie.formatted(measure, measure.lower())
                      + " to "
                      + Emmie.formatted(measure, measure.upper()),
              Integer.toString(measure.nUnits())));
    }
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(
            ReportTable.of(
                "Measures behind the " + dimension.dimension() + " rating",
                List.of("Measure", "Estimate", "95% interval", "LAs"),
                rows));
  }

  private static EvidenceSection summary(
      List<Emmie.Entry> entries, List<EvidenceFigure> mechanisms) {
    List<List<String>> rows = new ArrayList<>();
    for (Emmie.Entry entry : entries) {
      for (String name : DIMENSIONS) {
        Emmie.Dimension dimension = entry.dimension(name);
        rows.add(
            List.of(
                outcomeLabel(entry.outcome()),
                capitalised(name),
                // the narrative ends with the level's wording ("Evidence quality 3 of 4: ...")
                dimension.qualityLevel() + " of 4",
                dimension.narrative()));
      }
    }
    ReportTable table =
        ReportTable.of(
            "EMMIE summary by outcome",
            List.of("Outcome", "Dimension", "Evidence quality", "Summary"),
            rows);
    List<EvidenceFigure> figures = new ArrayList<>();
    figures.add(
        new EvidenceFigure(
            "Quality of the evidence by outcome and dimension",
            List.of(
                "The EMMIE summary rates each dimension's evidence from 0 (none) to 4; each"
                    + " summary ends with what its level means. The"
                    + " graphic shows the levels; the table under it gives the narrative of each"
                    + " cell."),
            chart(entries),
            table));
    figures.addAll(mechanisms);
    List<String> paragraphs = new ArrayList<>();
    if (!mechanisms.isEmpty()) {
      paragraphs.add(
          "Under Mechanisms, the surveys of families and practitioners show the intermediate"
              + " outcomes the programme theory expects the practice model to change.");
    }
    return EvidenceSection.of(paragraphs, figures, List.of());
  }

  /**
   * The EMMIE graphic of every entry, the overall entry last as {@link Emmie#summarise} orders. The
   * Effect cell of an outcome with an estimate gives its direction in words, "no clear change" when
   * it is not significant (EMMIE's effect flag is "evidence of an effect", so it is not shown as
   * "no evidence"); an outcome without an estimate says "no evidence".
   */
  static Chart chart(List<Emmie.Entry> entries) {
    List<EmmieRating> ratings = new ArrayList<>();
    for (Emmie.Entry entry : entries) {
      for (int d = 0; d < DIMENSIONS.size(); d++) {
        Emmie.Dimension dimension = entry.dimension(DIMENSIONS.get(d));
        // Effect's evidence flag means "evidence of an effect"; the cell says "no evidence" only
        // when there is no estimate, and otherwise the direction ("no clear change" included)
        boolean effect = d == 0 && entry.direction().isPresent();
        ratings.add(
            EmmieRating.of(
                outcomeLabel(entry.outcome()),
                EmmieData.DIMENSIONS.get(d),
                dimension.qualityLevel(),
                effect || dimension.evidence(),
                effect ? entry.direction().map(EmmieEvidence::finding) : Optional.empty()));
      }
    }
    return EmmieChart.of(
        "emmie-summary",
        new EmmieData(
            "EMMIE summary: quality of the evidence by outcome",
            ratings,
            Optional.of("Source: emmie.json, written with this report.")));
  }

  /** The direction of an effect in a word or two, for the Effect cell. */
  static String finding(EffectDirection direction) {
    return switch (direction) {
      case REDUCED -> "fell";
      case REDUCED_SOME_INCREASE -> "fell (mixed)";
      case INCREASED -> "rose";
      case INCREASED_SOME_REDUCTION -> "rose (mixed)";
      case SOME_REDUCTION_NS, MIXED_NS, NO_EFFECT, SOME_INCREASE_NS -> "no clear change";
    };
  }

  /** The indicator's label, or the outcome name; "Overall (across outcomes)". */
  static String outcomeLabel(String outcome) {
    if (outcome.equals(Emmie.OVERALL)) {
      return "Overall (across outcomes)";
    }
    return Emmie.outcomeLabel(outcome);
  }

  private static String capitalised(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
