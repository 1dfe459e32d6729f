package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
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
import org.soseval.pipeline.stats.disclosure.PublishedValue;

class LikertChartTest {
  private static List<PublishedValue> shares(String... values) {
    return java.util.Arrays.stream(values).map(DotPlotChartTest::n).toList();
  }

  /** methods.md section 6 example: SA 30, A 52, N 8, D 6, SD 4 of 100 valid, 12 missing. */
  static LikertData example() {
    return new LikertData(
        "Family survey: answers by item, pilots, wave 2",
        List.of(
            new LikertItem(
                "The social worker listened to me",
                shares("4.0", "6.0", "8.0", "52.0", "30.0"),
                n("100"),
                n("3"),
                n("12")),
            new LikertItem(
                "I understood what the worries were",
                shares("12.5", "20.0", "17.5", "35.0", "15.0"),
                n("40"),
                C,
                n("0")),
            new LikertItem("My child's views were heard", List.of(C, C, C, C, C), C, C, C)),
        Optional.of("Source: synthetic example."));
  }

  @Test
  void barsDivergeFromTheMiddleOfNeither() {
    Chart chart = LikertChart.of("likert", example());
    CategoryPlot plot = chart.chart().getCategoryPlot();
    CategoryDataset dataset = plot.getDataset();
    String listened = LikertChart.rowLabel(example().items().get(0));

    // left from zero: half of neither, disagree, strongly disagree; right: half, agree, strongly
    assertThat(dataset.getValue(0, dataset.getColumnIndex(listened))).isEqualTo(-4.0);
    assertThat(dataset.getValue(1, dataset.getColumnIndex(listened))).isEqualTo(-6.0);
    assertThat(dataset.getValue(2, dataset.getColumnIndex(listened))).isEqualTo(-4.0);
    assertThat(dataset.getValue(3, dataset.getColumnIndex(listened))).isEqualTo(4.0);
    assertThat(dataset.getValue(4, dataset.getColumnIndex(listened))).isEqualTo(52.0);
    assertThat(dataset.getValue(5, dataset.getColumnIndex(listened))).isEqualTo(30.0);
    assertThat(plot.getRenderer().getSeriesPaint(2)).isEqualTo(ChartStyle.VERMILLION);
    assertThat(plot.getRenderer().getSeriesPaint(5)).isEqualTo(ChartStyle.BLUE);
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    assertThat(axis.getLowerBound()).isEqualTo(-90.0);
    assertThat(axis.getUpperBound()).isEqualTo(90.0);
    assertThat(listened).isEqualTo("The social worker listened to me\nn 100 · DK 3 · no answer 12");
  }

  @Test
  void anItemWithSuppressedPercentagesHasNoBarAndSaysWhy() {
    Chart chart = LikertChart.of("likert", example());
    CategoryPlot plot = chart.chart().getCategoryPlot();
    String heard = LikertChart.rowLabel(example().items().get(2));

    for (int s = 0; s < 6; s++) {
      assertThat(plot.getDataset().getValue(s, plot.getDataset().getColumnIndex(heard))).isNull();
    }
    // the neither labels of the two drawn items (8.0 and 17.5), then the note of the third
    assertThat(plot.getAnnotations()).hasSize(3);
    assertThat(((CategoryTextAnnotation) plot.getAnnotations().get(1)).getText()).isEqualTo("17.5");
    CategoryTextAnnotation note = (CategoryTextAnnotation) plot.getAnnotations().get(2);
    assertThat(note.getText()).isEqualTo("Not drawn: c (suppressed)");
    assertThat(note.getCategory()).isEqualTo(heard);
    assertThat(heard).endsWith("\nn c · DK c · no answer c");
  }

  @Test
  void twoSuppressedAnswersOfOneSideAreDrawnTogetherAndOthersAreNot() {
    LikertItem listened =
        new LikertItem(
            "Listened to (pilots)",
            List.of(C, C, n("12.4"), n("18.5"), n("64.8")),
            n("380"),
            n("10"),
            n("20"));
    LikertItem agreeHidden =
        new LikertItem(
            "Worker is clear (pilots)",
            List.of(n("3.0"), n("7.0"), n("20.0"), C, C),
            n("200"),
            n("5"),
            n("5"));
    LikertItem apart =
        new LikertItem(
            "Plans agreed (pilots)",
            List.of(C, n("10.0"), n("20.0"), n("60.0"), C),
            n("100"),
            n("5"),
            n("5"));
    LikertData data =
        new LikertData("Family survey", List.of(listened, agreeHidden, apart), Optional.empty());
    Chart chart = LikertChart.of("likert-suppressed-pairs", data);
    Rendered.assertPngLooksDrawn(Rendered.write(chart), chart.height());
    CategoryPlot plot = chart.chart().getCategoryPlot();
    CategoryDataset dataset = plot.getDataset();
    int first = dataset.getColumnIndex(LikertChart.rowLabel(listened));
    int second = dataset.getColumnIndex(LikertChart.rowLabel(agreeHidden));
    int third = dataset.getColumnIndex(LikertChart.rowLabel(apart));

    // the pair's width is what the published percentages leave: 100 - 12.4 - 18.5 - 64.8
    assertThat(dataset.getValue(0, first).doubleValue()).isEqualTo(-6.2);
    assertThat(dataset.getValue(1, first)).isNull();
    assertThat(dataset.getValue(2, first)).isNull();
    assertThat(dataset.getValue(6, first).doubleValue()).isCloseTo(-4.3, within(1e-9));
    assertThat(dataset.getValue(7, first)).isNull();
    assertThat(dataset.getValue(5, first).doubleValue()).isEqualTo(64.8);
    assertThat(dataset.getValue(6, second)).isNull();
    assertThat(dataset.getValue(7, second).doubleValue()).isCloseTo(70.0, within(1e-9));
    assertThat(
            plot.getRenderer().getItemLabelGenerator(7, second).generateLabel(dataset, 7, second))
        .isEqualTo("c");
    for (int s = 0; s < 8; s++) {
      assertThat(dataset.getValue(s, third)).isNull();
    }
    assertThat(plot.getAnnotations())
        .extracting(a -> ((CategoryTextAnnotation) a).getText())
        .containsExactly("12.4", "20.0", "Not drawn: c (suppressed)");
    assertThat(plot.getLegendItems().get(5).getLabel())
        .isEqualTo("Two answers together, not published apart");
    assertThat(chart.altText())
        .contains("2 items show two answers of one side as one segment")
        .contains("1 item is not drawn");
    // the chart's table keeps the percentages as published
    assertThat(chart.data().toCsv()).contains("Listened to (pilots),380,c,c,12.4,18.5,64.8,10,20");
  }

  @Test
  void publishedPercentagesAboveAHundredAreRejectedEvenWithSomeSuppressed() {
    assertThatThrownBy(
            () ->
                new LikertItem(
                    "Too much", List.of(C, C, n("40.0"), n("40.0"), n("30.0")), n("50"), C, C))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up to more than 100");
  }

  @Test
  void tableAndAltTextCarryThePublishedValues() {
    Chart chart = LikertChart.of("likert", example());

    assertThat(chart.data().toCsv())
        .isEqualTo(
            "item,base,strongly_disagree,disagree,neither,agree,strongly_agree,dont_know,no_answer\n"
                + "The social worker listened to me,100,4.0,6.0,8.0,52.0,30.0,3,12\n"
                + "I understood what the worries were,40,12.5,20.0,17.5,35.0,15.0,c,0\n"
                + "My child's views were heard,c,c,c,c,c,c,c,c\n");
    assertThat(chart.altText())
        .isEqualTo(
            "Diverging bars of the answers to 3 survey items, from strongly disagree (left) to"
                + " strongly agree (right), as percentages of valid answers. Agree or strongly"
                + " agree: highest 82.0% (The social worker listened to me), lowest 50.0% (I"
                + " understood what the worries were). 1 item is not drawn (c = suppressed to"
                + " protect confidentiality).");
  }

  @Test
  void rendersPngAndSvgWithItemsCountsAndLegend() {
    Chart chart = LikertChart.of("likert-example", example());
    ChartFiles files = Rendered.write(chart);

    BufferedImage image = Rendered.assertPngLooksDrawn(files, chart.height());
    assertThat(DotPlotChartTest.hasColour(image, ChartStyle.BLUE)).isTrue();
    assertThat(DotPlotChartTest.hasColour(image, ChartStyle.VERMILLION)).isTrue();
    String text = Rendered.svgText(Rendered.assertSvgParses(files));
    assertThat(text)
        .contains(chart.title())
        .contains("Strongly disagree")
        .contains("The social worker listened to me")
        .contains("n 100 · DK 3 · no answer 12")
        .contains("52.0");
    assertThat(Rendered.read(files.csv())).isEqualTo(chart.data().toCsv());
    assertThat(Rendered.svg(LikertChart.of("l", example())))
        .isEqualTo(Rendered.svg(LikertChart.of("l", example())));
  }

  @Test
  void rejectsPercentagesThatAreNotFiveOrDoNotAddUp() {
    assertThatThrownBy(
            () -> new LikertItem("Item", shares("50.0", "50.0"), n("10"), n("0"), n("0")))
        .hasMessage(
            "Cannot draw Likert chart: item 'Item' must have 5 percentages (strongly disagree to"
                + " strongly agree): 2");
    assertThatThrownBy(
            () ->
                new LikertItem(
                    "Item",
                    shares("10.0", "10.0", "10.0", "10.0", "10.0"),
                    n("10"),
                    n("0"),
                    n("0")))
        .hasMessage(
            "Cannot draw Likert chart: item 'Item' percentages must add up to 100 (to rounding):"
                + " 50");
  }
}
