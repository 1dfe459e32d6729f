package org.soseval.pipeline.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;
import org.soseval.pipeline.stats.compare.Polarity;
import org.soseval.pipeline.stats.funnel.FunnelPoint;
import org.soseval.pipeline.stats.funnel.FunnelSignificance;

/**
 * A funnel plot (methods.md §4.2-4.3, Fingertips): every LA as a point at its precision (x) and
 * value (y), coloured by its funnel significance turned into a Fingertips comparison by polarity
 * (Better/Similar/Worse, or Higher/Similar/Lower without polarity; Not compared when not assessed);
 * the baseline; 95% limits dashed and 99.8% limits solid; the LA of interest ringed and labelled.
 * The x-axis starts at 0; the y-axis is fitted to the LAs and the limits over their range of
 * precision, not forced to zero.
 *
 * <p>The table has {@code kind, name, precision, value, significance, comparison, highlighted}: one
 * {@code la} row per LA, then {@code baseline} and {@code limit} rows (lower_95, upper_95,
 * lower_99_8, upper_99_8 at each limit point).
 */
public final class FunnelPlotChart {
  private FunnelPlotChart() {}

  /**
   * The Fingertips comparison shown for a funnel significance: high or low at either level is
   * Better or Worse by polarity (Higher or Lower without polarity), not significant is Similar, not
   * applicable is Not compared.
   */
  public static BenchmarkComparison comparison(FunnelSignificance significance, Polarity polarity) {
    boolean high;
    switch (significance) {
      case HIGH_0_001, HIGH_0_025 -> high = true;
      case LOW_0_001, LOW_0_025 -> high = false;
      case NOT_SIGNIFICANT -> {
        return BenchmarkComparison.SIMILAR;
      }
      default -> {
        return BenchmarkComparison.NOT_COMPARED;
      }
    }
    return switch (polarity) {
      case HIGHER_IS_BETTER -> high ? BenchmarkComparison.BETTER : BenchmarkComparison.WORSE;
      case LOWER_IS_BETTER -> high ? BenchmarkComparison.WORSE : BenchmarkComparison.BETTER;
      case NO_POLARITY -> high ? BenchmarkComparison.HIGHER : BenchmarkComparison.LOWER;
    };
  }

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, FunnelPlotData data) {
    XYSeriesCollection limits = new XYSeriesCollection();
    limits.addSeries(limit("Lower 95%", data, FunnelPoint::lower95Precision, FunnelPoint::lower95));
    limits.addSeries(limit("Upper 95%", data, FunnelPoint::upper95Precision, FunnelPoint::upper95));
    limits.addSeries(
        limit("Lower 99.8%", data, FunnelPoint::lower998Precision, FunnelPoint::lower998));
    limits.addSeries(
        limit("Upper 99.8%", data, FunnelPoint::upper998Precision, FunnelPoint::upper998));
    double maxPrecision =
        data.units().stream().mapToDouble(FunnelUnit::precision).max().orElseThrow();
    double minPrecision =
        data.units().stream().mapToDouble(FunnelUnit::precision).min().orElseThrow();
    XYSeries baseline = new XYSeries("Baseline");
    baseline.add(0, data.limits().baseline());
    baseline.add(maxPrecision * 1.05, data.limits().baseline());
    limits.addSeries(baseline);
    XYLineAndShapeRenderer limitRenderer = new XYLineAndShapeRenderer(true, false);
    limitRenderer.setDrawSeriesLineAsPath(true);
    BasicStroke limit998 = new BasicStroke(1.5f);
    limitRenderer.setSeriesStroke(0, ChartStyle.DASHED);
    limitRenderer.setSeriesStroke(1, ChartStyle.DASHED);
    limitRenderer.setSeriesStroke(2, limit998);
    limitRenderer.setSeriesStroke(3, limit998);
    limitRenderer.setSeriesStroke(4, new BasicStroke(2f));
    for (int i = 0; i < 4; i++) {
      limitRenderer.setSeriesPaint(i, ChartStyle.GREY);
    }
    limitRenderer.setSeriesPaint(4, ChartStyle.BLACK);

    Map<BenchmarkComparison, XYSeries> byComparison = new EnumMap<>(BenchmarkComparison.class);
    for (FunnelUnit unit : data.units()) {
      BenchmarkComparison comparison = comparison(unit.significance(), data.polarity());
      byComparison
          .computeIfAbsent(comparison, c -> new XYSeries(c.label(), false, true))
          .add(unit.precision(), unit.value());
    }
    XYSeriesCollection points = new XYSeriesCollection();
    XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    pointRenderer.setUseOutlinePaint(true);
    pointRenderer.setDrawOutlines(true);
    List<LegendItem> legend = new ArrayList<>();
    legend.add(ChartStyle.lineItem("Baseline", ChartStyle.BLACK, new BasicStroke(2f), null));
    legend.add(ChartStyle.lineItem("95% limits", ChartStyle.GREY, ChartStyle.DASHED, null));
    legend.add(ChartStyle.lineItem("99.8% limits", ChartStyle.GREY, limit998, null));
    for (Map.Entry<BenchmarkComparison, XYSeries> entry : byComparison.entrySet()) {
      int index = points.getSeriesCount();
      points.addSeries(entry.getValue());
      pointRenderer.setSeriesPaint(index, ChartStyle.colour(entry.getKey()));
      pointRenderer.setSeriesOutlinePaint(index, ChartStyle.GREY);
      pointRenderer.setSeriesOutlineStroke(index, ChartStyle.THIN_LINE);
      pointRenderer.setSeriesShape(index, ChartStyle.circle(10));
      legend.add(
          ChartStyle.shapeItem(
              legendLabel(entry.getKey()),
              ChartStyle.circle(10),
              ChartStyle.colour(entry.getKey())));
    }

    NumberAxis xAxis = ChartStyle.valueAxis(data.precisionLabel(), true);
    xAxis.setRange(0, maxPrecision * 1.05);
    NumberAxis yAxis =
        ChartStyle.valueAxis(
            ChartStyle.verticalLabel(data.indicator(), data.indicator(), false), false);
    double[] yRange = yRange(data, minPrecision * 0.5);
    yAxis.setRange(yRange[0], yRange[1]);
    XYPlot plot = new XYPlot(limits, xAxis, yAxis, limitRenderer);
    plot.setDataset(1, points);
    plot.setRenderer(1, pointRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

    Optional<FunnelUnit> highlighted = highlighted(data);
    highlighted.ifPresent(
        unit -> {
          XYSeriesCollection ring = new XYSeriesCollection();
          XYSeries series = new XYSeries(unit.name());
          series.add(unit.precision(), unit.value());
          ring.addSeries(series);
          XYLineAndShapeRenderer ringRenderer = new XYLineAndShapeRenderer(false, true);
          ringRenderer.setSeriesShape(0, ChartStyle.circle(20));
          ringRenderer.setSeriesShapesFilled(0, false);
          ringRenderer.setUseOutlinePaint(true);
          ringRenderer.setSeriesOutlinePaint(0, ChartStyle.BLACK);
          ringRenderer.setSeriesPaint(0, ChartStyle.BLACK);
          ringRenderer.setSeriesOutlineStroke(0, new BasicStroke(2.5f));
          plot.setDataset(2, ring);
          plot.setRenderer(2, ringRenderer);
          double angle = unit.precision() > 0.7 * maxPrecision ? -3 * Math.PI / 4 : -Math.PI / 4;
          XYPointerAnnotation label =
              new XYPointerAnnotation(unit.name(), unit.precision(), unit.value(), angle);
          label.setFont(ChartStyle.TICK_BOLD_FONT);
          label.setPaint(ChartStyle.BLACK);
          label.setArrowPaint(ChartStyle.BLACK);
          label.setTipRadius(12);
          label.setBaseRadius(38);
          label.setLabelOffset(4);
          label.setTextAnchor(
              angle < -Math.PI / 2 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
          label.setBackgroundPaint(Color.WHITE);
          plot.addAnnotation(label);
          legend.add(
              new LegendItem(
                  "Highlighted: " + unit.name(),
                  unit.name(),
                  null,
                  null,
                  true,
                  ChartStyle.circle(14),
                  false,
                  ChartStyle.BLACK,
                  true,
                  ChartStyle.BLACK,
                  new BasicStroke(2.5f),
                  false,
                  ChartStyle.circle(1),
                  ChartStyle.THIN_LINE,
                  ChartStyle.BLACK));
        });
    plot.setFixedLegendItems(ChartStyle.legend(legend));

    JFreeChart chart = ChartStyle.chart(data.title(), plot, true);
    return new Chart(name, data.title(), chart, table(data), altText(data));
  }

  private static String legendLabel(BenchmarkComparison comparison) {
    return switch (comparison) {
      case SIMILAR -> "Similar (within 95% limits)";
      case NOT_COMPARED -> "Not compared";
      default -> comparison.label() + " (outside 95% limits)";
    };
  }

  private static XYSeries limit(
      String key,
      FunnelPlotData data,
      ToDoubleFunction<FunnelPoint> precision,
      ToDoubleFunction<FunnelPoint> value) {
    XYSeries series = new XYSeries(key, true, true);
    for (FunnelPoint point : data.limits().points()) {
      double x = precision.applyAsDouble(point);
      double y = value.applyAsDouble(point);
      if (Double.isFinite(x) && x > 0 && Double.isFinite(y)) {
        series.add(x, y);
      }
    }
    return series;
  }

  /** The y-range: the LAs, the baseline and the limits from {@code fromPrecision} on, padded. */
  private static double[] yRange(FunnelPlotData data, double fromPrecision) {
    double low = data.limits().baseline();
    double high = low;
    for (FunnelUnit unit : data.units()) {
      low = Math.min(low, unit.value());
      high = Math.max(high, unit.value());
    }
    for (FunnelPoint point : data.limits().points()) {
      if (point.lower998Precision() >= fromPrecision && Double.isFinite(point.lower998())) {
        low = Math.min(low, point.lower998());
      }
      if (point.upper998Precision() >= fromPrecision && Double.isFinite(point.upper998())) {
        high = Math.max(high, point.upper998());
      }
    }
    double pad = Math.max(0.05 * (high - low), 1e-9);
    return new double[] {low - pad, high + pad};
  }

  private static Optional<FunnelUnit> highlighted(FunnelPlotData data) {
    return data.highlight()
        .flatMap(h -> data.units().stream().filter(u -> u.name().equals(h)).findFirst());
  }

  private static DataTable table(FunnelPlotData data) {
    DataTable.Builder table =
        DataTable.builder(
            "kind", "name", "precision", "value", "significance", "comparison", "highlighted");
    for (FunnelUnit unit : data.units()) {
      table.row(
          "la",
          unit.name(),
          DataTable.number(unit.precision()),
          DataTable.number(unit.value()),
          unit.significance().label(),
          comparison(unit.significance(), data.polarity()).label(),
          Boolean.toString(data.highlight().map(unit.name()::equals).orElse(false)));
    }
    table.row("baseline", "baseline", "", DataTable.number(data.limits().baseline()), "", "", "");
    for (FunnelPoint point : data.limits().points()) {
      table.row(
          "limit",
          "lower_95",
          DataTable.number(point.lower95Precision()),
          DataTable.number(point.lower95()),
          "",
          "",
          "");
      table.row(
          "limit",
          "upper_95",
          DataTable.number(point.upper95Precision()),
          DataTable.number(point.upper95()),
          "",
          "",
          "");
      table.row(
          "limit",
          "lower_99_8",
          DataTable.number(point.lower998Precision()),
          DataTable.number(point.lower998()),
          "",
          "",
          "");
      table.row(
          "limit",
          "upper_99_8",
          DataTable.number(point.upper998Precision()),
          DataTable.number(point.upper998()),
          "",
          "",
          "");
    }
    return table.build();
  }

  private static String altText(FunnelPlotData data) {
    Map<FunnelSignificance, Integer> counts = new EnumMap<>(FunnelSignificance.class);
    for (FunnelUnit unit : data.units()) {
      counts.merge(unit.significance(), 1, Integer::sum);
    }
    int high998 = counts.getOrDefault(FunnelSignificance.HIGH_0_001, 0);
    int high95 = high998 + counts.getOrDefault(FunnelSignificance.HIGH_0_025, 0);
    int low998 = counts.getOrDefault(FunnelSignificance.LOW_0_001, 0);
    int low95 = low998 + counts.getOrDefault(FunnelSignificance.LOW_0_025, 0);
    int within = counts.getOrDefault(FunnelSignificance.NOT_SIGNIFICANT, 0);
    int notAssessed = counts.getOrDefault(FunnelSignificance.NOT_APPLICABLE, 0);
    StringBuilder text = new StringBuilder();
    text.append("Funnel plot of ")
        .append(data.indicator())
        .append(" for ")
        .append(data.units().size())
        .append(data.units().size() == 1 ? " LA" : " LAs")
        .append(" against ")
        .append(data.precisionLabel())
        .append(", with 95% and 99.8% control limits around the baseline ")
        .append(Formats.display(data.limits().baseline()))
        .append(": ")
        .append(high95)
        .append(" above the upper 95% limit (")
        .append(high998)
        .append(" also above 99.8%), ")
        .append(low95)
        .append(" below the lower 95% limit (")
        .append(low998)
        .append(" also below 99.8%), ")
        .append(within)
        .append(" within the limits");
    if (notAssessed > 0) {
      text.append(", ").append(notAssessed).append(" not assessed");
    }
    text.append('.');
    highlighted(data)
        .ifPresent(
            unit ->
                text.append(' ')
                    .append(unit.name())
                    .append(" (highlighted): ")
                    .append(Formats.display(unit.value()))
                    .append(", ")
                    .append(describe(unit.significance()))
                    .append(" (")
                    .append(comparison(unit.significance(), data.polarity()).label())
                    .append(")."));
    return text.toString();
  }

  private static String describe(FunnelSignificance significance) {
    return switch (significance) {
      case HIGH_0_001 -> "above the upper 99.8% limit";
      case HIGH_0_025 -> "above the upper 95% limit";
      case LOW_0_001 -> "below the lower 99.8% limit";
      case LOW_0_025 -> "below the lower 95% limit";
      case NOT_SIGNIFICANT -> "within the 95% limits";
      case NOT_APPLICABLE -> "not assessed (fewer than 10 events)";
    };
  }
}
