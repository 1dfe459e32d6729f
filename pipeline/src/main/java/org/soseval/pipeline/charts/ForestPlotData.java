package org.soseval.pipeline.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.meta.MetaAnalysisResult;

/**
 * Input for {@link ForestPlotChart}. Values are on the display scale: ratios as ratios (the chart
 * takes logs for the axis), differences as they are.
 *
 * @param title chart title
 * @param measure the effect measure, e.g. {@code "Odds ratio"}; the x-axis label
 * @param scale ratio (log axis, null 1) or difference (linear, null 0)
 * @param level confidence level of the intervals, e.g. 0.95
 * @param rows one per study (LA), top to bottom
 * @param summaries pooled estimates, drawn as diamonds below the rows (may be empty)
 * @param heterogeneity the heterogeneity line, if shown
 */
public record ForestPlotData(
    String title,
    String measure,
    EffectScale scale,
    double level,
    List<ForestRow> rows,
    List<ForestSummary> summaries,
    Optional<Heterogeneity> heterogeneity) {
  public ForestPlotData {
    String chart = ForestRow.CHART;
    Checks.text(chart, "title", title);
    Checks.text(chart, "measure", measure);
    Objects.requireNonNull(scale, "scale is null");
    if (!(level > 0 && level < 1)) {
      throw Checks.invalid(chart, "level must be in (0, 1): %s", level);
    }
    rows = Checks.nonEmpty(chart, "rows", rows);
    summaries = List.copyOf(summaries);
    Objects.requireNonNull(heterogeneity, "heterogeneity is null");
    if (scale == EffectScale.RATIO) {
      for (ForestRow row : rows) {
        Checks.positive(chart, "ratio lower limit of row '" + row.label() + "'", row.lower());
        Checks.positive(chart, "ratio estimate of row '" + row.label() + "'", row.estimate());
      }
      for (ForestSummary summary : summaries) {
        Checks.positive(chart, "ratio lower limit of '" + summary.label() + "'", summary.lower());
        summary
            .prediction()
            .ifPresent(
                p ->
                    Checks.positive(
                        chart,
                        "ratio prediction lower limit of '" + summary.label() + "'",
                        p.lower()));
      }
    }
  }

  /**
   * Rows and pooled diamonds from a meta-analysis on the analysis scale (for ratios, the log scale,
   * which is exponentiated here). Each row's interval is {@code y ± z·sqrt(v)} at the level of the
   * first result's first interval; weights are the first result's; each result gives a diamond
   * (with its prediction interval at that level, if it has one); the heterogeneity line takes Q
   * from the first result and τ² from the random-effects result if there is one.
   *
   * @param labels row labels, one per estimate
   * @param estimates study estimates on the analysis scale (ln OR for {@link EffectScale#RATIO})
   * @param variances their within-study variances
   * @param results one or more pooled results of these estimates (e.g. random then fixed effect)
   */
  public static ForestPlotData fromMetaAnalysis(
      String title,
      String measure,
      EffectScale scale,
      List<String> labels,
      double[] estimates,
      double[] variances,
      List<MetaAnalysisResult> results) {
    String chart = ForestRow.CHART;
    Checks.nonEmpty(chart, "meta-analysis results", results);
    MetaAnalysisResult primary = results.get(0);
    if (labels.size() != estimates.length
        || variances.length != estimates.length
        || primary.weightsPercent().size() != estimates.length) {
      throw Checks.invalid(
          chart,
          "labels (%d), estimates (%d), variances (%d) and weights (%d) must have the same length",
          labels.size(),
          estimates.length,
          variances.length,
          primary.weightsPercent().size());
    }
    double level = primary.intervals().get(0).level();
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    List<ForestRow> rows = new ArrayList<>();
    for (int i = 0; i < estimates.length; i++) {
      Checks.positive(chart, "variance of row '" + labels.get(i) + "'", variances[i]);
      double half = z * Math.sqrt(variances[i]);
      rows.add(
          ForestRow.of(
              labels.get(i),
              scale.value(estimates[i]),
              scale.value(estimates[i] - half),
              scale.value(estimates[i] + half),
              primary.weightsPercent().get(i)));
    }
    List<ForestSummary> summaries = new ArrayList<>();
    double tau2 = 0;
    for (MetaAnalysisResult result : results) {
      Interval ci = result.interval(level);
      Optional<Interval> prediction = Optional.empty();
      for (Interval p : result.predictionIntervals()) {
        if (p.level() == level) {
          prediction =
              Optional.of(Interval.of(scale.value(p.lower()), scale.value(p.upper()), level));
        }
      }
      if (result.method().equals("pooled_dl")) {
        tau2 = result.tau2();
      }
      summaries.add(
          new ForestSummary(
              label(result.method()),
              scale.value(result.estimate()),
              scale.value(ci.lower()),
              scale.value(ci.upper()),
              prediction));
    }
    Optional<Heterogeneity> heterogeneity =
        Optional.of(
            new Heterogeneity(primary.q(), primary.qDf(), primary.qPValue(), primary.i2(), tau2));
    return new ForestPlotData(title, measure, scale, level, rows, summaries, heterogeneity);
  }

  private static String label(String method) {
    return switch (method) {
      case "pooled_dl" -> "Random effects (DL)";
      case "pooled_fe" -> "Fixed effect";
      default -> "Pooled (" + method + ")";
    };
  }
}
