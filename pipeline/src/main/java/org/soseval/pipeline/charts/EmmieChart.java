package org.soseval.pipeline.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The EMMIE summary as a grid (users.md §4.3: "a narrative summary for each dimension of EMMIE,
 * alongside a rating of the quality of the evidence for that dimension"; the Crime Reduction
 * Toolkit's landing page shows all five dimensions at once): one row per outcome (and the overall
 * row), one column per dimension (Effect, Mechanisms, Moderators, Implementation, Economics). Each
 * cell is shaded by its EMMIE-Q evidence-quality level on a pale-to-dark blue scale and says the
 * level in words ("Level 3") with, on a second line, "no evidence" where the data cannot support a
 * claim, else the finding (for Effect, the direction: "fell", "no clear change"). Colour never
 * carries the level alone.
 *
 * <p>The table has one row per cell: {@code outcome, dimension, quality_level, evidence, finding}.
 */
public final class EmmieChart {
  private EmmieChart() {}

  /** Builds the chart named {@code name}. */
  public static Chart of(String name, EmmieData data) {
    List<String> outcomes = data.outcomes();
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (int d = 0; d < EmmieData.DIMENSIONS.size(); d++) {
      for (String outcome : outcomes) {
        dataset.addValue(d, EmmieData.DIMENSIONS.get(d), outcome);
      }
    }
    CategoryAxis rows = ChartStyle.rowAxis();
    rows.setCategoryMargin(0.08);
    // narrower labels (up to three lines) leave each cell room for "no clear change" at 11 pt
    rows.setMaximumCategoryLabelWidthRatio(0.32f);
    rows.setMaximumCategoryLabelLines(3);
    SymbolAxis columns = new SymbolAxis(null, EmmieData.DIMENSIONS.toArray(String[]::new));
    ChartStyle.axis(columns);
    columns.setTickLabelFont(ChartStyle.TICK_BOLD_FONT);
    columns.setGridBandsVisible(false);
    columns.setTickMarksVisible(false);
    columns.setAxisLineVisible(false);
    columns.setAutoRange(false);
    columns.setRange(-0.5, EmmieData.DIMENSIONS.size() - 0.5);
    CategoryPlot plot = new CategoryPlot(dataset, rows, columns, new Cells(data, outcomes));
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.TOP_OR_LEFT);

    List<LegendItem> legend = new ArrayList<>();
    for (int level = 0; level <= EmmieData.MAX_LEVEL; level++) {
      legend.add(
          ChartStyle.boxItem(
              "Level "
                  + level
                  + (level == 0 ? " (none)" : level == EmmieData.MAX_LEVEL ? " (strongest)" : ""),
              ChartStyle.LEVELS.get(level)));
    }
    plot.setFixedLegendItems(ChartStyle.legend(legend));
    JFreeChart chart = ChartStyle.chart(data.title(), plot, true);
    plot.setRangeGridlinesVisible(false);
    List<String> notes = new ArrayList<>();
    notes.add(
        "Shading and level: EMMIE-Q quality of the evidence on each dimension, 0 (none) to 4"
            + " (strongest); \"no evidence\": the data cannot support a claim.");
    data.note().ifPresent(notes::add);
    ChartStyle.notes(chart, notes);
    int height = ChartStyle.heightFor(outcomes.size(), 48, 190);
    return new Chart(name, data.title(), chart, table(data), altText(data), height);
  }

  private static DataTable table(EmmieData data) {
    DataTable.Builder table =
        DataTable.builder("outcome", "dimension", "quality_level", "evidence", "finding");
    for (String outcome : data.outcomes()) {
      for (String dimension : EmmieData.DIMENSIONS) {
        EmmieRating rating = data.rating(outcome, dimension);
        table.row(
            outcome,
            dimension,
            Integer.toString(rating.level()),
            rating.evidence() ? "yes" : "no evidence",
            rating.finding().orElse(""));
      }
    }
    return table.build();
  }

  private static String altText(EmmieData data) {
    List<String> outcomes = data.outcomes();
    StringBuilder text = new StringBuilder();
    text.append("EMMIE summary: evidence-quality levels (0 = none to 4 = strongest) for ")
        .append(Formats.listed(outcomes))
        .append(" on ")
        .append(Formats.listed(EmmieData.DIMENSIONS))
        .append('.');
    for (String outcome : outcomes) {
      List<String> cells = new ArrayList<>();
      for (String dimension : EmmieData.DIMENSIONS) {
        EmmieRating rating = data.rating(outcome, dimension);
        String note = rating.note();
        cells.add(dimension + " " + rating.level() + (note.isEmpty() ? "" : " (" + note + ")"));
      }
      text.append(' ').append(outcome).append(": ").append(String.join(", ", cells)).append('.');
    }
    return text.toString();
  }

  /** Draws each cell: a box shaded by level, "Level n" and the note in black or white. */
  static final class Cells extends AbstractCategoryItemRenderer {
    private static final long serialVersionUID = 1L;
    private static final double GAP = 1.5;
    private final transient EmmieData data;
    private final List<String> outcomes;

    Cells(EmmieData data, List<String> outcomes) {
      this.data = data;
      this.outcomes = List.copyOf(outcomes);
    }

    /** The fill of a level. */
    static Color fill(int level) {
      return ChartStyle.LEVELS.get(level);
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
      EmmieRating rating = data.rating(outcomes.get(column), EmmieData.DIMENSIONS.get(row));
      RectangleEdge rowEdge = plot.getDomainAxisEdge();
      RectangleEdge columnEdge = plot.getRangeAxisEdge();
      double top = domainAxis.getCategoryStart(column, dataset.getColumnCount(), dataArea, rowEdge);
      double bottom =
          domainAxis.getCategoryEnd(column, dataset.getColumnCount(), dataArea, rowEdge);
      double left = rangeAxis.valueToJava2D(row - 0.5, dataArea, columnEdge);
      double right = rangeAxis.valueToJava2D(row + 0.5, dataArea, columnEdge);
      Rectangle2D cell =
          new Rectangle2D.Double(
              left + GAP, top + GAP, right - left - 2 * GAP, bottom - top - 2 * GAP);
      Color fill = fill(rating.level());
      g2.setPaint(fill);
      g2.fill(cell);
      g2.setPaint(ChartStyle.GREY);
      g2.setStroke(ChartStyle.THIN_LINE);
      g2.draw(cell);
      g2.setPaint(ChartStyle.textOn(fill));
      String note = rating.note();
      float x = (float) cell.getCenterX();
      float y = (float) cell.getCenterY();
      g2.setFont(ChartStyle.TICK_BOLD_FONT);
      TextUtils.drawAlignedString(
          "Level " + rating.level(),
          g2,
          x,
          note.isEmpty() ? y : y - 1,
          note.isEmpty() ? TextAnchor.CENTER : TextAnchor.BOTTOM_CENTER);
      if (!note.isEmpty()) {
        g2.setFont(ChartStyle.ANNOTATION_FONT);
        TextUtils.drawAlignedString(note, g2, x, y + 1, TextAnchor.TOP_CENTER);
      }
    }
  }
}
