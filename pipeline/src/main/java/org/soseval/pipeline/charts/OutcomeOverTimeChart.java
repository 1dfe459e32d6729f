package org.soseval.pipeline.charts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * An indicator by year for pilots, comparators and England (users.md §4.2: "time series with the
 * pilot start marked"), following the Fingertips trend conventions (users.md §1.6-1.7).
 *
 * <ul>
 *   <li>Each {@link SeriesRole} has a fixed colour, stroke and marker; individual LAs are thin and
 *       pale, behind the means.
 *   <li>A series with one year is drawn as a point, never a line (so a one-year chart is points).
 *   <li>The value axis is fitted to the data unless {@link OutcomeOverTimeData#yAxisFromZero()}.
 *   <li>The go-live is a dashed vertical line at the start of the first implementation year, and
 *       the implementation years are shaded.
 * </ul>
 *
 * <p>The table has one row per series and year: {@code series, role, areas, year, time_period,
 * value}.
 */
public final class OutcomeOverTimeChart {
  private OutcomeOverTimeChart() {}

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, OutcomeOverTimeData data) {
    int first = data.firstYear();
    int last = data.lastYear();
    if (data.implementation().isPresent()) {
      first = Math.min(first, data.implementation().get().firstYear());
      last = Math.max(last, data.implementation().get().lastYear());
    }

    List<OutcomeSeries> ordered = new ArrayList<>();
    data.series().stream().filter(s -> s.role().individual()).forEach(ordered::add);
    data.series().stream().filter(s -> !s.role().individual()).forEach(ordered::add);

    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < ordered.size(); i++) {
      OutcomeSeries series = ordered.get(i);
      XYSeries xy = new XYSeries(series.name(), true, false);
      series.values().forEach(v -> xy.add(v.year(), v.value()));
      // a year without a value (the pilots' implementation year) breaks the line: no line is
      // drawn through a value that does not exist
      boolean gaps = addGaps(xy, series.values());
      dataset.addSeries(xy);
      SeriesRole role = series.role();
      boolean line = series.values().size() > 1;
      renderer.setSeriesPaint(i, role.colour());
      renderer.setSeriesStroke(i, role.stroke());
      renderer.setSeriesShape(i, role.shape());
      renderer.setSeriesLinesVisible(i, line);
      // an individual LA's line has no markers, unless a gap could leave a year on its own
      renderer.setSeriesShapesVisible(i, !role.individual() || !line || gaps);
      renderer.setSeriesShapesFilled(i, true);
    }

    NumberAxis xAxis = ChartStyle.yearAxis("Year", data.years(), first, last);
    NumberAxis yAxis =
        ChartStyle.valueAxis(
            ChartStyle.verticalLabel(data.indicator(), data.indicator(), false),
            data.yAxisFromZero());
    XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);

    List<LegendItem> legend = new ArrayList<>();
    Map<SeriesRole, Boolean> individualInLegend = new EnumMap<>(SeriesRole.class);
    for (OutcomeSeries series : data.series()) {
      SeriesRole role = series.role();
      boolean line = series.values().size() > 1;
      if (role.individual()) {
        if (individualInLegend.put(role, true) == null) {
          long count = data.series().stream().filter(s -> s.role() == role).count();
          legend.add(
              ChartStyle.lineItem(
                  individualLabel(role, count),
                  role.colour(),
                  line ? role.stroke() : null,
                  line ? null : role.shape()));
        }
      } else {
        legend.add(
            ChartStyle.lineItem(
                series.name(), role.colour(), line ? role.stroke() : null, role.shape()));
      }
    }

    data.implementation()
        .ifPresent(
            period -> {
              IntervalMarker shade =
                  new IntervalMarker(period.firstYear() - 0.5, period.lastYear() + 0.5);
              shade.setPaint(ChartStyle.SHADE);
              shade.setOutlinePaint(null);
              plot.addDomainMarker(shade, Layer.BACKGROUND);
              ValueMarker goLive = new ValueMarker(period.firstYear() - 0.5);
              goLive.setPaint(ChartStyle.GREY);
              goLive.setStroke(ChartStyle.REFERENCE);
              goLive.setLabel("Go-live");
              goLive.setLabelFont(ChartStyle.ANNOTATION_FONT);
              goLive.setLabelPaint(ChartStyle.BLACK);
              goLive.setLabelBackgroundColor(ChartStyle.TRANSPARENT);
              goLive.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
              goLive.setLabelTextAnchor(TextAnchor.TOP_LEFT);
              goLive.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
              plot.addDomainMarker(goLive, Layer.FOREGROUND);
              legend.add(
                  ChartStyle.boxItem(
                      period.firstYear() == period.lastYear()
                          ? "Implementation year"
                          : "Implementation years",
                      ChartStyle.SHADE));
            });
    plot.setFixedLegendItems(ChartStyle.legend(legend));

    JFreeChart chart = ChartStyle.chart(data.title(), plot, true);
    data.source().ifPresent(s -> chart.addSubtitle(0, ChartStyle.note(s, RectangleEdge.BOTTOM)));
    return new Chart(name, data.title(), chart, table(data), altText(data));
  }

  private static String individualLabel(SeriesRole role, long count) {
    String noun = role == SeriesRole.PILOT ? "Pilot LA" : "Comparison LA";
    return count == 1 ? noun : noun + "s (each, " + count + ")";
  }

  private static DataTable table(OutcomeOverTimeData data) {
    DataTable.Builder table =
        DataTable.builder("series", "role", "areas", "year", "time_period", "value");
    for (OutcomeSeries series : data.series()) {
      for (YearValue value : series.values()) {
        table.row(
            series.name(),
            series.role().code(),
            Integer.toString(series.areas()),
            Integer.toString(value.year()),
            data.years().label(value.year()),
            DataTable.number(value.value()));
      }
    }
    return table.build();
  }

  private static String altText(OutcomeOverTimeData data) {
    List<String> parts = new ArrayList<>();
    Map<SeriesRole, Integer> individuals = new EnumMap<>(SeriesRole.class);
    for (OutcomeSeries series : data.series()) {
      if (series.role().individual()) {
        individuals.merge(series.role(), 1, Integer::sum);
      }
    }
    Map<SeriesRole, Boolean> described = new EnumMap<>(SeriesRole.class);
    for (OutcomeSeries series : data.series()) {
      SeriesRole role = series.role();
      if (role.individual()) {
        if (described.put(role, true) == null) {
          int count = individuals.get(role);
          parts.add(
              count
                  + (role == SeriesRole.PILOT ? " pilot" : " comparison")
                  + (count == 1 ? " LA" : " LAs"));
        }
      } else if (series.areas() > 1) {
        parts.add(series.name() + " (" + series.areas() + " LAs)");
      } else {
        parts.add(series.name());
      }
    }
    int first = data.firstYear();
    int last = data.lastYear();
    StringBuilder text = new StringBuilder();
    text.append(data.indicator()).append(" for ").append(join(parts)).append(", ");
    text.append(data.years().range(first, last));
    if (first == last) {
      text.append(" (one year, shown as points)");
    }
    data.implementation()
        .ifPresent(
            period ->
                text.append("; pilots went live in ")
                    .append(data.years().label(period.firstYear()))
                    .append(" (go-live line; implementation ")
                    .append(period.firstYear() == period.lastYear() ? "year" : "years")
                    .append(" shaded)"));
    text.append('.');
    StringJoiner latest = new StringJoiner(", ");
    for (OutcomeSeries series : data.series()) {
      if (series.role().individual()) {
        continue;
      }
      YearValue end = series.values().get(series.values().size() - 1);
      if (end.year() == last) {
        latest.add(series.name() + " " + Formats.display(end.value()));
      }
    }
    if (latest.length() > 0) {
      text.append(" In ").append(data.years().label(last)).append(": ").append(latest).append('.');
    }
    if (!data.yAxisFromZero()) {
      text.append(" The value axis does not start at zero.");
    }
    return text.toString();
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /**
   * Adds an empty (null) value for each year missing between a series' first and last year, so that
   * the renderer breaks the line there. Returns whether there was a gap.
   */
  static boolean addGaps(XYSeries xy, List<YearValue> values) {
    boolean gaps = false;
    for (int k = 1; k < values.size(); k++) {
      for (int year = values.get(k - 1).year() + 1; year < values.get(k).year(); year++) {
        xy.add(year, null);
        gaps = true;
      }
    }
    return gaps;
  }
}
