package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.meta.MetaAnalysis;
import org.soseval.pipeline.stats.meta.MetaAnalysisResult;

class ForestPlotChartTest {
  // methods.md 5.5 example F1 (ln OR, metafor 3.8-1 escalc("OR", ...))
  private static final double[] F1_Y = {
    -0.287682072451781,
    -0.306031211119977,
    -0.348134176369056,
    0.268263986594679,
    -0.543615446588982
  };
  private static final double[] F1_V = {
    0.0700980392156863,
    0.1105387205387205,
    0.0385918896437831,
    0.2079185520361991,
    0.0489479622992168
  };
  private static final List<String> LAS =
      List.of("Bracknell Forest", "Brent", "Bristol", "Hull", "Lincolnshire");

  static ForestPlotData f1() {
    MetaAnalysisResult re = MetaAnalysis.derSimonianLaird(F1_Y, F1_V, 0.95);
    MetaAnalysisResult fe = MetaAnalysis.fixedEffect(F1_Y, F1_V, 0.95);
    return ForestPlotData.fromMetaAnalysis(
        "Odds of a second child protection plan: pilots against comparators",
        "Odds ratio",
        EffectScale.RATIO,
        LAS,
        F1_Y,
        F1_V,
        List.of(re, fe));
  }

  static ForestPlotData differences() {
    return new ForestPlotData(
        "Change in ICPC rate per 10,000: pilots against comparators",
        "Difference in ICPC rate per 10,000",
        EffectScale.DIFFERENCE,
        0.95,
        List.of(
            new ForestRow("Leeds", Optional.of("n = 1,204"), -4.1, -7.9, -0.3, 30),
            ForestRow.of("Hull", 1.2, -3.5, 5.9, 20),
            ForestRow.of("Brent", -6.5, -12.0, -1.0, 10),
            ForestRow.of("Bristol", -2.0, -4.6, 0.6, 40)),
        List.of(
            new ForestSummary(
                "Random effects (DL)",
                -2.9,
                -5.2,
                -0.6,
                Optional.of(Interval.of(-9.8, 4.0, 0.95)))),
        Optional.of(new Heterogeneity(6.1, 3, 0.107, 50.8, 5.2)));
  }

  @Test
  void ratioRowsAreExponentiatedAndPlottedOnTheLogScale() {
    ForestPlotData data = f1();

    // methods.md 5.5: pooled OR 0.7080383, 95% CI 0.5641769-0.8885834; weights % 19.158 ...
    ForestSummary pooled = data.summaries().get(0);
    assertThat(pooled.label()).isEqualTo("Random effects (DL)");
    assertThat(pooled.estimate()).isCloseTo(0.7080383, within(1e-7));
    assertThat(pooled.lower()).isCloseTo(0.5641769, within(1e-7));
    assertThat(pooled.upper()).isCloseTo(0.8885834, within(1e-7));
    assertThat(data.rows().get(0).weightPercent()).isCloseTo(19.158, within(1e-3));
    assertThat(data.rows().get(0).estimate()).isCloseTo(Math.exp(F1_Y[0]), within(1e-12));
    assertThat(data.rows().get(0).lower())
        .isCloseTo(Math.exp(F1_Y[0] - 1.959963984540054 * Math.sqrt(F1_V[0])), within(1e-12));

    XYPlot plot = ForestPlotChart.forest(ForestPlotChart.of("f1", data));
    IntervalXYDataset dataset = (IntervalXYDataset) plot.getDataset();
    assertThat(dataset.getItemCount(0)).isEqualTo(5);
    assertThat(dataset.getXValue(0, 0)).isCloseTo(F1_Y[0], within(1e-12));
    assertThat(dataset.getStartXValue(0, 3))
        .isCloseTo(Math.log(data.rows().get(3).lower()), within(1e-12));
    assertThat(plot.getDomainAxis()).isInstanceOf(LogRatioAxis.class);
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("Odds ratio (log scale)");
    List<ValueMarker> nulls = new ArrayList<>();
    plot.getDomainMarkers(Layer.BACKGROUND).forEach(m -> nulls.add((ValueMarker) m));
    assertThat(nulls).singleElement().extracting(ValueMarker::getValue).isEqualTo(0.0);
  }

  @Test
  void rowsRunTopToBottomWithLabelsLeftAndEstimatesRight() {
    Chart chart = ForestPlotChart.of("f1", f1());
    XYPlot plot = ForestPlotChart.forest(chart);
    SymbolAxis labels = (SymbolAxis) chart.chart().getXYPlot().getRangeAxis();
    IntervalXYDataset dataset = (IntervalXYDataset) plot.getDataset();

    // header, 5 LAs, gap, random effects, its prediction interval, fixed effect
    int top = labels.getSymbols().length - 1;
    assertThat(top).isEqualTo(9);
    assertThat(labels.valueToString(top - 1)).isEqualTo("Bracknell Forest");
    assertThat(dataset.getYValue(0, 0)).isEqualTo(top - 1);
    assertThat(labels.valueToString(top - 5)).isEqualTo("Lincolnshire");
    assertThat(labels.valueToString(top - 7)).isEqualTo("Random effects (DL)");
    assertThat(labels.valueToString(top - 8)).isEqualTo("Prediction interval");
    assertThat(labels.valueToString(top - 9)).isEqualTo("Fixed effect");
    List<String> bracknell = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (XYAnnotation annotation : ForestPlotChart.columns(chart).getAnnotations()) {
      XYTextAnnotation text = (XYTextAnnotation) annotation;
      if (text.getY() == top - 1) {
        bracknell.add(text.getText());
      } else if (text.getY() == top) {
        header.add(text.getText());
      }
    }
    assertThat(bracknell).containsExactly("0.75", "[0.45, 1.26]", "19.2%");
    assertThat(header).containsExactly("Estimate", "95% CI", "Weight");
  }

  @Test
  void squareAreaIsProportionalToWeight() {
    ForestPlotData data = differences();
    XYPlot plot = ForestPlotChart.forest(ForestPlotChart.of("d", data));
    ForestPlotChart.WeightedSquares squares = (ForestPlotChart.WeightedSquares) plot.getRenderer();

    double leeds = squares.side(0);
    double bristol = squares.side(3);
    double brent = squares.side(2);
    assertThat(bristol).isEqualTo(20.0);
    assertThat(leeds * leeds / (bristol * bristol)).isCloseTo(30.0 / 40.0, within(1e-12));
    assertThat(brent * brent / (bristol * bristol)).isCloseTo(10.0 / 40.0, within(1e-12));
    assertThat(squares.getItemShape(0, 3).getBounds2D().getWidth()).isEqualTo(20.0);
  }

  @Test
  void pooledDiamondSpansItsIntervalAndPredictionBarIsDrawn() {
    XYPlot plot = ForestPlotChart.forest(ForestPlotChart.of("d", differences()));
    List<XYAnnotation> annotations = plot.getAnnotations();

    XYPolygonAnnotation diamond = (XYPolygonAnnotation) annotations.get(0);
    double[] xs = {
      diamond.getPolygonCoordinates()[0],
      diamond.getPolygonCoordinates()[2],
      diamond.getPolygonCoordinates()[4]
    };
    assertThat(xs).containsExactly(-5.2, -2.9, -0.6);
    XYLineAnnotation bar = (XYLineAnnotation) annotations.get(1);
    assertThat(bar.getX1()).isEqualTo(-9.8);
    assertThat(bar.getX2()).isEqualTo(4.0);
    assertThat(plot.getDomainAxis()).isNotInstanceOf(LogRatioAxis.class);
    assertThat(((NumberAxis) plot.getDomainAxis()).getLowerBound()).isLessThan(-12.0);
    List<ValueMarker> nulls = new ArrayList<>();
    plot.getDomainMarkers(Layer.BACKGROUND).forEach(m -> nulls.add((ValueMarker) m));
    assertThat(nulls).singleElement().extracting(ValueMarker::getValue).isEqualTo(0.0);
  }

  @Test
  void heterogeneityLineFollowsTheMethodsSpec() {
    assertThat(f1().heterogeneity().orElseThrow().text())
        .isEqualTo("Q = 2.68, df = 4, p = 0.613; I² = 0.0%; τ² = 0");
    assertThat(new Heterogeneity(40.2, 9, 0.00001, 77.6, 0.0412).text())
        .isEqualTo("Q = 40.20, df = 9, p < 0.001; I² = 77.6%; τ² = 0.0412");
  }

  @Test
  void logAxisTicksAreRoundRatios() {
    assertThat(LogRatioAxis.tickRatios(Math.log(0.4), Math.log(1.7)))
        .containsExactly(0.4, 0.5, 0.6, 0.8, 1.0, 1.25, 1.5);
    assertThat(LogRatioAxis.tickRatios(Math.log(0.05), Math.log(30)))
        .containsExactly(0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0);
  }

  @Test
  void tableListsStudiesPooledAndPredictionRows() {
    String csv = ForestPlotChart.of("d", differences()).data().toCsv();

    assertThat(csv)
        .isEqualTo(
            "kind,label,detail,estimate,lower,upper,weight_percent,level\n"
                + "study,Leeds,\"n = 1,204\",-4.1,-7.9,-0.3,30,0.95\n"
                + "study,Hull,,1.2,-3.5,5.9,20,0.95\n"
                + "study,Brent,,-6.5,-12,-1,10,0.95\n"
                + "study,Bristol,,-2,-4.6,0.6,40,0.95\n"
                + "pooled,Random effects (DL),,-2.9,-5.2,-0.6,100,0.95\n"
                + "prediction,Random effects (DL),,,-9.8,4,,0.95\n");
  }

  @Test
  void altTextGivesRangePooledEstimateAndHeterogeneity() {
    assertThat(ForestPlotChart.of("f1", f1()).altText())
        .isEqualTo(
            "Forest plot of odds ratio in 5 LAs with 95% confidence intervals on a log scale:"
                + " estimates range from 0.58 (Lincolnshire) to 1.31 (Hull); 4 of 5 intervals"
                + " include 1 (no effect). Random effects (DL) pooled estimate 0.71 (95% CI 0.56"
                + " to 0.89), prediction interval 0.56 to 0.89. Fixed effect pooled estimate 0.71"
                + " (95% CI 0.56 to 0.89). Heterogeneity: Q = 2.68, df = 4, p = 0.613; I² = 0.0%;"
                + " τ² = 0.");
  }

  @Test
  void altTextKeepsAcronymsInTheMeasure() {
    ForestPlotData data = differences();
    ForestPlotData icpc =
        new ForestPlotData(
            data.title(),
            "ICPC rate difference",
            data.scale(),
            data.level(),
            data.rows(),
            data.summaries(),
            data.heterogeneity());

    assertThat(ForestPlotChart.of("d", icpc).altText())
        .startsWith("Forest plot of ICPC rate difference in 4 LAs");
  }

  @Test
  void rendersPngAndSvgWithRowLabelsAndHeterogeneity() {
    for (Chart chart :
        List.of(
            ForestPlotChart.of("forest-ratio", f1()),
            ForestPlotChart.of("forest-difference", differences()))) {
      ChartFiles files = Rendered.write(chart);

      Rendered.assertPngLooksDrawn(files);
      String text = Rendered.svgText(Rendered.assertSvgParses(files));
      assertThat(text).contains(chart.title()).contains("Heterogeneity: Q = ").contains("Bristol");
      assertThat(Rendered.read(files.altText())).startsWith("Forest plot of ");
    }
  }

  @Test
  void sameInputGivesByteIdenticalSvgAndCsv() {
    assertThat(Rendered.svg(ForestPlotChart.of("f", f1())))
        .isEqualTo(Rendered.svg(ForestPlotChart.of("f", f1())));
    assertThat(ForestPlotChart.of("f", f1()).data().toCsv())
        .isEqualTo(ForestPlotChart.of("f", f1()).data().toCsv());
  }

  @Test
  void rejectsBadRows() {
    assertThatThrownBy(() -> ForestRow.of("Leeds", Double.NaN, 0.5, 1.5, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw forest plot: estimate of row 'Leeds' must be finite: NaN");
    assertThatThrownBy(() -> ForestRow.of("Leeds", 1.0, 1.2, 0.8, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw forest plot: interval of row 'Leeds' lower limit must be <= upper limit:"
                + " 1.2 > 0.8");
    assertThatThrownBy(() -> ForestRow.of("Leeds", 1.0, 0.8, 1.2, 120))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw forest plot: weight of row 'Leeds' must be a percentage in [0, 100]: 120.0");
  }

  @Test
  void rejectsNoRowsAndNonPositiveRatios() {
    assertThatThrownBy(
            () ->
                new ForestPlotData(
                    "t", "OR", EffectScale.RATIO, 0.95, List.of(), List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw forest plot: rows must not be empty");
    assertThatThrownBy(
            () ->
                new ForestPlotData(
                    "t",
                    "OR",
                    EffectScale.RATIO,
                    0.95,
                    List.of(ForestRow.of("Hull", 0.5, -0.1, 1.1, 100)),
                    List.of(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw forest plot: ratio lower limit of row 'Hull' must be finite and > 0: -0.1");
  }
}
