package org.soseval.pipeline.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.soseval.pipeline.stats.disclosure.PublishedValue;
import org.soseval.pipeline.stats.disclosure.Symbol;

/**
 * Published estimates by row, as points with horizontal interval lines (users.md §5.3: "% of
 * audited cases meeting each criterion (with Wilson CI)"; implementation self-ratings "shown as
 * radar or dot-plot and as change between waves"). One row per category, labels on the left wrapped
 * to two lines; within a row one point per series, offset vertically, each series with its own
 * colour and marker. The value axis spans the scale ({@link DotPlotData#from()} to {@link
 * DotPlotData#to()}).
 *
 * <p>A value that disclosure control replaced by a symbol is not drawn as a point: its symbol
 * ({@code c}) is written at the start of its row position, and the note under the chart says what
 * the symbol means. A row and series with no point at all is left blank.
 *
 * <p>The table has one row per point: {@code row, series, value, lower, upper, level}, the values
 * exactly as published ({@code 82.0}, {@code c}).
 */
public final class DotPlotChart {
  private DotPlotChart() {}

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, DotPlotData data) {
    List<String> rows = data.rows();
    List<String> series = data.series();
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    IntervalDots renderer = new IntervalDots();
    for (int s = 0; s < series.size(); s++) {
      for (int r = 0; r < rows.size(); r++) {
        Optional<DotPlotPoint> point = data.point(rows.get(r), series.get(s));
        dataset.addValue(
            point.filter(DotPlotPoint::shown).map(DotPlotPoint::estimate).orElse(null),
            series.get(s),
            rows.get(r));
        if (point.isPresent()) {
          renderer.points.put(s + "/" + r, point.get());
        }
      }
      renderer.setSeriesPaint(s, colour(s));
      renderer.setSeriesShape(s, ChartStyle.seriesShape(s));
    }
    renderer.setUseSeriesOffset(true);
    renderer.setItemMargin(0.05);
    renderer.setDefaultShapesFilled(true);
    renderer.setUseOutlinePaint(true);
    renderer.setDefaultOutlinePaint(Color.WHITE);
    renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));

    CategoryAxis rowAxis = ChartStyle.rowAxis();
    NumberAxis valueAxis = new NumberAxis(data.axis());
    valueAxis.setRange(data.from(), data.to());
    valueAxis.setTickUnit(new NumberTickUnit(ChartStyle.niceStep((data.to() - data.from()) / 10)));
    valueAxis.setNumberFormatOverride(Formats.tickFormat());
    CategoryPlot plot = new CategoryPlot(dataset, rowAxis, valueAxis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setRangeGridlinesVisible(true);

    List<LegendItem> legend = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      String label = series.get(s);
      legend.add(
          ChartStyle.lineItem(
              label,
              colour(s),
              seriesHasInterval(data, label) ? IntervalDots.INTERVAL : null,
              ChartStyle.seriesShape(s)));
    }
    plot.setFixedLegendItems(ChartStyle.legend(legend));

    JFreeChart chart = ChartStyle.chart(data.title(), plot, true);
    ChartStyle.legendOnTop(chart);
    ChartStyle.notes(chart, notes(data));
    int height = ChartStyle.heightFor(rows.size(), Math.max(30, 13 * series.size() + 10), 190);
    return new Chart(name, data.title(), chart, table(data), altText(data), height);
  }

  static Color colour(int series) {
    return ChartStyle.SERIES.get(series % ChartStyle.SERIES.size());
  }

  private static boolean seriesHasInterval(DotPlotData data, String series) {
    return data.points().stream().anyMatch(p -> p.series().equals(series) && p.lower().isPresent());
  }

  private static List<String> notes(DotPlotData data) {
    List<String> notes = new ArrayList<>();
    if (data.level().isPresent()) {
      notes.add(
          "Points: estimates; lines: "
              + Formats.level(data.level().getAsDouble())
              + " confidence intervals.");
    }
    Set<Symbol> symbols = Formats.symbols(published(data));
    if (!symbols.isEmpty()) {
      notes.add("Not drawn: " + Formats.symbolNote(symbols) + ".");
    }
    data.note().ifPresent(notes::add);
    return notes;
  }

  private static List<PublishedValue> published(DotPlotData data) {
    return data.points().stream().map(DotPlotPoint::value).toList();
  }

  private static DataTable table(DotPlotData data) {
    DataTable.Builder table =
        DataTable.builder("row", "series", "value", "lower", "upper", "level");
    String level = data.level().isPresent() ? DataTable.number(data.level().getAsDouble()) : "";
    for (String row : data.rows()) {
      for (String series : data.series()) {
        data.point(row, series)
            .ifPresent(
                point ->
                    table.row(
                        row,
                        series,
                        point.value().text(),
                        point.lower().map(PublishedValue::text).orElse(""),
                        point.upper().map(PublishedValue::text).orElse(""),
                        point.lower().isPresent() ? level : ""));
      }
    }
    return table.build();
  }

  private static String altText(DotPlotData data) {
    StringBuilder text = new StringBuilder();
    List<String> series = data.series();
    text.append(EventStudyChart.capitalise(data.axis()))
        .append(" for ")
        .append(data.rows().size())
        .append(' ')
        .append(data.rowKind())
        .append(", by ")
        .append(Formats.listed(series))
        .append(", on a scale of ")
        .append(DataTable.number(data.from()))
        .append(" to ")
        .append(DataTable.number(data.to()));
    if (data.level().isPresent()) {
      text.append(", with ")
          .append(Formats.level(data.level().getAsDouble()))
          .append(" confidence intervals");
    }
    text.append('.');
    for (String name : series) {
      List<DotPlotPoint> shown =
          data.points().stream().filter(p -> p.series().equals(name) && p.shown()).toList();
      if (shown.isEmpty()) {
        continue;
      }
      DotPlotPoint lowest = shown.get(0);
      DotPlotPoint highest = shown.get(0);
      for (DotPlotPoint point : shown) {
        lowest = point.estimate() < lowest.estimate() ? point : lowest;
        highest = point.estimate() > highest.estimate() ? point : highest;
      }
      text.append(' ').append(name).append(": ");
      if (shown.size() == 1) {
        text.append(lowest.value().text()).append(" (").append(lowest.row()).append(").");
      } else {
        text.append("from ")
            .append(lowest.value().text())
            .append(" (")
            .append(lowest.row())
            .append(") to ")
            .append(highest.value().text())
            .append(" (")
            .append(highest.row())
            .append(").");
      }
    }
    long hidden = data.points().stream().filter(p -> !p.shown()).count();
    if (hidden > 0) {
      text.append(' ')
          .append(hidden)
          .append(hidden == 1 ? " value is " : " values are ")
          .append("not shown (")
          .append(Formats.symbolNote(Formats.symbols(published(data))))
          .append(").");
    }
    return text.toString();
  }

  /**
   * Draws each point with its interval line (caps at both ends) in the series colour, and writes
   * the symbol of a point that is not shown at the start of its position.
   */
  static final class IntervalDots extends LineAndShapeRenderer {
    private static final long serialVersionUID = 1L;
    static final Stroke INTERVAL =
        new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    private static final double CAP = 3;

    /** The point of each series/row pair ("s/r"), including those not shown. */
    final transient Map<String, DotPlotPoint> points = new HashMap<>();

    IntervalDots() {
      super(false, true);
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        Rectangle2D dataArea,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      DotPlotPoint point = points.get(row + "/" + column);
      if (pass == 0 && point != null) {
        int visible = state.getVisibleSeriesIndex(row);
        double middle =
            domainAxis.getCategorySeriesMiddle(
                column,
                dataset.getColumnCount(),
                visible,
                state.getVisibleSeriesCount(),
                getItemMargin(),
                dataArea,
                plot.getDomainAxisEdge());
        RectangleEdge edge = plot.getRangeAxisEdge();
        if (point.hasInterval()) {
          double from = rangeAxis.valueToJava2D(point.lowerLimit(), dataArea, edge);
          double to = rangeAxis.valueToJava2D(point.upperLimit(), dataArea, edge);
          g2.setPaint(getSeriesPaint(row));
          g2.setStroke(INTERVAL);
          g2.draw(new Line2D.Double(from, middle, to, middle));
          g2.draw(new Line2D.Double(from, middle - CAP, from, middle + CAP));
          g2.draw(new Line2D.Double(to, middle - CAP, to, middle + CAP));
        } else if (!point.shown()) {
          double start = rangeAxis.valueToJava2D(rangeAxis.getLowerBound(), dataArea, edge);
          g2.setPaint(ChartStyle.BLACK);
          g2.setFont(ChartStyle.ANNOTATION_FONT);
          TextUtils.drawAlignedString(
              point.series() + ": " + Formats.shortMeaning(point.value()),
              g2,
              (float) (start + 4),
              (float) middle,
              TextAnchor.CENTER_LEFT);
        }
      }
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    }
  }
}
