package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class OutcomeOverTimeChartTest {

  /** Ten pilots and twenty comparators, 2012-13 to 2019-20, go-live 2014-15. */
  static OutcomeOverTimeData icpcExample() {
    List<OutcomeSeries> series = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      List<YearValue> values = new ArrayList<>();
      for (int year = 2012; year <= 2019; year++) {
        double drop = year >= 2015 ? 4.0 : 0.0;
        values.add(YearValue.of(year, 46 + 3 * Math.sin(p + year) + 0.4 * (year - 2012) - drop));
      }
      series.add(OutcomeSeries.of("Pilot " + (char) ('A' + p), SeriesRole.PILOT, 1, values));
    }
    series.add(
        OutcomeSeries.of(
            "Pilots (mean)",
            SeriesRole.PILOT_MEAN,
            10,
            values(2012, 46.1, 46.4, 46.9, 43.3, 43.9, 44.2, 44.8, 45.0)));
    series.add(
        OutcomeSeries.of(
            "Comparators (mean)",
            SeriesRole.COMPARATOR_MEAN,
            20,
            values(2012, 47.0, 47.5, 47.9, 48.4, 48.8, 49.0, 49.6, 50.1)));
    series.add(
        OutcomeSeries.of(
            "England",
            SeriesRole.ENGLAND,
            1,
            values(2012, 43.1, 44.0, 44.9, 45.3, 45.9, 46.2, 46.7, 47.2)));
    return new OutcomeOverTimeData(
        "Initial child protection conferences, pilots and comparators",
        "ICPC rate per 10,000 children",
        YearFormat.FINANCIAL,
        series,
        Optional.of(ImplementationPeriod.of(2014)),
        false,
        Optional.of("Source: synthetic demonstration data (sos-eval generate)."));
  }

  static List<YearValue> values(int firstYear, double... values) {
    List<YearValue> list = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      list.add(YearValue.of(firstYear + i, values[i]));
    }
    return list;
  }

  @Test
  void plotsEachSeriesWithIndividualLasBehindTheMeans() {
    Chart chart = OutcomeOverTimeChart.of("icpc-over-time", icpcExample());
    XYPlot plot = chart.chart().getXYPlot();
    XYDataset dataset = plot.getDataset();

    assertThat(dataset.getSeriesCount()).isEqualTo(13);
    assertThat(dataset.getSeriesKey(0)).isEqualTo("Pilot A");
    assertThat(dataset.getSeriesKey(10)).isEqualTo("Pilots (mean)");
    assertThat(dataset.getSeriesKey(12)).isEqualTo("England");
    assertThat(dataset.getItemCount(10)).isEqualTo(8);
    assertThat(dataset.getXValue(10, 3)).isEqualTo(2015.0);
    assertThat(dataset.getYValue(10, 3)).isEqualTo(43.3);
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    assertThat(renderer.getSeriesPaint(10)).isEqualTo(ChartStyle.VERMILLION);
    assertThat(renderer.getSeriesPaint(11)).isEqualTo(ChartStyle.BLUE);
    assertThat(renderer.getSeriesPaint(12)).isEqualTo(ChartStyle.BLACK);
    assertThat(((Color) renderer.getSeriesPaint(0)).getAlpha()).isLessThan(255);
    assertThat(plot.getLegendItems().getItemCount()).isEqualTo(5);
    assertThat(plot.getLegendItems().get(0).getLabel()).isEqualTo("Pilot LAs (each, 10)");
  }

  @Test
  void valueAxisIsFittedToTheDataNotForcedToZero() {
    XYPlot plot = OutcomeOverTimeChart.of("icpc", icpcExample()).chart().getXYPlot();
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();

    assertThat(axis.getAutoRangeIncludesZero()).isFalse();
    assertThat(axis.getLowerBound()).isGreaterThan(30.0);
    assertThat(plot.getDomainAxis().getLowerBound()).isEqualTo(2011.5);
    assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(2019.5);
  }

  @Test
  void valueAxisStartsAtZeroWhenAsked() {
    OutcomeOverTimeData example = icpcExample();
    OutcomeOverTimeData fromZero =
        new OutcomeOverTimeData(
            example.title(),
            example.indicator(),
            example.years(),
            example.series(),
            example.implementation(),
            true,
            Optional.empty());
    NumberAxis axis =
        (NumberAxis) OutcomeOverTimeChart.of("z", fromZero).chart().getXYPlot().getRangeAxis();

    assertThat(axis.getLowerBound()).isEqualTo(0.0);
  }

  @Test
  void marksGoLiveAtTheStartOfTheImplementationYearAndShadesIt() {
    XYPlot plot = OutcomeOverTimeChart.of("icpc", icpcExample()).chart().getXYPlot();

    List<Marker> background = new ArrayList<>(plot.getDomainMarkers(Layer.BACKGROUND));
    List<Marker> foreground = new ArrayList<>(plot.getDomainMarkers(Layer.FOREGROUND));
    assertThat(background).singleElement().isInstanceOf(IntervalMarker.class);
    IntervalMarker shade = (IntervalMarker) background.get(0);
    assertThat(shade.getStartValue()).isEqualTo(2013.5);
    assertThat(shade.getEndValue()).isEqualTo(2014.5);
    assertThat(foreground).singleElement().isInstanceOf(ValueMarker.class);
    assertThat(((ValueMarker) foreground.get(0)).getValue()).isEqualTo(2013.5);
    assertThat(foreground.get(0).getLabel()).isEqualTo("Go-live");
  }

  @Test
  void oneYearIsDrawnAsPointsNotLines() {
    OutcomeOverTimeData oneYear =
        OutcomeOverTimeData.of(
            "ICPC rate, 2019-20",
            "ICPC rate per 10,000 children",
            List.of(
                OutcomeSeries.of("Pilots (mean)", SeriesRole.PILOT_MEAN, 10, values(2019, 45.0)),
                OutcomeSeries.of("Pilot A", SeriesRole.PILOT, 1, values(2019, 41.0)),
                OutcomeSeries.of("England", SeriesRole.ENGLAND, 1, values(2019, 47.2))),
            Optional.empty());
    Chart chart = OutcomeOverTimeChart.of("one-year", oneYear);
    XYLineAndShapeRenderer renderer =
        (XYLineAndShapeRenderer) chart.chart().getXYPlot().getRenderer();

    for (int series = 0; series < 3; series++) {
      assertThat(renderer.getSeriesLinesVisible(series)).as("lines of %d", series).isFalse();
      assertThat(renderer.getSeriesShapesVisible(series)).as("shapes of %d", series).isTrue();
    }
    assertThat(chart.altText()).contains("2019-20 (one year, shown as points)");
    Rendered.assertPngLooksDrawn(Rendered.write(chart));
  }

  @Test
  void aYearWithoutAValueBreaksTheLineInsteadOfBridgingIt() {
    List<YearValue> withGap = new ArrayList<>(values(2011, 46.9, 45.7, 59.0));
    withGap.addAll(values(2015, 46.5, 52.2));
    Chart chart =
        OutcomeOverTimeChart.of(
            "gap",
            OutcomeOverTimeData.of(
                "ICPC rate",
                "ICPC rate per 10,000 children",
                List.of(
                    OutcomeSeries.of("Pilots (mean)", SeriesRole.PILOT_MEAN, 10, withGap),
                    OutcomeSeries.of("Pilot A", SeriesRole.PILOT, 1, withGap),
                    OutcomeSeries.of(
                        "Comparators (mean)",
                        SeriesRole.COMPARATOR_MEAN,
                        20,
                        values(2011, 48.6, 49.2, 54.5, 57.2, 61.0, 64.2))),
                Optional.of(ImplementationPeriod.of(2014))));
    XYPlot plot = chart.chart().getXYPlot();
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    XYSeriesCollection dataset = (XYSeriesCollection) plot.getDataset();
    XYSeries pilots = dataset.getSeries("Pilots (mean)");
    // the missing year is an empty value, which the renderer draws as a break in the line
    assertThat(pilots.getItemCount()).isEqualTo(6);
    assertThat(pilots.getY(pilots.indexOf(2014))).isNull();
    assertThat(dataset.getSeries("Comparators (mean)").getItemCount()).isEqualTo(6);
    // an individual LA with a gap shows its markers, so that a year on its own stays visible
    int pilotA = dataset.indexOf("Pilot A");
    assertThat(renderer.getSeriesShapesVisible(pilotA)).isTrue();
    // the table and alt text have the published years only
    assertThat(chart.data().toCsv()).doesNotContain("Pilots (mean),pilot_mean,10,2014,");
    Rendered.assertPngLooksDrawn(Rendered.write(chart));
  }

  @Test
  void anIndicatorLabelTooLongForThePlotLeavesTheValueAxisItsUnit() {
    String percentage = "Percentage of referrals within 12 months of a previous referral";
    String rate = "Child protection plans at 31 March per 10,000 children aged 0-17";
    for (String indicator : List.of(percentage, rate)) {
      OutcomeOverTimeData data =
          OutcomeOverTimeData.of(
              indicator,
              indicator,
              List.of(
                  OutcomeSeries.of(
                      "Pilots (mean)", SeriesRole.PILOT_MEAN, 10, values(2012, 21.5, 22.3))),
              Optional.empty());
      String label =
          OutcomeOverTimeChart.of("long", data).chart().getXYPlot().getRangeAxis().getLabel();
      assertThat(label)
          .isEqualTo(indicator.equals(rate) ? "Per 10,000 children aged 0-17" : "Percent");
      assertThat(ChartStyle.fits(label, ChartStyle.VERTICAL_LABEL_ROOM)).isTrue();
    }
    // a label that fits is kept whole
    assertThat(
            OutcomeOverTimeChart.of("icpc", icpcExample())
                .chart()
                .getXYPlot()
                .getRangeAxis()
                .getLabel())
        .isEqualTo("ICPC rate per 10,000 children");
  }

  @Test
  void tableHasOneRowPerSeriesAndYear() {
    Chart chart = OutcomeOverTimeChart.of("icpc", icpcExample());

    assertThat(chart.data().rows()).hasSize(13 * 8);
    String csv = chart.data().toCsv();
    assertThat(csv).startsWith("series,role,areas,year,time_period,value\n");
    assertThat(csv).contains("Pilots (mean),pilot_mean,10,2015,2015-16,43.3\n");
    assertThat(csv).contains("England,england,1,2019,2019-20,47.2\n");
  }

  @Test
  void altTextSaysWhatIsComparedWhenAndTheLatestValues() {
    String alt = OutcomeOverTimeChart.of("icpc", icpcExample()).altText();

    assertThat(alt)
        .isEqualTo(
            "ICPC rate per 10,000 children for 10 pilot LAs, Pilots (mean) (10 LAs),"
                + " Comparators (mean) (20 LAs) and England, 2012-13 to 2019-20; pilots went live"
                + " in 2014-15 (go-live line; implementation year shaded). In 2019-20: Pilots"
                + " (mean) 45.0, Comparators (mean) 50.1, England 47.2. The value axis does not"
                + " start at zero.");
  }

  @Test
  void rendersLegiblePngAndSvgWithTitleAndData() {
    Chart chart = OutcomeOverTimeChart.of("outcome-over-time", icpcExample());
    ChartFiles files = Rendered.write(chart);

    Rendered.assertPngLooksDrawn(files);
    Document svg = Rendered.assertSvgParses(files);
    assertThat(Rendered.svgText(svg))
        .contains("Initial child protection conferences, pilots and comparators")
        .contains("2014-15")
        .contains("Go-live");
    assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(chart.title());
    assertThat(Rendered.read(files.csv())).isEqualTo(chart.data().toCsv());
    assertThat(Rendered.read(files.altText())).isEqualTo(chart.altText() + "\n");
    assertThat(files.png().getFileName()).hasToString("outcome-over-time.png");
  }

  @Test
  void sameInputGivesByteIdenticalSvgAndCsv() {
    Chart first = OutcomeOverTimeChart.of("icpc", icpcExample());
    Chart second = OutcomeOverTimeChart.of("icpc", icpcExample());

    assertThat(Rendered.svg(second)).isEqualTo(Rendered.svg(first));
    assertThat(second.data().toCsv()).isEqualTo(first.data().toCsv());
    assertThat(second.altText()).isEqualTo(first.altText());
  }

  @Test
  void rejectsEmptySeries() {
    assertThatThrownBy(() -> OutcomeSeries.of("Pilots", SeriesRole.PILOT_MEAN, 10, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw outcome over time: series 'Pilots' values must not be empty");
    assertThatThrownBy(() -> OutcomeOverTimeData.of("t", "indicator", List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw outcome over time: series must not be empty");
  }

  @Test
  void rejectsNaNValueNamingSeriesAndYear() {
    assertThatThrownBy(
            () ->
                OutcomeSeries.of("England", SeriesRole.ENGLAND, 1, values(2012, 43.1, Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw outcome over time: series 'England' value in 2013 must be finite: NaN");
  }

  @Test
  void rejectsTwoValuesForOneYear() {
    assertThatThrownBy(
            () ->
                OutcomeSeries.of(
                    "England",
                    SeriesRole.ENGLAND,
                    1,
                    List.of(YearValue.of(2012, 1), YearValue.of(2012, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw outcome over time: series 'England' has two values for 2012");
  }

  @Test
  void rejectsImplementationEndingBeforeItStarts() {
    assertThatThrownBy(() -> new ImplementationPeriod(2015, 2014))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw implementation period: lastYear must be >= firstYear: 2014 < 2015");
  }
}
