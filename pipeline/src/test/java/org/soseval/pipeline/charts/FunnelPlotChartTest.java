package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;
import org.soseval.pipeline.stats.compare.Polarity;
import org.soseval.pipeline.stats.funnel.FunnelLimits;
import org.soseval.pipeline.stats.funnel.FunnelSignificance;
import org.soseval.pipeline.stats.funnel.PheFunnels;

class FunnelPlotChartTest {

  /** 30 LAs, re-referral proportions around 22%, three planted outliers; Leeds highlighted. */
  static FunnelPlotData example() {
    int count = 30;
    double[] numerators = new double[count];
    double[] denominators = new double[count];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      denominators[i] = 300 + 110 * i;
      double rate = 0.22 + 0.02 * Math.sin(3.1 * i);
      if (i == 7) {
        rate = 0.30;
      } else if (i == 21) {
        rate = 0.17;
      } else if (i == 26) {
        rate = 0.255;
      }
      numerators[i] = Math.round(rate * denominators[i]);
      names.add(i == 21 ? "Leeds" : "LA " + (i + 1));
    }
    FunnelLimits limits = PheFunnels.proportionLimits(numerators, denominators, 100);
    List<FunnelSignificance> significance =
        PheFunnels.proportionSignificance(numerators, denominators);
    List<FunnelUnit> units = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      units.add(
          FunnelUnit.of(
              names.get(i),
              denominators[i],
              100 * numerators[i] / denominators[i],
              significance.get(i)));
    }
    return new FunnelPlotData(
        "Re-referrals within 12 months, 2019-20",
        "Re-referrals within 12 months (%)",
        "Referrals in the year",
        Polarity.LOWER_IS_BETTER,
        limits,
        units,
        Optional.of("Leeds"));
  }

  @Test
  void mapsSignificanceToFingertipsComparisonsByPolarity() {
    assertThat(FunnelPlotChart.comparison(FunnelSignificance.HIGH_0_001, Polarity.LOWER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.WORSE);
    assertThat(FunnelPlotChart.comparison(FunnelSignificance.LOW_0_025, Polarity.LOWER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.BETTER);
    assertThat(FunnelPlotChart.comparison(FunnelSignificance.HIGH_0_025, Polarity.HIGHER_IS_BETTER))
        .isEqualTo(BenchmarkComparison.BETTER);
    assertThat(FunnelPlotChart.comparison(FunnelSignificance.LOW_0_001, Polarity.NO_POLARITY))
        .isEqualTo(BenchmarkComparison.LOWER);
    assertThat(FunnelPlotChart.comparison(FunnelSignificance.NOT_SIGNIFICANT, Polarity.NO_POLARITY))
        .isEqualTo(BenchmarkComparison.SIMILAR);
    assertThat(FunnelPlotChart.comparison(FunnelSignificance.NOT_APPLICABLE, Polarity.NO_POLARITY))
        .isEqualTo(BenchmarkComparison.NOT_COMPARED);
  }

  @Test
  void colourPointsByComparisonWithFingertipsColours() {
    FunnelPlotData data = example();
    XYPlot plot = FunnelPlotChart.of("funnel", data).chart().getXYPlot();
    XYDataset points = plot.getDataset(1);
    XYItemRenderer renderer = plot.getRenderer(1);

    List<String> keys = new ArrayList<>();
    for (int s = 0; s < points.getSeriesCount(); s++) {
      keys.add((String) points.getSeriesKey(s));
      String expected =
          switch (keys.get(s)) {
            case "Better" -> "#92D050";
            case "Similar" -> "#FFC000";
            case "Worse" -> "#C00000";
            default -> "?";
          };
      assertThat(renderer.getSeriesPaint(s)).isEqualTo(java.awt.Color.decode(expected));
    }
    assertThat(keys).containsExactly("Better", "Similar", "Worse");
    int total = 0;
    for (int s = 0; s < points.getSeriesCount(); s++) {
      total += points.getItemCount(s);
    }
    assertThat(total).isEqualTo(30);
    assertThat(points.getItemCount(0)).as("Better").isEqualTo(5);
    assertThat(points.getItemCount(2)).as("Worse").isEqualTo(5);
  }

  @Test
  void drawsBaselineAndBothLimitPairsFromFunnelLimits() {
    FunnelPlotData data = example();
    XYPlot plot = FunnelPlotChart.of("funnel", data).chart().getXYPlot();
    XYDataset limits = plot.getDataset(0);

    assertThat(limits.getSeriesCount()).isEqualTo(5);
    assertThat(limits.getSeriesKey(0)).isEqualTo("Lower 95%");
    assertThat(limits.getSeriesKey(3)).isEqualTo("Upper 99.8%");
    assertThat(limits.getItemCount(1)).isEqualTo(100);
    assertThat(limits.getXValue(1, 50))
        .isEqualTo(data.limits().points().get(50).upper95Precision());
    assertThat(limits.getYValue(1, 50)).isEqualTo(data.limits().points().get(50).upper95());
    assertThat(limits.getYValue(4, 0)).isEqualTo(data.limits().baseline());
  }

  @Test
  void highlightsAndLabelsTheLaOfInterest() {
    XYPlot plot = FunnelPlotChart.of("funnel", example()).chart().getXYPlot();

    XYDataset ring = plot.getDataset(2);
    assertThat(ring.getSeriesKey(0)).isEqualTo("Leeds");
    assertThat(ring.getXValue(0, 0)).isEqualTo(2610.0);
    assertThat(plot.getAnnotations())
        .singleElement()
        .extracting(a -> ((XYPointerAnnotation) a).getText())
        .isEqualTo("Leeds");
  }

  @Test
  void axesStartXAtZeroAndFitYToTheData() {
    XYPlot plot = FunnelPlotChart.of("funnel", example()).chart().getXYPlot();
    NumberAxis y = (NumberAxis) plot.getRangeAxis();

    assertThat(plot.getDomainAxis().getLowerBound()).isEqualTo(0.0);
    assertThat(y.getAutoRangeIncludesZero()).isFalse();
    assertThat(y.getLowerBound()).isGreaterThan(5.0);
    assertThat(y.getUpperBound()).isLessThan(45.0);
  }

  @Test
  void tableListsLasThenBaselineAndLimits() {
    Chart chart = FunnelPlotChart.of("funnel", example());
    List<List<String>> rows = chart.data().rows();

    assertThat(chart.data().columns())
        .containsExactly(
            "kind", "name", "precision", "value", "significance", "comparison", "highlighted");
    assertThat(rows).hasSize(30 + 1 + 400);
    assertThat(rows.get(21))
        .containsExactly(
            "la", "Leeds", "2610", "17.011494252873565", "Low (0.001)", "Better", "true");
    assertThat(rows.get(30).get(0)).isEqualTo("baseline");
    assertThat(rows.get(31).subList(0, 2)).containsExactly("limit", "lower_95");
  }

  @Test
  void altTextCountsLasOutsideTheLimitsAndDescribesTheHighlightedLa() {
    String alt = FunnelPlotChart.of("funnel", example()).altText();

    assertThat(alt)
        .startsWith(
            "Funnel plot of Re-referrals within 12 months (%) for 30 LAs against Referrals in the"
                + " year, with 95% and 99.8% control limits around the baseline ")
        .contains(
            "baseline 22.2: 5 above the upper 95% limit (2 also above 99.8%), 5 below the lower"
                + " 95% limit (1 also below 99.8%), 20 within the limits.")
        .endsWith("Leeds (highlighted): 17.0, below the lower 99.8% limit (Better).");
  }

  @Test
  void rendersPngSvgCsvAndAltText() {
    Chart chart = FunnelPlotChart.of("funnel-plot", example());
    ChartFiles files = Rendered.write(chart);

    Rendered.assertPngLooksDrawn(files);
    assertThat(Rendered.svgText(Rendered.assertSvgParses(files)))
        .contains("Re-referrals within 12 months, 2019-20")
        .contains("Leeds")
        .contains("99.8% limits");
    assertThat(Rendered.read(files.csv())).isEqualTo(chart.data().toCsv());
  }

  @Test
  void sameInputGivesByteIdenticalSvgAndCsv() {
    assertThat(Rendered.svg(FunnelPlotChart.of("f", example())))
        .isEqualTo(Rendered.svg(FunnelPlotChart.of("f", example())));
    assertThat(FunnelPlotChart.of("f", example()).data().toCsv())
        .isEqualTo(FunnelPlotChart.of("f", example()).data().toCsv());
  }

  @Test
  void rejectsBadUnitsAndAnUnknownHighlight() {
    assertThatThrownBy(
            () -> FunnelUnit.of("Hull", 250, Double.NaN, FunnelSignificance.NOT_SIGNIFICANT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw funnel plot: value of 'Hull' must be finite: NaN");
    assertThatThrownBy(() -> FunnelUnit.of("Hull", 0, 20, FunnelSignificance.NOT_SIGNIFICANT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw funnel plot: precision of 'Hull' must be finite and > 0: 0.0");
    FunnelPlotData data = example();
    assertThatThrownBy(
            () ->
                new FunnelPlotData(
                    data.title(),
                    data.indicator(),
                    data.precisionLabel(),
                    data.polarity(),
                    data.limits(),
                    data.units(),
                    Optional.of("Narnia")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw funnel plot: highlighted LA 'Narnia' is not among the units");
    assertThatThrownBy(
            () ->
                new FunnelPlotData(
                    data.title(),
                    data.indicator(),
                    data.precisionLabel(),
                    data.polarity(),
                    data.limits(),
                    List.of(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw funnel plot: units must not be empty");
  }
}
