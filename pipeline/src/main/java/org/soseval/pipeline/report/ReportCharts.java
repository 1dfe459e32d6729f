package org.soseval.pipeline.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.soseval.pipeline.charts.Chart;
import org.soseval.pipeline.charts.ChartFiles;
import org.soseval.pipeline.charts.ChartWriter;
import org.soseval.pipeline.charts.EffectScale;
import org.soseval.pipeline.charts.EventStudyChart;
import org.soseval.pipeline.charts.EventStudyData;
import org.soseval.pipeline.charts.EventStudyPoint;
import org.soseval.pipeline.charts.ForestPlotChart;
import org.soseval.pipeline.charts.ForestPlotData;
import org.soseval.pipeline.charts.ForestRow;
import org.soseval.pipeline.charts.ForestSummary;
import org.soseval.pipeline.charts.Heterogeneity;
import org.soseval.pipeline.charts.ImplementationPeriod;
import org.soseval.pipeline.charts.OutcomeOverTimeChart;
import org.soseval.pipeline.charts.OutcomeOverTimeData;
import org.soseval.pipeline.charts.OutcomeSeries;
import org.soseval.pipeline.charts.SeriesRole;
import org.soseval.pipeline.charts.YearFormat;
import org.soseval.pipeline.charts.YearValue;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;

/**
 * The three charts of an outcome, drawn from its findings: the outcome over time (pilots' and
 * comparators' means by reporting year, go-live marked, implementation years shaded), the event
 * study, and the forest plot of per-pilot DiDs with the DerSimonian-Laird diamond.
 */
final class ReportCharts {
  static final double LEVEL = 0.95;

  /** The event study's omitted year, relative to the implementation year. */
  static final int REFERENCE = -1;

  private ReportCharts() {}

  /** A chart written to the report folder, or why it could not be drawn. */
  record Drawn(String title, Optional<ChartFiles> files, String altText) {}

  /** The charts of one outcome, each written into {@code dir} (the report's charts folder). */
  record OutcomeCharts(Drawn overTime, Drawn eventStudy, Drawn forest) {}

  static OutcomeCharts write(
      OutcomeFindings findings,
      int firstImplementationYear,
      int lastImplementationYear,
      String source,
      Path dir) {
    ChartWriter writer = ChartWriter.create();
    return new OutcomeCharts(
        draw(
            writer,
            dir,
            "Over time",
            () -> overTime(findings, firstImplementationYear, lastImplementationYear, source)),
        draw(writer, dir, "Event study", () -> eventStudy(findings)),
        draw(writer, dir, "Forest plot", () -> forest(findings)));
  }

  private interface ChartMaker {
    Optional<Chart> make();
  }

  private static Drawn draw(ChartWriter writer, Path dir, String what, ChartMaker maker) {
    Optional<Chart> chart = maker.make();
    if (chart.isEmpty()) {
      return new Drawn(what, Optional.empty(), what + ": not enough estimates to draw.");
    }
    return new Drawn(
        chart.get().title(), Optional.of(writer.write(chart.get(), dir)), chart.get().altText());
  }

  /** Reporting year Y (April Y-1 to March Y) is labelled from its start year Y-1: "2014-15". */
  static int startYear(int reportingYear) {
    return reportingYear - 1;
  }

  static Optional<Chart> overTime(
      OutcomeFindings findings, int firstImplementation, int lastImplementation, String source) {
    List<OutcomeSeries> series = new ArrayList<>();
    series(findings.pilotMeans(), "Pilots (mean)", SeriesRole.PILOT_MEAN, findings.pilotsWithData())
        .ifPresent(series::add);
    series(
            findings.comparatorMeans(),
            "Comparison LAs (mean)",
            SeriesRole.COMPARATOR_MEAN,
            findings.comparatorsWithData())
        .ifPresent(series::add);
    if (series.isEmpty()) {
      return Optional.empty();
    }
    OutcomeOverTimeData data =
        new OutcomeOverTimeData(
            findings.label(),
            findings.label(),
            YearFormat.FINANCIAL,
            series,
            Optional.of(
                new ImplementationPeriod(
                    startYear(firstImplementation), startYear(lastImplementation))),
            false,
            Optional.of(source));
    return Optional.of(OutcomeOverTimeChart.of(findings.slug() + "-over-time", data));
  }

  private static Optional<OutcomeSeries> series(
      Map<Integer, OutcomeFindings.YearMean> means, String name, SeriesRole role, int areas) {
    if (means.isEmpty() || areas < 1) {
      return Optional.empty();
    }
    List<YearValue> values = new ArrayList<>();
    means.forEach((year, mean) -> values.add(YearValue.of(startYear(year), mean.mean())));
    return Optional.of(OutcomeSeries.of(name, role, areas, values));
  }

  static Optional<Chart> eventStudy(OutcomeFindings findings) {
    if (findings.eventStudy().isEmpty()) {
      return Optional.empty();
    }
    List<EventStudyPoint> points = new ArrayList<>();
    for (EffectRow row : findings.eventStudy()) {
      points.add(
          EventStudyPoint.of(row.term().getAsInt(), row.estimate(), row.lowerCi(), row.upperCi()));
    }
    EventStudyData data =
        new EventStudyData(
            "Event study: " + findings.label(), findings.label(), points, REFERENCE, LEVEL, "year");
    return Optional.of(EventStudyChart.of(findings.slug() + "-event-study", data));
  }

  static Optional<Chart> forest(OutcomeFindings findings) {
    if (findings.perPilot().size() < 2 || findings.pooledDl().isEmpty()) {
      return Optional.empty();
    }
    EffectRow dl = findings.pooledDl().get();
    double tau2 = dl.diagnostics().tau2().orElse(0);
    double[] weights = weights(findings.perPilot(), tau2);
    List<ForestRow> rows = new ArrayList<>();
    for (int i = 0; i < findings.perPilot().size(); i++) {
      EffectRow row = findings.perPilot().get(i);
      rows.add(
          ForestRow.of(
              laName(row.unit()), row.estimate(), row.lowerCi(), row.upperCi(), weights[i]));
    }
    ForestSummary diamond =
        ForestSummary.of("Random effects (DL)", dl.estimate(), dl.lowerCi(), dl.upperCi());
    ForestPlotData data =
        new ForestPlotData(
            "Difference-in-differences by pilot: " + findings.label(),
            "Difference in " + findings.labelInSentence(),
            EffectScale.DIFFERENCE,
            LEVEL,
            rows,
            List.of(diamond),
            heterogeneity(dl));
    return Optional.of(ForestPlotChart.of(findings.slug() + "-forest", data));
  }

  /** The random-effects weights in percent: 1 / (se² + τ²), normalised. */
  static double[] weights(List<EffectRow> perPilot, double tau2) {
    double[] weights = new double[perPilot.size()];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      double se = perPilot.get(i).standardError();
      weights[i] = 1 / (se * se + tau2);
      total += weights[i];
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 100 * weights[i] / total;
    }
    return weights;
  }

  static Optional<Heterogeneity> heterogeneity(EffectRow dl) {
    if (dl.diagnostics().q().isEmpty() || dl.nUnits() < 2) {
      return Optional.empty();
    }
    double q = dl.diagnostics().q().getAsDouble();
    int df = dl.nUnits() - 1;
    double p = ChiSquaredDistribution.of(df).survivalProbability(q);
    return Optional.of(
        new Heterogeneity(
            q,
            df,
            p,
            dl.diagnostics().i2Percent().orElse(0),
            Math.max(0, dl.diagnostics().tau2().orElse(0))));
  }

  /** The LA's name (reorganised LAs too, e.g. 940 North Northamptonshire), or the code. */
  static String laName(String code) {
    return LaCrosswalk.byOldCode(code).map(LaCodeEntry::name).orElse(code);
  }
}
