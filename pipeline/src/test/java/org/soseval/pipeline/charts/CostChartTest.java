package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.charts.DotPlotChartTest.C;
import static org.soseval.pipeline.charts.DotPlotChartTest.n;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

class CostChartTest {
  static final List<String> CATEGORIES =
      List.of("Training", "Consultancy and licence", "Staff time", "Other direct", "Indirect");

  static CostData example() {
    return new CostData(
        "Implementation costs by category, pilots",
        "2023-24 prices",
        CATEGORIES,
        List.of(
            new CostBar(
                "Brent",
                List.of(n("120000"), n("80000"), n("95500"), n("10000"), n("24500")),
                n("330000")),
            new CostBar(
                "Bristol",
                List.of(n("90000"), n("80000"), n("60000"), n("0"), n("15000")),
                n("245000")),
            new CostBar("Wokingham", List.of(n("40000"), C, C, n("5000"), n("5000")), C)),
        Optional.of("Source: cost returns, uprated with an illustrative index."));
  }

  @Test
  void barsStackTheCategoriesOfEachLaFromZeroAndNameThePriceYear() {
    Chart chart = CostChart.of("costs", example());
    CategoryPlot plot = chart.chart().getCategoryPlot();
    CategoryDataset dataset = plot.getDataset();

    assertThat(dataset.getRowKeys()).containsExactlyElementsOf(CATEGORIES);
    assertThat(dataset.getColumnKeys()).containsExactly("Brent", "Bristol", "Wokingham");
    assertThat(dataset.getValue("Staff time", "Brent")).isEqualTo(95500.0);
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    assertThat(axis.getLowerBound()).isZero();
    assertThat(axis.getUpperBound()).isEqualTo(330000 * 1.2);
    assertThat(axis.getLabel()).isEqualTo("Cost (£, 2023-24 prices)");
    assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(ChartStyle.ORANGE);
    assertThat(
            plot.getAnnotations().stream()
                .map(a -> ((CategoryTextAnnotation) a).getText())
                .toList())
        .containsExactly("  £330,000", "  £245,000", "Not drawn: c (suppressed)");
  }

  @Test
  void aBarWithSuppressedAmountsIsNotDrawnAsZero() {
    CategoryDataset dataset =
        CostChart.of("costs", example()).chart().getCategoryPlot().getDataset();

    for (String category : CATEGORIES) {
      assertThat(dataset.getValue(category, "Wokingham")).as(category).isNull();
    }
  }

  @Test
  void tableAndAltTextCarryThePublishedAmounts() {
    Chart chart = CostChart.of("costs", example());

    assertThat(chart.data().toCsv())
        .startsWith(
            "bar,category,cost_gbp,prices\n"
                + "Brent,Training,120000,2023-24 prices\n"
                + "Brent,Consultancy and licence,80000,2023-24 prices\n")
        .contains("Brent,Total,330000,2023-24 prices\n")
        .endsWith(
            "Wokingham,Staff time,c,2023-24 prices\n"
                + "Wokingham,Other direct,5000,2023-24 prices\n"
                + "Wokingham,Indirect,5000,2023-24 prices\n"
                + "Wokingham,Total,c,2023-24 prices\n");
    // training 120,000 + 90,000 = 210,000 of 575,000 = 36.5%
    assertThat(chart.altText())
        .isEqualTo(
            "Costs of 3 LAs by category (Training, Consultancy and licence, Staff time, Other"
                + " direct and Indirect), in 2023-24 prices. Totals range from £245,000 (Bristol)"
                + " to £330,000 (Brent). The largest category is Training (£210,000, 37% of the"
                + " total). 1 LA is not drawn (some amounts are not published).");
  }

  @Test
  void rendersPngAndSvgWithLegendAndTotals() {
    Chart chart = CostChart.of("costs-example", example());
    ChartFiles files = Rendered.write(chart);

    BufferedImage image = Rendered.assertPngLooksDrawn(files, chart.height());
    assertThat(DotPlotChartTest.hasColour(image, ChartStyle.ORANGE)).isTrue();
    assertThat(Rendered.svgText(Rendered.assertSvgParses(files)))
        .contains(chart.title())
        .contains("Consultancy and licence")
        .contains("£330,000")
        .contains("Cost (£, 2023-24 prices)");
    assertThat(Rendered.read(files.csv())).isEqualTo(chart.data().toCsv());
    assertThat(Rendered.svg(CostChart.of("c", example())))
        .isEqualTo(Rendered.svg(CostChart.of("c", example())));
  }

  @Test
  void rejectsTotalsThatAreNotTheSumOfTheirPartsAndMissingCategories() {
    assertThatThrownBy(
            () ->
                new CostData(
                    "t",
                    "2023-24 prices",
                    List.of("Training", "Indirect"),
                    List.of(new CostBar("Brent", List.of(n("100"), n("50")), n("200"))),
                    Optional.empty()))
        .hasMessage(
            "Cannot draw cost chart: bar 'Brent' total 200 is not the sum of its categories (150)");
    assertThatThrownBy(
            () ->
                new CostData(
                    "t",
                    "2023-24 prices",
                    List.of("Training", "Indirect"),
                    List.of(new CostBar("Brent", List.of(n("100")), n("100"))),
                    Optional.empty()))
        .hasMessage("Cannot draw cost chart: bar 'Brent' must have one amount per category (2): 1");
  }
}
