package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;

class BenchmarkChartTest {

  static BenchmarkData example() {
    return new BenchmarkData(
        "Children in need rate: Leeds against England, Yorkshire and the Humber and neighbours",
        "CIN rate per 10,000 children",
        "Leeds",
        YearFormat.FINANCIAL,
        List.of(
            BenchmarkPoint.of(2015, 352.1, 340.2, 364.0, BenchmarkComparison.WORSE),
            BenchmarkPoint.of(2016, 338.4, 326.7, 350.1, BenchmarkComparison.SIMILAR),
            BenchmarkPoint.of(2017, 331.0, 319.5, 342.5, BenchmarkComparison.SIMILAR),
            BenchmarkPoint.of(2018, 309.8, 298.7, 320.9, BenchmarkComparison.BETTER),
            BenchmarkPoint.of(2019, 301.5, 290.6, 312.4, BenchmarkComparison.BETTER)),
        "England",
        List.of(
            OutcomeSeries.of(
                "England",
                SeriesRole.ENGLAND,
                1,
                OutcomeOverTimeChartTest.values(2015, 337.3, 330.1, 341.0, 334.2, 323.7)),
            OutcomeSeries.of(
                "Yorkshire and the Humber",
                SeriesRole.REGION,
                15,
                OutcomeOverTimeChartTest.values(2015, 345.0, 339.2, 345.9, 339.5, 331.8)),
            OutcomeSeries.of(
                "Statistical neighbours (mean)",
                SeriesRole.NEIGHBOURS_MEAN,
                10,
                OutcomeOverTimeChartTest.values(2015, 360.2, 352.0, 350.3, 347.1, 340.8))),
        List.of(
            YearRange.of(2015, 301.0, 422.0),
            YearRange.of(2016, 296.3, 410.5),
            YearRange.of(2017, 290.0, 405.1),
            YearRange.of(2018, 288.7, 399.9),
            YearRange.of(2019, 280.2, 391.3)),
        false);
  }

  @Test
  void coloursEachPointOfTheLaByItsComparison() {
    XYPlot plot = BenchmarkChart.of("b", example()).chart().getXYPlot();
    BenchmarkChart.ComparisonPoints points = (BenchmarkChart.ComparisonPoints) plot.getRenderer(3);
    IntervalXYDataset dataset = (IntervalXYDataset) plot.getDataset(3);

    assertThat(points.getItemPaint(0, 0)).isEqualTo(Color.decode("#C00000"));
    assertThat(points.getItemPaint(0, 1)).isEqualTo(Color.decode("#FFC000"));
    assertThat(points.getItemPaint(0, 4)).isEqualTo(Color.decode("#92D050"));
    assertThat(dataset.getYValue(0, 4)).isEqualTo(301.5);
    assertThat(dataset.getStartYValue(0, 4)).isEqualTo(290.6);
    assertThat(dataset.getEndYValue(0, 4)).isEqualTo(312.4);
  }

  @Test
  void drawsComparatorsWithTheirRoleStylesAndShadesTheNeighbourRange() {
    XYPlot plot = BenchmarkChart.of("b", example()).chart().getXYPlot();
    XYLineAndShapeRenderer comparators = (XYLineAndShapeRenderer) plot.getRenderer(1);

    assertThat(plot.getDataset(1).getSeriesKey(0)).isEqualTo("England");
    assertThat(comparators.getSeriesPaint(0)).isEqualTo(ChartStyle.BLACK);
    assertThat(comparators.getSeriesPaint(1)).isEqualTo(ChartStyle.BLUISH_GREEN);
    assertThat(comparators.getSeriesPaint(2)).isEqualTo(ChartStyle.ORANGE);
    assertThat(plot.getRenderer(0)).isInstanceOf(DeviationRenderer.class);
    IntervalXYDataset range = (IntervalXYDataset) plot.getDataset(0);
    assertThat(range.getStartYValue(0, 0)).isEqualTo(301.0);
    assertThat(range.getEndYValue(0, 0)).isEqualTo(422.0);
    assertThat(((NumberAxis) plot.getRangeAxis()).getAutoRangeIncludesZero()).isFalse();
    assertThat(plot.getRangeAxis().getLowerBound()).isGreaterThan(200.0);
    assertThat(plot.getLegendItems().get(0).getLabel()).isEqualTo("Leeds");
    assertThat(plot.getLegendItems().get(5).getLabel()).isEqualTo("Better than England");
  }

  @Test
  void oneYearIsPointsOnly() {
    BenchmarkData oneYear =
        new BenchmarkData(
            "t",
            "CIN rate per 10,000 children",
            "Leeds",
            YearFormat.FINANCIAL,
            List.of(BenchmarkPoint.of(2019, 301.5, BenchmarkComparison.BETTER)),
            "England",
            List.of(
                OutcomeSeries.of(
                    "England",
                    SeriesRole.ENGLAND,
                    1,
                    OutcomeOverTimeChartTest.values(2019, 323.7))),
            List.of(YearRange.of(2019, 280.2, 391.3)),
            false);
    Chart chart = BenchmarkChart.of("benchmark-one-year", oneYear);
    XYPlot plot = chart.chart().getXYPlot();

    assertThat(((XYLineAndShapeRenderer) plot.getRenderer(1)).getSeriesLinesVisible(0)).isFalse();
    assertThat(((XYLineAndShapeRenderer) plot.getRenderer(2)).getDefaultLinesVisible()).isFalse();
    assertThat(((XYLineAndShapeRenderer) plot.getRenderer(3)).getDefaultShapesVisible()).isTrue();
    Rendered.assertPngLooksDrawn(Rendered.write(chart));
  }

  @Test
  void tableAndAltTextCarryTheLaComparatorsAndComparisons() {
    Chart chart = BenchmarkChart.of("b", example());

    assertThat(chart.data().toCsv())
        .startsWith(
            "series,role,year,time_period,value,lower,upper,comparison\n"
                + "Leeds,area,2015,2015-16,352.1,340.2,364,Worse\n")
        .contains("England,england,2019,2019-20,323.7,,,\n")
        .endsWith("Neighbour range,neighbour_range,2019,2019-20,,280.2,391.3,\n");
    assertThat(chart.altText())
        .isEqualTo(
            "CIN rate per 10,000 children in Leeds, 2015-16 to 2019-20, against England,"
                + " Yorkshire and the Humber, Statistical neighbours (mean) and the neighbours'"
                + " range (shaded). In 2019-20: Leeds 302 (better than England), England 324,"
                + " Yorkshire and the Humber 332, Statistical neighbours (mean) 341. Compared with"
                + " England: 2 years better, 2 years similar, 1 year worse. The value axis does not"
                + " start at zero.");
  }

  @Test
  void rendersPngSvgAndIsDeterministic() {
    Chart chart = BenchmarkChart.of("benchmark", example());
    ChartFiles files = Rendered.write(chart);

    Rendered.assertPngLooksDrawn(files);
    assertThat(Rendered.svgText(Rendered.assertSvgParses(files)))
        .contains("Children in need rate")
        .contains("Better than England");
    assertThat(Rendered.svg(BenchmarkChart.of("benchmark", example())))
        .isEqualTo(Rendered.read(files.svg()));
    assertThat(BenchmarkChart.of("benchmark", example()).data().toCsv())
        .isEqualTo(Rendered.read(files.csv()));
  }

  @Test
  void rejectsBadPoints() {
    assertThatThrownBy(() -> BenchmarkPoint.of(2019, Double.NaN, BenchmarkComparison.SIMILAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw benchmark chart: value in 2019 must be finite: NaN");
    assertThatThrownBy(() -> BenchmarkPoint.of(2019, 300, 320, 290, BenchmarkComparison.SIMILAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw benchmark chart: interval in 2019 lower limit must be <= upper limit:"
                + " 320 > 290");
    assertThatThrownBy(
            () ->
                new BenchmarkData(
                    "t",
                    "i",
                    "Leeds",
                    YearFormat.FINANCIAL,
                    List.of(),
                    "England",
                    List.of(),
                    List.of(),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw benchmark chart: points of Leeds must not be empty");
  }
}
