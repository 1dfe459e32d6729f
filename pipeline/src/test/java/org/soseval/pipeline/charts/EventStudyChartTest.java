package org.soseval.pipeline.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.regression.Coefficient;
import org.soseval.pipeline.stats.regression.CovarianceType;
import org.soseval.pipeline.stats.regression.EventStudyResult;
import org.soseval.pipeline.stats.regression.EventTerm;

class EventStudyChartTest {

  static EventStudyData example() {
    return new EventStudyData(
        "Event study: ICPC rate, pilots against comparators",
        "ICPC rate per 10,000 children",
        List.of(
            EventStudyPoint.of(-4, 0.6, -1.4, 2.6),
            EventStudyPoint.of(-3, -0.3, -2.1, 1.5),
            EventStudyPoint.of(-2, 0.2, -1.5, 1.9),
            EventStudyPoint.of(0, -1.1, -2.9, 0.7),
            EventStudyPoint.of(1, -4.2, -6.3, -2.1),
            EventStudyPoint.of(2, -4.9, -7.2, -2.6),
            EventStudyPoint.of(3, -4.4, -7.0, -1.8)),
        -1,
        0.95,
        "year");
  }

  @Test
  void splitsEstimatesBeforeAndFromGoLiveWithIntervals() {
    XYPlot plot = EventStudyChart.of("es", example()).chart().getXYPlot();
    IntervalXYDataset dataset = (IntervalXYDataset) plot.getDataset();

    assertThat(dataset.getSeriesCount()).isEqualTo(3);
    assertThat(dataset.getSeriesKey(0)).isEqualTo("Before go-live");
    assertThat(dataset.getItemCount(0)).isEqualTo(3);
    assertThat(dataset.getItemCount(1)).isEqualTo(4);
    assertThat(dataset.getXValue(1, 1)).isEqualTo(1.0);
    assertThat(dataset.getYValue(1, 1)).isEqualTo(-4.2);
    assertThat(dataset.getStartYValue(1, 1)).isEqualTo(-6.3);
    assertThat(dataset.getEndYValue(1, 1)).isEqualTo(-2.1);
    XYErrorRenderer renderer = (XYErrorRenderer) plot.getRenderer();
    assertThat(renderer.getDrawYError()).isTrue();
    assertThat(renderer.getDefaultLinesVisible()).isFalse();
  }

  @Test
  void marksTheReferencePeriodAtZeroAndDrawsZeroAndGoLiveLines() {
    XYPlot plot = EventStudyChart.of("es", example()).chart().getXYPlot();
    IntervalXYDataset dataset = (IntervalXYDataset) plot.getDataset();

    assertThat(dataset.getSeriesKey(2)).isEqualTo("Reference period (fixed at 0)");
    assertThat(dataset.getXValue(2, 0)).isEqualTo(-1.0);
    assertThat(dataset.getYValue(2, 0)).isEqualTo(0.0);
    List<Marker> range = new ArrayList<>(plot.getRangeMarkers(Layer.BACKGROUND));
    assertThat(range).singleElement().extracting(m -> ((ValueMarker) m).getValue()).isEqualTo(0.0);
    List<Marker> domain = new ArrayList<>(plot.getDomainMarkers(Layer.BACKGROUND));
    assertThat(domain)
        .singleElement()
        .extracting(m -> ((ValueMarker) m).getValue())
        .isEqualTo(-0.5);
    assertThat(plot.getAnnotations()).hasSize(1);
    assertThat(plot.getDomainAxis().getLowerBound()).isEqualTo(-4.5);
    assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(3.5);
    assertThat(((NumberAxis) plot.getRangeAxis()).getAutoRangeIncludesZero()).isTrue();
  }

  @Test
  void buildsFromAnEventStudyFitWithClusterRobustIntervals() {
    List<EventTerm> terms = new ArrayList<>();
    for (int k : new int[] {-3, -2, 0, 1}) {
      Coefficient conventional =
          Coefficient.of("event" + k, k * 0.5, 0.2, 100, CovarianceType.CONVENTIONAL, 0.95);
      Coefficient robust = Coefficient.of("event" + k, k * 0.5, 0.4, 9, CovarianceType.CR1, 0.95);
      terms.add(new EventTerm(k, conventional, robust));
    }
    EventStudyResult result = new EventStudyResult(-1, terms, 10, 4, 80, 20);

    EventStudyData data = EventStudyData.from("t", "Outcome", result, 0.95, true);

    assertThat(data.referenceTime()).isEqualTo(-1);
    assertThat(data.points()).hasSize(4);
    EventStudyPoint one = data.points().get(3);
    assertThat(one.relativeTime()).isEqualTo(1);
    assertThat(one.lower()).isEqualTo(terms.get(3).clusterRobust().interval(0.95).lower());
    assertThat(one.upper()).isGreaterThan(terms.get(3).conventional().interval(0.95).upper());
  }

  @Test
  void tableHasOneRowPerPeriodIncludingTheReference() {
    String csv = EventStudyChart.of("es", example()).data().toCsv();

    assertThat(csv)
        .isEqualTo(
            "relative_time,estimate,lower,upper,level,period\n"
                + "-4,0.6,-1.4,2.6,0.95,before\n"
                + "-3,-0.3,-2.1,1.5,0.95,before\n"
                + "-2,0.2,-1.5,1.9,0.95,before\n"
                + "-1,0,,,0.95,reference\n"
                + "0,-1.1,-2.9,0.7,0.95,after\n"
                + "1,-4.2,-6.3,-2.1,0.95,after\n"
                + "2,-4.9,-7.2,-2.6,0.95,after\n"
                + "3,-4.4,-7,-1.8,0.95,after\n");
  }

  @Test
  void altTextSummarisesPreTrendsAndEffects() {
    assertThat(EventStudyChart.of("es", example()).altText())
        .isEqualTo(
            "Event study of ICPC rate per 10,000 children: estimates with 95% confidence"
                + " intervals for years -4 to +3 relative to go-live, each compared with year -1"
                + " (fixed at 0). Before go-live, 0 of 3 intervals exclude zero. From go-live,"
                + " estimates range from -4.90 to -1.10 and 3 of 4 intervals exclude zero.");
  }

  @Test
  void aValueLabelTooLongForThePlotKeepsOnlyItsUnit() {
    assertThat(EventStudyChart.valueLabel("ICPC rate per 10,000 children"))
        .isEqualTo("Difference in ICPC rate per 10,000 children");
    assertThat(
            EventStudyChart.valueLabel("Initial child protection conferences per 10,000 children"))
        .isEqualTo("Difference (per 10,000 children)");
    assertThat(
            EventStudyChart.valueLabel(
                "Percentage of referrals within 12 months of a previous referral"))
        .isEqualTo("Difference (percentage points)");
    String noUnit = "Children in need at 31 March with a disability recorded in the census";
    assertThat(EventStudyChart.valueLabel(noUnit))
        .isEqualTo(
            "Difference in "
                + "children in need at 31 March with a disability recorded in the census");
    // the label chosen fits the room beside the plot
    assertThat(
            ChartStyle.fits(
                EventStudyChart.valueLabel(
                    "Initial child protection conferences per 10,000 children"),
                ChartStyle.VERTICAL_LABEL_ROOM))
        .isTrue();
  }

  @Test
  void aYearLeftOutOfTheModelIsSaidToHaveNoEstimate() {
    EventStudyData withoutYearZero =
        new EventStudyData(
            "Event study",
            "ICPC rate per 10,000 children",
            List.of(
                EventStudyPoint.of(-3, -0.3, -2.1, 1.5),
                EventStudyPoint.of(-2, 0.2, -1.5, 1.9),
                EventStudyPoint.of(1, -4.2, -6.3, -2.1),
                EventStudyPoint.of(2, -4.9, -7.2, -2.6)),
            -1,
            0.95,
            "year");
    Chart chart = EventStudyChart.of("es", withoutYearZero);
    String note = "Year 0 has no estimate: it is not in the model.";
    assertThat(chart.altText()).endsWith(" " + note);
    List<String> subtitles = new ArrayList<>();
    for (Object title : chart.chart().getSubtitles()) {
      if (title instanceof TextTitle text) {
        subtitles.add(text.getText());
      }
    }
    assertThat(subtitles).contains(note);
    assertThat(EventStudyChart.missingNote(example())).isEmpty();
    assertThat(EventStudyChart.of("es", example()).altText()).doesNotContain("no estimate");
  }

  @Test
  void rendersPngSvgCsvAndAltText() {
    Chart chart = EventStudyChart.of("event-study", example());
    ChartFiles files = Rendered.write(chart);

    Rendered.assertPngLooksDrawn(files);
    String text = Rendered.svgText(Rendered.assertSvgParses(files));
    assertThat(text)
        .contains("Event study: ICPC rate, pilots against comparators")
        .contains("Reference")
        .contains("+3")
        .contains("Difference in ICPC rate per 10,000 children");
    assertThat(Rendered.read(files.csv())).isEqualTo(chart.data().toCsv());
  }

  @Test
  void sameInputGivesByteIdenticalSvgAndCsv() {
    Chart first = EventStudyChart.of("es", example());
    Chart second = EventStudyChart.of("es", example());

    assertThat(Rendered.svg(second)).isEqualTo(Rendered.svg(first));
    assertThat(second.data().toCsv()).isEqualTo(first.data().toCsv());
  }

  @Test
  void rejectsNaNEstimateAndReversedInterval() {
    assertThatThrownBy(() -> EventStudyPoint.of(2, Double.NaN, -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw event study: estimate at relative time 2 must be finite: NaN");
    assertThatThrownBy(() -> EventStudyPoint.of(2, 0.5, 1.2, 0.8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw event study: interval at relative time 2 lower limit must be <= upper"
                + " limit: 1.2 > 0.8");
  }

  @Test
  void rejectsNoPointsAndAnEstimateForTheReferencePeriod() {
    assertThatThrownBy(() -> new EventStudyData("t", "o", List.of(), -1, 0.95, "year"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot draw event study: points must not be empty");
    assertThatThrownBy(
            () ->
                new EventStudyData(
                    "t", "o", List.of(EventStudyPoint.of(-1, 0, 0, 0)), -1, 0.95, "year"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot draw event study: the reference period -1 is fixed at 0 and must not have an"
                + " estimate");
  }
}
