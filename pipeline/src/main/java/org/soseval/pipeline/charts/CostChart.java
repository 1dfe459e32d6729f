package org.soseval.pipeline.charts;

import java.awt.Color;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.soseval.pipeline.stats.disclosure.PublishedValue;

/**
 * Implementation costs by category (users.md §4.2: "cost tables (set-up vs ongoing; staff,
 * training, management input)"; methods.md §8): one horizontal bar per LA, its categories stacked
 * from the left in the series colours, the published total written at the end of the bar. The value
 * axis starts at zero (bar lengths are amounts) and names the price year, e.g. "Cost (£, 2023-24
 * prices)".
 *
 * <p>A bar whose amounts are not all published numbers is not drawn; its row says why.
 *
 * <p>The table has one row per bar and category, then the bar's total: {@code bar, category,
 * cost_gbp, prices}, exactly as published.
 */
public final class CostChart {
  static final String TOTAL = "Total";

  private CostChart() {}

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, CostData data) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    StackedBarRenderer renderer = new StackedBarRenderer();
    double largest = 0;
    for (int c = 0; c < data.categories().size(); c++) {
      for (CostBar bar : data.bars()) {
        dataset.addValue(bar.shown() ? bar.amount(c) : null, data.categories().get(c), bar.label());
      }
      renderer.setSeriesPaint(c, colour(c));
    }
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(true);
    renderer.setDefaultOutlinePaint(Color.WHITE);
    renderer.setDefaultOutlineStroke(ChartStyle.THIN_LINE);
    renderer.setMaximumBarWidth(0.7);

    NumberAxis valueAxis = new NumberAxis("Cost (£, " + data.prices() + ")");
    valueAxis.setNumberFormatOverride(pounds());
    CategoryPlot plot = new CategoryPlot(dataset, ChartStyle.rowAxis(), valueAxis, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    for (CostBar bar : data.bars()) {
      if (bar.shown()) {
        largest = Math.max(largest, bar.totalValue());
      }
    }
    // room after the longest bar for its total
    valueAxis.setRange(0, largest > 0 ? largest * 1.2 : 1);
    for (CostBar bar : data.bars()) {
      CategoryTextAnnotation text =
          bar.shown()
              ? new CategoryTextAnnotation(
                  "  " + pounds(bar.totalValue()), bar.label(), bar.totalValue())
              : new CategoryTextAnnotation(
                  "Not drawn: " + Formats.shortMeaning(firstMissing(bar)), bar.label(), 0);
      text.setFont(ChartStyle.ANNOTATION_FONT);
      text.setPaint(ChartStyle.BLACK);
      text.setTextAnchor(TextAnchor.CENTER_LEFT);
      plot.addAnnotation(text);
    }

    List<LegendItem> legend = new ArrayList<>();
    for (int c = 0; c < data.categories().size(); c++) {
      legend.add(ChartStyle.boxItem(data.categories().get(c), colour(c)));
    }
    plot.setFixedLegendItems(ChartStyle.legend(legend));

    JFreeChart chart = ChartStyle.chart(data.title(), plot, true);
    ChartStyle.legendOnTop(chart);
    List<String> notes = new ArrayList<>();
    notes.add("Bars: each LA's costs by category; the total is written at the end of the bar.");
    List<PublishedValue> cells = new ArrayList<>();
    data.bars()
        .forEach(
            bar -> {
              cells.addAll(bar.amounts());
              cells.add(bar.total());
            });
    if (!Formats.symbols(cells).isEmpty()) {
      notes.add(Formats.symbolNote(Formats.symbols(cells)) + ".");
    }
    data.note().ifPresent(notes::add);
    ChartStyle.notes(chart, notes);
    int height = ChartStyle.heightFor(data.bars().size(), 34, 190);
    return new Chart(name, data.title(), chart, table(data), altText(data), height);
  }

  static Color colour(int category) {
    return ChartStyle.SERIES.get(category);
  }

  private static PublishedValue firstMissing(CostBar bar) {
    return bar.amounts().stream()
        .filter(amount -> amount.number().isEmpty())
        .findFirst()
        .orElse(bar.total());
  }

  /** "£12,345": whole pounds, grouping commas, half up. */
  static String pounds(double value) {
    return pounds().format(value);
  }

  private static DecimalFormat pounds() {
    DecimalFormat format =
        new DecimalFormat("£#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }

  private static DataTable table(CostData data) {
    DataTable.Builder table = DataTable.builder("bar", "category", "cost_gbp", "prices");
    for (CostBar bar : data.bars()) {
      for (int c = 0; c < data.categories().size(); c++) {
        table.row(
            bar.label(), data.categories().get(c), bar.amounts().get(c).text(), data.prices());
      }
      table.row(bar.label(), TOTAL, bar.total().text(), data.prices());
    }
    return table.build();
  }

  private static String altText(CostData data) {
    List<CostBar> shown = data.bars().stream().filter(CostBar::shown).toList();
    StringBuilder text = new StringBuilder();
    text.append("Costs of ")
        .append(data.bars().size())
        .append(data.bars().size() == 1 ? " LA" : " LAs")
        .append(" by category (")
        .append(Formats.listed(data.categories()))
        .append("), in ")
        .append(data.prices())
        .append('.');
    if (!shown.isEmpty()) {
      CostBar lowest = shown.get(0);
      CostBar highest = shown.get(0);
      double all = 0;
      double[] byCategory = new double[data.categories().size()];
      for (CostBar bar : shown) {
        lowest = bar.totalValue() < lowest.totalValue() ? bar : lowest;
        highest = bar.totalValue() > highest.totalValue() ? bar : highest;
        all += bar.totalValue();
        for (int c = 0; c < byCategory.length; c++) {
          byCategory[c] += bar.amount(c);
        }
      }
      int top = 0;
      for (int c = 1; c < byCategory.length; c++) {
        top = byCategory[c] > byCategory[top] ? c : top;
      }
      if (shown.size() > 1) {
        text.append(" Totals range from ")
            .append(pounds(lowest.totalValue()))
            .append(" (")
            .append(lowest.label())
            .append(") to ")
            .append(pounds(highest.totalValue()))
            .append(" (")
            .append(highest.label())
            .append(").");
      } else {
        text.append(" Total ").append(pounds(lowest.totalValue())).append('.');
      }
      text.append(" The largest category is ")
          .append(data.categories().get(top))
          .append(" (")
          .append(pounds(byCategory[top]))
          .append(
              all > 0
                  ? ", " + Formats.fixed(100 * byCategory[top] / all, 0) + "% of the total"
                  : "")
          .append(").");
    }
    int hidden = data.bars().size() - shown.size();
    if (hidden > 0) {
      text.append(' ')
          .append(hidden)
          .append(hidden == 1 ? " LA is" : " LAs are")
          .append(" not drawn (some amounts are not published).");
    }
    return text.toString();
  }
}
