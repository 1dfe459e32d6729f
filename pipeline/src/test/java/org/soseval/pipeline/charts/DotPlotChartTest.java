package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.disclosure.PublishedValue;
import org.soseval.pipeline.stats.disclosure.Symbol;

class DotPlotChartTest {
  static PublishedValue n(String text) {
    return PublishedValue.number(new BigDecimal(text));
  }

  static final PublishedValue C = PublishedValue.symbol(Symbol.CONFIDENTIAL);

  /**
   * Audit criteria met in two rounds, one round-1 cell suppressed, one criterion new in round 2.
   */
  static DotPlotData audit() {
    return new DotPlotData(
        "Case audit: cases meeting each criterion, pilots",
        "audit criteria",
        "Cases meeting the criterion (%)",
        0,
        100,
        OptionalDouble.of(0.95),
        List.of(
            DotPlotPoint.of(
                "Danger statements in plain language", "Round 1", n("41.2"), n("30.1"), n("53.2")),
            DotPlotPoint.of(
                "Danger statements in plain language", "Round 2", n("63.0"), n("51.4"), n("73.2")),
            DotPlotPoint.of("The child's voice is recorded", "Round 1", C, C, C),
            DotPlotPoint.of(
                "The child's voice is recorded", "Round 2", n("70.5"), n("58.9"), n("80.0")),
            DotPlotPoint.of(
                "A written safety plan exists", "Round 1", n("80.0"), n("70.2"), n("87.1")),
            DotPlotPoint.of(
                "A written safety plan exists", "Round 2", n("88.9"), n("80.4"), n("94.0")),
            DotPlotPoint.of(
                "Complicating factors are recorded separately from harm and danger",
                "Round 2",
                n("25.0"),
                n("16.0"),
                n("36.9"))),
        Optional.of("Source: case audits (audit_criteria.csv)."));
  }

  /** Implementation scores 0-10 by element and wave, no intervals. */
  static DotPlotData scores() {
    return new DotPlotData(
        "Implementation self-ratings by element, pilots",
        "elements",
        "Mean score (0-10)",
        0,
        10,
        OptionalDouble.empty(),
        List.of(
            DotPlotPoint.of("Total (mean of elements)", "Wave 1", n("4.2")),
            DotPlotPoint.of("Total (mean of elements)", "Wave 2", n("6.1")),
            DotPlotPoint.of("Leadership", "Wave 1", n("5.0")),
            DotPlotPoint.of("Leadership", "Wave 2", n("7.3"))),
        Optional.empty());
  }

  @Test
  void pointsArePlacedAtTheirPublishedValuesWithRowsAndSeriesInOrder() {
    Chart chart = DotPlotChart.of("audit", audit());
    CategoryPlot plot = chart.chart().getCategoryPlot();
    CategoryDataset dataset = plot.getDataset();

    assertThat(plot.getOrientation()).isEqualTo(PlotOrientation.HORIZONTAL);
    assertThat(dataset.getRowKeys()).containsExactly("Round 1", "Round 2");
    assertThat(dataset.getColumnKeys())
        .containsExactly(
            "Danger statements in plain language",
            "The child's voice is recorded",
            "A written safety plan exists",
            "Complicating factors are recorded separately from harm and danger");
    assertThat(dataset.getValue("Round 2", "Danger statements in plain language")).isEqualTo(63.0);
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    assertThat(axis.getLowerBound()).isEqualTo(0.0);
    assertThat(axis.getUpperBound()).isEqualTo(100.0);
    assertThat(axis.getLabel()).isEqualTo("Cases meeting the criterion (%)");
    assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(ChartStyle.ORANGE);
    assertThat(plot.getRenderer().getSeriesPaint(1)).isEqualTo(ChartStyle.BLUE);
  }

  @Test
  void suppressedCellsAreNotDrawnAsZeroAndAreNamedInTheNoteTableAndAltText() {
    Chart chart = DotPlotChart.of("audit", audit());
    CategoryDataset dataset = chart.chart().getCategoryPlot().getDataset();

    assertThat(dataset.getValue("Round 1", "The child's voice is recorded")).isNull();
    assertThat(
            dataset.getValue(
                "Round 1", "Complicating factors are recorded separately from harm and danger"))
        .isNull();
    assertThat(chart.data().toCsv()).contains("The child's voice is recorded,Round 1,c,c,c,0.95\n");
    assertThat(chart.altText())
        .endsWith(" 1 value is not shown (c = suppressed to protect confidentiality).");
    assertThat(Rendered.svgText(Rendered.assertSvgParses(Rendered.write(chart))))
        .contains("Not drawn: c = suppressed to protect confidentiality.");
  }

  @Test
  void tableListsEveryPointAsPublished() {
    assertThat(DotPlotChart.of("audit", audit()).data().toCsv())
        .isEqualTo(
            "row,series,value,lower,upper,level\n"
                + "Danger statements in plain language,Round 1,41.2,30.1,53.2,0.95\n"
                + "Danger statements in plain language,Round 2,63.0,51.4,73.2,0.95\n"
                + "The child's voice is recorded,Round 1,c,c,c,0.95\n"
                + "The child's voice is recorded,Round 2,70.5,58.9,80.0,0.95\n"
                + "A written safety plan exists,Round 1,80.0,70.2,87.1,0.95\n"
                + "A written safety plan exists,Round 2,88.9,80.4,94.0,0.95\n"
                + "Complicating factors are recorded separately from harm and danger,Round 2,25.0,"
                + "16.0,36.9,0.95\n");
    assertThat(DotPlotChart.of("scores", scores()).data().toCsv())
        .isEqualTo(
            "row,series,value,lower,upper,level\n"
                + "Total (mean of elements),Wave 1,4.2,,,\n"
                + "Total (mean of elements),Wave 2,6.1,,,\n"
                + "Leadership,Wave 1,5.0,,,\n"
                + "Leadership,Wave 2,7.3,,,\n");
  }

  @Test
  void altTextGivesTheScaleAndEachSeriesRange() {
    assertThat(DotPlotChart.of("audit", audit()).altText())
        .isEqualTo(
            "Cases meeting the criterion (%) for 4 audit criteria, by Round 1 and Round 2, on a"
                + " scale of 0 to 100, with 95% confidence intervals. Round 1: from 41.2 (Danger"
                + " statements in plain language) to 80.0 (A written safety plan exists). Round 2:"
                + " from 25.0 (Complicating factors are recorded separately from harm and danger)"
                + " to 88.9 (A written safety plan exists). 1 value is not shown (c = suppressed"
                + " to protect confidentiality).");
    assertThat(DotPlotChart.of("scores", scores()).altText())
        .isEqualTo(
            "Mean score (0-10) for 2 elements, by Wave 1 and Wave 2, on a scale of 0 to 10."
                + " Wave 1: from 4.2 (Total (mean of elements)) to 5.0 (Leadership). Wave 2: from"
                + " 6.1 (Total (mean of elements)) to 7.3 (Leadership).");
  }

  @Test
  void rendersPngAndSvgWithRowLabelsAndGrowsWithTheRows() {
    Chart audit = DotPlotChart.of("dot-plot-audit", audit());
    ChartFiles files = Rendered.write(audit);

    BufferedImage image = Rendered.assertPngLooksDrawn(files, audit.height());
    assertThat(audit.height()).isEqualTo(ChartStyle.DESIGN_HEIGHT);
    String text = Rendered.svgText(Rendered.assertSvgParses(files));
    assertThat(text).contains(audit.title()).contains("Round 2").contains("A written safety plan");
    assertThat(Rendered.read(files.altText())).isEqualTo(audit.altText() + "\n");
    assertThat(Rendered.read(files.csv())).isEqualTo(audit.data().toCsv());
    assertThat(hasColour(image, ChartStyle.BLUE)).as("round 2 in blue").isTrue();

    Chart scores = DotPlotChart.of("dot-plot-scores", scores());
    Rendered.assertPngLooksDrawn(Rendered.write(scores), scores.height());

    List<DotPlotPoint> many = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      many.add(DotPlotPoint.of("Criterion " + i, "Round 1", n("50.0"), n("40.0"), n("60.0")));
      many.add(DotPlotPoint.of("Criterion " + i, "Round 2", n("60.0"), n("50.0"), n("70.0")));
    }
    DotPlotData sixteen =
        new DotPlotData(
            "Sixteen",
            "criteria",
            "Met (%)",
            0,
            100,
            OptionalDouble.of(0.95),
            many,
            Optional.empty());
    Chart tall = DotPlotChart.of("dot-plot-sixteen", sixteen);
    assertThat(tall.height())
        .isGreaterThan(ChartStyle.DESIGN_HEIGHT)
        .isLessThanOrEqualTo(Chart.MAX_HEIGHT);
    Rendered.assertPngLooksDrawn(Rendered.write(tall), tall.height());
  }

  @Test
  void sameInputGivesByteIdenticalSvgAndCsv() {
    assertThat(Rendered.svg(DotPlotChart.of("d", audit())))
        .isEqualTo(Rendered.svg(DotPlotChart.of("d", audit())));
  }

  @Test
  void rejectsPublishedLimitsWithoutTheirEstimateAndIntervalsMissingTheEstimate() {
    assertThatThrownBy(() -> DotPlotPoint.of("Leadership", "Wave 1", C, n("3.0"), n("5.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw dot plot: row 'Leadership', series 'Wave 1' publishes an interval limit"
                + " without its estimate (c): the limits must be suppressed too");
    assertThatThrownBy(() -> DotPlotPoint.of("Leadership", "Wave 1", n("6.0"), n("3.0"), n("5.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw dot plot: row 'Leadership', series 'Wave 1' interval must contain the"
                + " estimate: 6.0 not in [3.0, 5.0]");
  }

  @Test
  void rejectsDuplicatesValuesOffTheScaleAndIntervalsWithoutALevel() {
    DotPlotPoint point = DotPlotPoint.of("Leadership", "Wave 1", n("5.0"));
    assertThatThrownBy(
            () ->
                new DotPlotData(
                    "t",
                    "elements",
                    "Score",
                    0,
                    10,
                    OptionalDouble.empty(),
                    List.of(point, point),
                    Optional.empty()))
        .hasMessage("Cannot draw dot plot: row 'Leadership' has two points for series 'Wave 1'");
    assertThatThrownBy(
            () ->
                new DotPlotData(
                    "t",
                    "elements",
                    "Score",
                    0,
                    4,
                    OptionalDouble.empty(),
                    List.of(point),
                    Optional.empty()))
        .hasMessage(
            "Cannot draw dot plot: row 'Leadership', series 'Wave 1' lies outside the axis 0 to 4:"
                + " 5.0");
    assertThatThrownBy(
            () ->
                new DotPlotData(
                    "t",
                    "items",
                    "Agree (%)",
                    0,
                    100,
                    OptionalDouble.empty(),
                    List.of(DotPlotPoint.of("Item", "Wave 1", n("50.0"), n("40.0"), n("60.0"))),
                    Optional.empty()))
        .hasMessage("Cannot draw dot plot: points have intervals, so the level must be given");
  }

  static boolean hasColour(BufferedImage image, Color colour) {
    int target = colour.getRGB() & 0xFFFFFF;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == target) {
          return true;
        }
      }
    }
    return false;
  }
}
