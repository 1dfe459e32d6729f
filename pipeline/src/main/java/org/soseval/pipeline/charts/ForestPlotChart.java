package org.soseval.pipeline.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A forest plot (methods.md §5.5): one row per LA with its label on the left and "estimate [CI]
 * weight" on the right; a square at the estimate whose area is proportional to the weight (side at
 * least 3 pt so that every estimate shows) and a horizontal line for the interval; a diamond per
 * pooled estimate whose width is its interval; an optional prediction-interval bar on its own row;
 * a vertical null line (0, or 1 on a ratio scale); for ratios a log axis labelled in ratios; the
 * heterogeneity line under the plot.
 *
 * <p>The table has {@code kind, label, detail, estimate, lower, upper, weight_percent, level} rows:
 * {@code study} rows, then {@code pooled} and {@code prediction} rows, on the display scale.
 */
public final class ForestPlotChart {
  private static final double MAX_SIDE = 20;
  private static final double MIN_SIDE = 3;
  private static final double DIAMOND_HALF_HEIGHT = 0.32;
  private static final double[] COLUMN_RIGHT_EDGES = {0.30, 0.74, 1.0};
  private static final String MINUS = "\u2212";

  private ForestPlotChart() {}

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, ForestPlotData data) {
    EffectScale scale = data.scale();
    int decimals = decimals(data);
    List<String> left = new ArrayList<>();
    List<String[]> right = new ArrayList<>();
    left.add("");
    right.add(new String[] {"Estimate", Formats.level(data.level()) + " CI", "Weight"});
    for (ForestRow row : data.rows()) {
      left.add(row.detail().map(d -> row.label() + "  " + d).orElse(row.label()));
      right.add(
          new String[] {
            number(row.estimate(), decimals),
            "[" + number(row.lower(), decimals) + ", " + number(row.upper(), decimals) + "]",
            Formats.fixed(row.weightPercent(), 1) + "%"
          });
    }
    List<Integer> summaryRows = new ArrayList<>();
    List<Integer> predictionRows = new ArrayList<>();
    if (!data.summaries().isEmpty()) {
      left.add("");
      right.add(new String[] {"", "", ""});
    }
    for (ForestSummary summary : data.summaries()) {
      summaryRows.add(left.size());
      left.add(summary.label());
      right.add(
          new String[] {
            number(summary.estimate(), decimals),
            "["
                + number(summary.lower(), decimals)
                + ", "
                + number(summary.upper(), decimals)
                + "]",
            summaries(data) == 1 ? "100.0%" : ""
          });
      if (summary.prediction().isPresent()) {
        predictionRows.add(left.size());
        left.add("Prediction interval");
        right.add(
            new String[] {
              "",
              "["
                  + number(summary.prediction().get().lower(), decimals)
                  + ", "
                  + number(summary.prediction().get().upper(), decimals)
                  + "]",
              ""
            });
      } else {
        predictionRows.add(-1);
      }
    }
    int rowCount = left.size();

    XIntervalSeries studies = new XIntervalSeries("Studies", false, true);
    double[] sides = new double[data.rows().size()];
    double maxWeight =
        data.rows().stream().mapToDouble(ForestRow::weightPercent).max().orElseThrow();
    double maxSide = Math.min(MAX_SIDE, 0.7 * 330 / rowCount);
    for (int i = 0; i < data.rows().size(); i++) {
      ForestRow row = data.rows().get(i);
      studies.add(
          scale.position(row.estimate()),
          scale.position(row.lower()),
          scale.position(row.upper()),
          y(i + 1, rowCount));
      sides[i] =
          maxWeight > 0
              ? Math.max(MIN_SIDE, maxSide * Math.sqrt(row.weightPercent() / maxWeight))
              : MIN_SIDE;
    }
    XIntervalSeriesCollection dataset = new XIntervalSeriesCollection();
    dataset.addSeries(studies);

    WeightedSquares renderer = new WeightedSquares(sides);
    renderer.setDrawXError(true);
    renderer.setDrawYError(false);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setErrorPaint(ChartStyle.BLACK);
    renderer.setErrorStroke(new BasicStroke(1.5f));
    renderer.setCapLength(6);

    double low = scale.position(scale.nullValue());
    double high = low;
    for (ForestRow row : data.rows()) {
      low = Math.min(low, scale.position(row.lower()));
      high = Math.max(high, scale.position(row.upper()));
    }
    for (ForestSummary summary : data.summaries()) {
      low = Math.min(low, scale.position(summary.lower()));
      high = Math.max(high, scale.position(summary.upper()));
      if (summary.prediction().isPresent()) {
        low = Math.min(low, scale.position(summary.prediction().get().lower()));
        high = Math.max(high, scale.position(summary.prediction().get().upper()));
      }
    }
    double pad = Math.max(0.05 * (high - low), 1e-6);
    NumberAxis xAxis =
        scale == EffectScale.RATIO
            ? new LogRatioAxis(data.measure() + " (log scale)")
            : ChartStyle.valueAxis(data.measure(), false);
    xAxis.setRange(low - pad, high + pad);

    String[] leftSymbols = new String[rowCount];
    for (int i = 0; i < rowCount; i++) {
      leftSymbols[(int) y(i, rowCount)] = left.get(i);
    }
    SymbolAxis labels = symbolAxis(leftSymbols, rowCount);

    XYPlot plot = new XYPlot(dataset, xAxis, null, renderer);
    plot.setRangeGridlinesVisible(false);
    plot.setDomainGridlinePaint(ChartStyle.GRID);
    plot.setDomainGridlineStroke(ChartStyle.THIN_LINE);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    ChartStyle.axis(xAxis);
    XYPlot columns = columns(right, rowCount);
    CombinedRangeXYPlot combined = new CombinedRangeXYPlot(labels);
    combined.setGap(4);
    combined.add(plot, 63);
    combined.add(columns, 37);

    ValueMarker nullLine =
        new ValueMarker(scale.position(scale.nullValue()), ChartStyle.BLACK, ChartStyle.THIN_LINE);
    plot.addDomainMarker(nullLine, Layer.BACKGROUND);

    for (int s = 0; s < data.summaries().size(); s++) {
      ForestSummary summary = data.summaries().get(s);
      double y = y(summaryRows.get(s), rowCount);
      double[] diamond = {
        scale.position(summary.lower()),
        y,
        scale.position(summary.estimate()),
        y + DIAMOND_HALF_HEIGHT,
        scale.position(summary.upper()),
        y,
        scale.position(summary.estimate()),
        y - DIAMOND_HALF_HEIGHT
      };
      plot.addAnnotation(
          new XYPolygonAnnotation(
              diamond,
              ChartStyle.THIN_LINE,
              ChartStyle.BLACK,
              s == 0 ? ChartStyle.BLACK : ChartStyle.GREY));
      if (predictionRows.get(s) >= 0) {
        double py = y(predictionRows.get(s), rowCount);
        double from = scale.position(summary.prediction().get().lower());
        double to = scale.position(summary.prediction().get().upper());
        BasicStroke bar = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        plot.addAnnotation(new XYLineAnnotation(from, py, to, py, bar, ChartStyle.GREY));
        plot.addAnnotation(
            new XYLineAnnotation(from, py - 0.2, from, py + 0.2, bar, ChartStyle.GREY));
        plot.addAnnotation(new XYLineAnnotation(to, py - 0.2, to, py + 0.2, bar, ChartStyle.GREY));
      }
    }

    JFreeChart chart = ChartStyle.chart(data.title(), combined, false);
    labels.setTickLabelFont(ChartStyle.TICK_FONT);
    List<String> notes = new ArrayList<>();
    notes.add(
        "Squares: LA estimates (area proportional to weight); lines: "
            + Formats.level(data.level())
            + " CIs"
            + (data.summaries().isEmpty()
                ? "."
                : "; diamonds: pooled estimates (width = "
                    + Formats.level(data.level())
                    + " CI)."));
    data.heterogeneity().ifPresent(h -> notes.add("Heterogeneity: " + h.text()));
    for (int i = notes.size() - 1; i >= 0; i--) {
      chart.addSubtitle(ChartStyle.note(notes.get(i), RectangleEdge.BOTTOM));
    }
    return new Chart(name, data.title(), chart, table(data), altText(data, decimals));
  }

  private static int summaries(ForestPlotData data) {
    return data.summaries().size();
  }

  /** Row {@code index} from the top (0 = header) as a y value, top row highest. */
  private static double y(int index, int rowCount) {
    return rowCount - 1 - index;
  }

  private static SymbolAxis symbolAxis(String[] symbols, int rowCount) {
    SymbolAxis axis = new SymbolAxis(null, symbols);
    ChartStyle.axis(axis);
    axis.setGridBandsVisible(false);
    axis.setTickMarksVisible(false);
    axis.setAxisLineVisible(false);
    axis.setAutoRange(false);
    axis.setRange(-0.6, rowCount - 0.4);
    return axis;
  }

  /** Decimals for every number on the chart: 2, or fewer for large values. */
  private static int decimals(ForestPlotData data) {
    double max = 0;
    for (ForestRow row : data.rows()) {
      max = Math.max(max, Math.max(Math.abs(row.lower()), Math.abs(row.upper())));
    }
    return max >= 100 ? 0 : max >= 10 ? 1 : 2;
  }

  /** A number with a true minus sign, for aligned columns. */
  private static String number(double value, int decimals) {
    return Formats.fixed(value, decimals).replace("-", MINUS);
  }

  /**
   * The text columns right of the plot (estimate, interval, weight), right-aligned at fixed
   * positions of a hidden 0-1 axis; the header row (index 0) is bold.
   */
  private static XYPlot columns(List<String[]> rows, int rowCount) {
    NumberAxis position = new NumberAxis();
    position.setRange(0, 1);
    position.setVisible(false);
    XYPlot columns =
        new XYPlot(new XYSeriesCollection(), position, null, new XYLineAndShapeRenderer());
    columns.setBackgroundPaint(Color.WHITE);
    columns.setOutlineVisible(false);
    columns.setDomainGridlinesVisible(false);
    columns.setRangeGridlinesVisible(false);
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = rows.get(i);
      for (int c = 0; c < cells.length; c++) {
        if (cells[c].isEmpty()) {
          continue;
        }
        XYTextAnnotation text =
            new XYTextAnnotation(cells[c], COLUMN_RIGHT_EDGES[c], y(i, rowCount));
        text.setFont(i == 0 ? ChartStyle.TICK_BOLD_FONT : ChartStyle.TICK_FONT);
        text.setPaint(ChartStyle.BLACK);
        text.setTextAnchor(TextAnchor.CENTER_RIGHT);
        columns.addAnnotation(text);
      }
    }
    return columns;
  }

  /** The forest plot itself (the first subplot). */
  static XYPlot forest(Chart chart) {
    return ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().get(0);
  }

  /** The text columns (the second subplot). */
  static XYPlot columns(Chart chart) {
    return ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().get(1);
  }

  private static DataTable table(ForestPlotData data) {
    DataTable.Builder table =
        DataTable.builder(
            "kind", "label", "detail", "estimate", "lower", "upper", "weight_percent", "level");
    String level = DataTable.number(data.level());
    for (ForestRow row : data.rows()) {
      table.row(
          "study",
          row.label(),
          row.detail().orElse(""),
          DataTable.number(row.estimate()),
          DataTable.number(row.lower()),
          DataTable.number(row.upper()),
          DataTable.number(row.weightPercent()),
          level);
    }
    for (ForestSummary summary : data.summaries()) {
      table.row(
          "pooled",
          summary.label(),
          "",
          DataTable.number(summary.estimate()),
          DataTable.number(summary.lower()),
          DataTable.number(summary.upper()),
          data.summaries().size() == 1 ? "100" : "",
          level);
      summary
          .prediction()
          .ifPresent(
              p ->
                  table.row(
                      "prediction",
                      summary.label(),
                      "",
                      "",
                      DataTable.number(p.lower()),
                      DataTable.number(p.upper()),
                      "",
                      level));
    }
    return table.build();
  }

  private static String altText(ForestPlotData data, int decimals) {
    String level = Formats.level(data.level());
    double nullValue = data.scale().nullValue();
    ForestRow lowest =
        Collections.min(data.rows(), (a, b) -> Double.compare(a.estimate(), b.estimate()));
    ForestRow highest =
        Collections.max(data.rows(), (a, b) -> Double.compare(a.estimate(), b.estimate()));
    long includingNull =
        data.rows().stream().filter(r -> r.lower() <= nullValue && nullValue <= r.upper()).count();
    StringBuilder text = new StringBuilder();
    text.append("Forest plot of ")
        .append(EventStudyChart.lowerFirst(data.measure()))
        .append(" in ")
        .append(data.rows().size())
        .append(data.rows().size() == 1 ? " LA" : " LAs")
        .append(" with ")
        .append(level)
        .append(" confidence intervals")
        .append(data.scale() == EffectScale.RATIO ? " on a log scale" : "")
        .append(": estimates range from ")
        .append(Formats.fixed(lowest.estimate(), decimals))
        .append(" (")
        .append(lowest.label())
        .append(") to ")
        .append(Formats.fixed(highest.estimate(), decimals))
        .append(" (")
        .append(highest.label())
        .append("); ")
        .append(includingNull)
        .append(" of ")
        .append(data.rows().size())
        .append(" intervals include ")
        .append(DataTable.number(nullValue))
        .append(" (no effect).");
    for (ForestSummary summary : data.summaries()) {
      text.append(' ')
          .append(summary.label())
          .append(" pooled estimate ")
          .append(Formats.fixed(summary.estimate(), decimals))
          .append(" (")
          .append(level)
          .append(" CI ")
          .append(Formats.fixed(summary.lower(), decimals))
          .append(" to ")
          .append(Formats.fixed(summary.upper(), decimals))
          .append(')');
      summary
          .prediction()
          .ifPresent(
              p ->
                  text.append(", prediction interval ")
                      .append(Formats.fixed(p.lower(), decimals))
                      .append(" to ")
                      .append(Formats.fixed(p.upper(), decimals)));
      text.append('.');
    }
    data.heterogeneity()
        .ifPresent(h -> text.append(" Heterogeneity: ").append(h.text()).append('.'));
    return text.toString();
  }

  /** Squares whose side is given per study, so that area is proportional to weight. */
  static final class WeightedSquares extends XYErrorRenderer {
    private static final long serialVersionUID = 1L;
    private final double[] sides;

    WeightedSquares(double[] sides) {
      this.sides = sides.clone();
    }

    /** The side of study {@code item}'s square, in points. */
    double side(int item) {
      return sides[item];
    }

    @Override
    public Shape getItemShape(int series, int item) {
      return ChartStyle.square(sides[item]);
    }

    @Override
    public boolean equals(Object other) {
      return super.equals(other)
          && other instanceof WeightedSquares squares
          && Arrays.equals(sides, squares.sides);
    }

    @Override
    public int hashCode() {
      return 31 * super.hashCode() + Arrays.hashCode(sides);
    }
  }
}
