package org.soseval.pipeline.charts;

import java.awt.Color;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.soseval.pipeline.stats.disclosure.PublishedValue;
import org.soseval.pipeline.stats.disclosure.Symbol;

/**
 * Survey items as diverging stacked bars (users.md §4.2, "diverging or stacked Likert bars"): one
 * bar per item, the five answers as segments from strongly disagree (dark vermillion, left) to
 * strongly agree (dark blue, right), centred on the middle of "neither agree nor disagree" (grey,
 * split half either side of the zero line), so that agreement reads to the right and disagreement
 * to the left. Segments of at least 7% carry their published percentage (neither's on the zero
 * line). The base, don't-know and no-answer counts are written under each item's label: they are
 * not in the bars.
 *
 * <p>When the two answers of one side are suppressed together (both disagreeing, or both agreeing,
 * the other three published), the bar is drawn with that pair as one white segment marked with the
 * symbol: its width, 100 minus the three published percentages, is what the published table gives
 * anyway. Any other item whose percentages are not all published gets no bar, only the symbol and
 * its meaning. The table holds the percentages exactly as published.
 *
 * <p>The table has one row per item: {@code item, base, strongly_disagree, disagree, neither,
 * agree, strongly_agree, dont_know, no_answer}, exactly as published.
 */
public final class LikertChart {
  /** Answer colours, strongly disagree to strongly agree: vermillion and blue shades, grey. */
  static final List<Color> COLOURS =
      List.of(
          ChartStyle.VERMILLION,
          ChartStyle.tint(ChartStyle.VERMILLION, 0.45),
          new Color(0xC8C8C8),
          ChartStyle.tint(ChartStyle.BLUE, 0.45),
          ChartStyle.BLUE);

  /** Dataset series, in stacking order: left halves outwards from zero, then right. */
  private static final int[] ANSWER_OF_SERIES = {2, 1, 0, 2, 3, 4};

  /** The series of a suppressed pair: after the six answer series, left then right. */
  private static final int PAIR_LEFT = ANSWER_OF_SERIES.length;

  private static final int PAIR_RIGHT = PAIR_LEFT + 1;

  private static final double LABEL_FROM = 7;

  private LikertChart() {}

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, LikertData data) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    List<String> rows = new ArrayList<>();
    double extent = 0;
    for (LikertItem item : data.items()) {
      String row = rowLabel(item);
      rows.add(row);
      for (int s = 0; s < ANSWER_OF_SERIES.length; s++) {
        Double value = null;
        int answer = ANSWER_OF_SERIES[s];
        if (item.drawnAlone(answer)) {
          double share = answer == 2 ? item.share(2) / 2 : item.share(answer);
          value = s < 3 ? -share : share;
        }
        dataset.addValue(value, seriesKey(s), row);
      }
      LikertItem.Pair pair = item.pair().orElse(LikertItem.Pair.NONE);
      dataset.addValue(
          pair == LikertItem.Pair.DISAGREEING ? -item.pairShare() : null, PAIR_SERIES[0], row);
      dataset.addValue(
          pair == LikertItem.Pair.AGREEING ? item.pairShare() : null, PAIR_SERIES[1], row);
      if (item.shown()) {
        extent =
            Math.max(
                extent,
                Math.max(
                    item.disagreeing() + item.share(2) / 2, item.agreeing() + item.share(2) / 2));
      }
    }

    StackedBarRenderer renderer = new StackedBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(true);
    renderer.setDefaultOutlinePaint(Color.WHITE);
    renderer.setDefaultOutlineStroke(ChartStyle.THIN_LINE);
    renderer.setMaximumBarWidth(0.6);
    renderer.setDefaultItemLabelGenerator(new SegmentLabels(data));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(ChartStyle.ANNOTATION_FONT);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
    renderer.setDefaultNegativeItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
    for (int s = 0; s < ANSWER_OF_SERIES.length; s++) {
      Color colour = COLOURS.get(ANSWER_OF_SERIES[s]);
      renderer.setSeriesPaint(s, colour);
      renderer.setSeriesItemLabelPaint(s, ChartStyle.textOn(colour));
    }
    for (int s : new int[] {PAIR_LEFT, PAIR_RIGHT}) {
      renderer.setSeriesPaint(s, Color.WHITE);
      renderer.setSeriesOutlinePaint(s, ChartStyle.GREY);
      renderer.setSeriesItemLabelPaint(s, ChartStyle.BLACK);
    }

    CategoryAxis rowAxis = ChartStyle.rowAxis();
    rowAxis.setMaximumCategoryLabelLines(3);
    double reach = extent == 0 ? 100 : Math.min(100, Math.max(50, Math.ceil(extent / 10) * 10));
    NumberAxis valueAxis =
        new NumberAxis("Percent of valid answers (disagree to the left, agree to the right)");
    valueAxis.setRange(-reach, reach);
    valueAxis.setTickUnit(new NumberTickUnit(reach > 50 ? 20 : 10, new Unsigned()));
    CategoryPlot plot = new CategoryPlot(dataset, rowAxis, valueAxis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.addRangeMarker(
        new ValueMarker(0, ChartStyle.BLACK, ChartStyle.THIN_LINE), Layer.BACKGROUND);
    for (int i = 0; i < data.items().size(); i++) {
      LikertItem item = data.items().get(i);
      if (!item.shown()) {
        plot.addAnnotation(
            text(
                "Not drawn: " + Formats.shortMeaning(hiddenSymbol(item)),
                rows.get(i),
                -0.98 * reach,
                TextAnchor.CENTER_LEFT));
      } else if (item.share(2) >= LABEL_FROM) {
        // neither straddles the zero line: its label goes on the line, not on a half
        plot.addAnnotation(text(item.shares().get(2).text(), rows.get(i), 0, TextAnchor.CENTER));
      }
    }

    List<LegendItem> legend = new ArrayList<>();
    for (int answer = 0; answer < LikertData.ANSWERS.size(); answer++) {
      legend.add(ChartStyle.boxItem(LikertData.ANSWERS.get(answer), COLOURS.get(answer)));
    }
    if (paired(data) > 0) {
      legend.add(ChartStyle.boxItem(PAIR_LEGEND, Color.WHITE));
    }
    plot.setFixedLegendItems(ChartStyle.legend(legend));

    JFreeChart chart = ChartStyle.chart(data.title(), plot, true);
    ChartStyle.legendOnTop(chart);
    List<String> notes = new ArrayList<>();
    notes.add(
        "Bars: percent of each item's valid answers (n), centred on the middle of \"neither\";"
            + " don't know (DK) and no answer are not in n.");
    Set<Symbol> symbols = Formats.symbols(cells(data));
    if (!symbols.isEmpty()) {
      notes.add(Formats.symbolNote(symbols) + ".");
    }
    data.note().ifPresent(notes::add);
    ChartStyle.notes(chart, notes);
    int height = ChartStyle.heightFor(data.items().size(), 52, 200);
    return new Chart(name, data.title(), chart, table(data), altText(data), height);
  }

  /** The symbol of the item's first unpublished percentage. */
  private static PublishedValue hiddenSymbol(LikertItem item) {
    return item.shares().stream()
        .filter(share -> share.number().isEmpty())
        .findFirst()
        .orElseThrow();
  }

  private static CategoryTextAnnotation text(
      String text, String row, double value, TextAnchor anchor) {
    CategoryTextAnnotation annotation = new CategoryTextAnnotation(text, row, value);
    annotation.setFont(ChartStyle.ANNOTATION_FONT);
    annotation.setPaint(ChartStyle.BLACK);
    annotation.setTextAnchor(anchor);
    return annotation;
  }

  /** The item's label with its counts on a second line: "n 45 · DK 3 · no answer 2". */
  static String rowLabel(LikertItem item) {
    return item.label()
        + "\n"
        + "n "
        + item.base().text()
        + " · DK "
        + item.dontKnow().text()
        + " · no answer "
        + item.noAnswer().text();
  }

  private static final String[] PAIR_SERIES = {
    "Disagreeing answers together (suppressed apart)",
    "Agreeing answers together (suppressed apart)"
  };

  private static final String PAIR_LEGEND = "Two answers together, not published apart";

  /** The items drawn with a suppressed pair. */
  private static long paired(LikertData data) {
    return data.items().stream()
        .filter(item -> item.pair().filter(pair -> pair != LikertItem.Pair.NONE).isPresent())
        .count();
  }

  private static String seriesKey(int series) {
    String answer = LikertData.ANSWERS.get(ANSWER_OF_SERIES[series]);
    return series == 0 ? answer + " (left half)" : series == 3 ? answer + " (right half)" : answer;
  }

  private static List<PublishedValue> cells(LikertData data) {
    List<PublishedValue> cells = new ArrayList<>();
    for (LikertItem item : data.items()) {
      cells.addAll(item.shares());
      cells.add(item.base());
      cells.add(item.dontKnow());
      cells.add(item.noAnswer());
    }
    return cells;
  }

  private static DataTable table(LikertData data) {
    DataTable.Builder table =
        DataTable.builder(
            "item",
            "base",
            "strongly_disagree",
            "disagree",
            "neither",
            "agree",
            "strongly_agree",
            "dont_know",
            "no_answer");
    for (LikertItem item : data.items()) {
      List<String> cells = new ArrayList<>();
      cells.add(item.label());
      cells.add(item.base().text());
      item.shares().forEach(share -> cells.add(share.text()));
      cells.add(item.dontKnow().text());
      cells.add(item.noAnswer().text());
      table.row(cells.toArray(String[]::new));
    }
    return table.build();
  }

  private static String altText(LikertData data) {
    List<LikertItem> shown = data.items().stream().filter(LikertItem::shown).toList();
    StringBuilder text = new StringBuilder();
    text.append("Diverging bars of the answers to ")
        .append(data.items().size())
        .append(data.items().size() == 1 ? " survey item" : " survey items")
        .append(", from strongly disagree (left) to strongly agree (right), as percentages of")
        .append(" valid answers.");
    if (!shown.isEmpty()) {
      LikertItem most = shown.get(0);
      LikertItem least = shown.get(0);
      for (LikertItem item : shown) {
        most = item.agreeing() > most.agreeing() ? item : most;
        least = item.agreeing() < least.agreeing() ? item : least;
      }
      text.append(" Agree or strongly agree: ");
      if (shown.size() == 1) {
        text.append(Formats.fixed(most.agreeing(), 1))
            .append("% (")
            .append(most.label())
            .append(").");
      } else {
        text.append("highest ")
            .append(Formats.fixed(most.agreeing(), 1))
            .append("% (")
            .append(most.label())
            .append("), lowest ")
            .append(Formats.fixed(least.agreeing(), 1))
            .append("% (")
            .append(least.label())
            .append(").");
      }
    }
    long paired = paired(data);
    if (paired > 0) {
      text.append(' ')
          .append(paired)
          .append(paired == 1 ? " item shows" : " items show")
          .append(" two answers of one side as one segment: they were not published apart.");
    }
    int hidden = data.items().size() - shown.size();
    if (hidden > 0) {
      text.append(' ')
          .append(hidden)
          .append(hidden == 1 ? " item is" : " items are")
          .append(" not drawn (")
          .append(Formats.symbolNote(Formats.symbols(cells(data))))
          .append(").");
    }
    return text.toString();
  }

  /** The published percentage of a segment of at least 7%, except neither's. */
  private static final class SegmentLabels implements CategoryItemLabelGenerator {
    private final LikertData data;

    SegmentLabels(LikertData data) {
      this.data = data;
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
      return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
      return dataset.getColumnKey(column).toString();
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      LikertItem item = data.items().get(column);
      if (row >= PAIR_LEFT) {
        boolean wide = item.shown() && item.pairShare() >= LABEL_FROM;
        return wide ? hiddenSymbol(item).text() : null;
      }
      int answer = ANSWER_OF_SERIES[row];
      if (!item.drawnAlone(answer) || answer == 2) {
        return null; // neither is labelled on the zero line by an annotation
      }
      return item.share(answer) >= LABEL_FROM ? item.shares().get(answer).text() : null;
    }
  }

  /** Tick labels without a sign: disagreement to the left reads 20, 40, not -20, -40. */
  private static final class Unsigned extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(Formats.fixed(Math.abs(number), 0));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(Math.abs(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      throw new UnsupportedOperationException("tick labels are not parsed");
    }
  }
}
