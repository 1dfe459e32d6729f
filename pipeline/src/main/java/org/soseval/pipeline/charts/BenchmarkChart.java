package org.soseval.pipeline.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;

/**
 * One LA's indicator by year against England, its region and its statistical neighbours, in the
 * Fingertips trend style (users.md §1.6-1.7): the LA as a dark line with points coloured by their
 * comparison with the benchmark (Better/Similar/Worse, Higher/Lower, Not compared) and error bars
 * for its confidence intervals; comparator lines styled by {@link SeriesRole}; the neighbours'
 * range shaded (a bar when there is one year). One year gives points only; the value axis is fitted
 * to the data unless asked to start at zero.
 *
 * <p>The table has {@code series, role, year, time_period, value, lower, upper, comparison} rows:
 * the LA ({@code area}), then each comparator, then {@code neighbour_range} (lower and upper only).
 */
public final class BenchmarkChart {
  private static final Color AREA_LINE = new Color(0x333333);

  private BenchmarkChart() {}

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, BenchmarkData data) {
    int first = data.points().get(0).year();
    int last = data.points().get(data.points().size() - 1).year();
    for (OutcomeSeries series : data.comparators()) {
      first = Math.min(first, series.values().get(0).year());
      last = Math.max(last, series.values().get(series.values().size() - 1).year());
    }
    for (YearRange range : data.neighbourRange()) {
      first = Math.min(first, range.year());
      last = Math.max(last, range.year());
    }
    NumberAxis xAxis = ChartStyle.yearAxis("Year", data.years(), first, last);
    NumberAxis yAxis =
        ChartStyle.valueAxis(
            ChartStyle.verticalLabel(data.indicator(), data.indicator(), false),
            data.yAxisFromZero());
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(xAxis);
    plot.setRangeAxis(yAxis);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    List<LegendItem> legend = new ArrayList<>();
    List<LegendItem> rangeLegend = new ArrayList<>();
    Color band = new Color(0xBFBFBF);

    YIntervalSeries range = new YIntervalSeries("Neighbour range");
    for (YearRange year : data.neighbourRange()) {
      range.add(year.year(), (year.low() + year.high()) / 2, year.low(), year.high());
    }
    YIntervalSeriesCollection ranges = new YIntervalSeriesCollection();
    ranges.addSeries(range);
    if (data.neighbourRange().size() > 1) {
      DeviationRenderer renderer = new DeviationRenderer(false, false);
      renderer.setSeriesFillPaint(0, band);
      renderer.setAlpha(0.45f);
      plot.setDataset(0, ranges);
      plot.setRenderer(0, renderer);
      rangeLegend.add(
          ChartStyle.boxItem("Neighbour range (lowest to highest)", new Color(0xE0E0E0)));
    } else if (data.neighbourRange().size() == 1) {
      XYErrorRenderer renderer = new XYErrorRenderer();
      renderer.setDefaultShapesVisible(false);
      renderer.setDefaultLinesVisible(false);
      renderer.setErrorPaint(band);
      renderer.setErrorStroke(new BasicStroke(12f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      renderer.setCapLength(0);
      plot.setDataset(0, ranges);
      plot.setRenderer(0, renderer);
      rangeLegend.add(ChartStyle.boxItem("Neighbour range (lowest to highest)", band));
    }

    XYSeriesCollection comparators = new XYSeriesCollection();
    XYLineAndShapeRenderer comparatorRenderer = new XYLineAndShapeRenderer(true, true);
    comparatorRenderer.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < data.comparators().size(); i++) {
      OutcomeSeries series = data.comparators().get(i);
      XYSeries xy = new XYSeries(series.name(), true, false);
      series.values().forEach(v -> xy.add(v.year(), v.value()));
      comparators.addSeries(xy);
      boolean line = series.values().size() > 1;
      SeriesRole role = series.role();
      comparatorRenderer.setSeriesPaint(i, role.colour());
      comparatorRenderer.setSeriesStroke(i, role.stroke());
      comparatorRenderer.setSeriesShape(i, role.shape());
      comparatorRenderer.setSeriesLinesVisible(i, line);
      comparatorRenderer.setSeriesShapesVisible(i, true);
      legend.add(
          ChartStyle.lineItem(
              series.name(), role.colour(), line ? role.stroke() : null, role.shape()));
    }
    legend.addAll(rangeLegend);
    plot.setDataset(1, comparators);
    plot.setRenderer(1, comparatorRenderer);

    XYSeriesCollection areaLine = new XYSeriesCollection();
    XYSeries line = new XYSeries(data.area(), true, false);
    data.points().forEach(p -> line.add(p.year(), p.value()));
    areaLine.addSeries(line);
    XYLineAndShapeRenderer lineRenderer =
        new XYLineAndShapeRenderer(data.points().size() > 1, false);
    lineRenderer.setSeriesPaint(0, AREA_LINE);
    lineRenderer.setSeriesStroke(0, ChartStyle.LINE);
    plot.setDataset(2, areaLine);
    plot.setRenderer(2, lineRenderer);

    YIntervalSeries areaPoints = new YIntervalSeries(data.area());
    List<Paint> fills = new ArrayList<>();
    for (BenchmarkPoint point : data.points()) {
      double lower = point.interval().map(i -> i.lower()).orElse(point.value());
      double upper = point.interval().map(i -> i.upper()).orElse(point.value());
      areaPoints.add(point.year(), point.value(), lower, upper);
      fills.add(ChartStyle.colour(point.comparison()));
    }
    YIntervalSeriesCollection areaDataset = new YIntervalSeriesCollection();
    areaDataset.addSeries(areaPoints);
    ComparisonPoints pointRenderer = new ComparisonPoints(fills);
    pointRenderer.setDefaultLinesVisible(false);
    pointRenderer.setSeriesShape(0, ChartStyle.circle(12));
    pointRenderer.setUseOutlinePaint(true);
    pointRenderer.setSeriesOutlinePaint(0, AREA_LINE);
    pointRenderer.setSeriesOutlineStroke(0, new BasicStroke(1.2f));
    pointRenderer.setErrorPaint(AREA_LINE);
    pointRenderer.setErrorStroke(new BasicStroke(1.5f));
    pointRenderer.setCapLength(8);
    plot.setDataset(3, areaDataset);
    plot.setRenderer(3, pointRenderer);
    legend.add(
        0,
        ChartStyle.lineItem(
            data.area(),
            AREA_LINE,
            data.points().size() > 1 ? ChartStyle.LINE : null,
            data.points().size() > 1 ? null : ChartStyle.circle(11)));
    Map<BenchmarkComparison, Boolean> present = new EnumMap<>(BenchmarkComparison.class);
    data.points().forEach(p -> present.put(p.comparison(), true));
    for (BenchmarkComparison comparison : present.keySet()) {
      legend.add(
          ChartStyle.shapeItem(
              phrase(comparison, data.benchmark()),
              ChartStyle.circle(11),
              ChartStyle.colour(comparison)));
    }
    plot.setFixedLegendItems(ChartStyle.legend(legend));

    JFreeChart chart = ChartStyle.chart(data.title(), plot, true);
    return new Chart(name, data.title(), chart, table(data), altText(data));
  }

  /** "Better than England", "Similar to England", "Not compared". */
  static String phrase(BenchmarkComparison comparison, String benchmark) {
    return switch (comparison) {
      case SIMILAR -> "Similar to " + benchmark;
      case NOT_COMPARED -> "Not compared";
      default -> comparison.label() + " than " + benchmark;
    };
  }

  private static String lowerFirst(String text) {
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  private static DataTable table(BenchmarkData data) {
    DataTable.Builder table =
        DataTable.builder(
            "series", "role", "year", "time_period", "value", "lower", "upper", "comparison");
    for (BenchmarkPoint point : data.points()) {
      table.row(
          data.area(),
          "area",
          Integer.toString(point.year()),
          data.years().label(point.year()),
          DataTable.number(point.value()),
          point.interval().map(i -> DataTable.number(i.lower())).orElse(""),
          point.interval().map(i -> DataTable.number(i.upper())).orElse(""),
          point.comparison().label());
    }
    for (OutcomeSeries series : data.comparators()) {
      for (YearValue value : series.values()) {
        table.row(
            series.name(),
            series.role().code(),
            Integer.toString(value.year()),
            data.years().label(value.year()),
            DataTable.number(value.value()),
            "",
            "",
            "");
      }
    }
    for (YearRange range : data.neighbourRange()) {
      table.row(
          "Neighbour range",
          "neighbour_range",
          Integer.toString(range.year()),
          data.years().label(range.year()),
          "",
          DataTable.number(range.low()),
          DataTable.number(range.high()),
          "");
    }
    return table.build();
  }

  private static String altText(BenchmarkData data) {
    int first = data.points().get(0).year();
    BenchmarkPoint latest = data.points().get(data.points().size() - 1);
    List<String> against = new ArrayList<>();
    data.comparators().forEach(s -> against.add(s.name()));
    if (!data.neighbourRange().isEmpty()) {
      against.add("the neighbours' range (shaded)");
    }
    StringBuilder text = new StringBuilder();
    text.append(data.indicator())
        .append(" in ")
        .append(data.area())
        .append(", ")
        .append(data.years().range(first, latest.year()));
    if (!against.isEmpty()) {
      text.append(", against ").append(OutcomeOverTimeChart.join(against));
    }
    text.append(". In ")
        .append(data.years().label(latest.year()))
        .append(": ")
        .append(data.area())
        .append(' ')
        .append(Formats.display(latest.value()));
    if (latest.comparison() != BenchmarkComparison.NOT_COMPARED) {
      text.append(" (")
          .append(lowerFirst(phrase(latest.comparison(), data.benchmark())))
          .append(')');
    }
    for (OutcomeSeries series : data.comparators()) {
      YearValue end = series.values().get(series.values().size() - 1);
      if (end.year() == latest.year()) {
        text.append(", ").append(series.name()).append(' ').append(Formats.display(end.value()));
      }
    }
    text.append('.');
    Map<BenchmarkComparison, Integer> counts = new EnumMap<>(BenchmarkComparison.class);
    data.points().forEach(p -> counts.merge(p.comparison(), 1, Integer::sum));
    counts.remove(BenchmarkComparison.NOT_COMPARED);
    if (!counts.isEmpty() && data.points().size() > 1) {
      StringJoiner years = new StringJoiner(", ");
      counts.forEach(
          (comparison, count) ->
              years.add(
                  count
                      + (count == 1 ? " year " : " years ")
                      + comparison.label().toLowerCase(Locale.ROOT)));
      text.append(" Compared with ")
          .append(data.benchmark())
          .append(": ")
          .append(years)
          .append('.');
    }
    if (!data.yAxisFromZero()) {
      text.append(" The value axis does not start at zero.");
    }
    return text.toString();
  }

  /** Points filled with their own comparison colour, outlined, with error bars. */
  static final class ComparisonPoints extends XYErrorRenderer {
    private static final long serialVersionUID = 1L;
    private final List<Paint> fills;

    ComparisonPoints(List<Paint> fills) {
      this.fills = List.copyOf(fills);
    }

    @Override
    public Paint getItemPaint(int series, int item) {
      return fills.get(item);
    }

    @Override
    public boolean equals(Object other) {
      return super.equals(other)
          && other instanceof ComparisonPoints points
          && fills.equals(points.fills);
    }

    @Override
    public int hashCode() {
      return 31 * super.hashCode() + fills.hashCode();
    }
  }
}
