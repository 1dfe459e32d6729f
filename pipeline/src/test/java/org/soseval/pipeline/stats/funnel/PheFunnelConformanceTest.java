package org.soseval.pipeline.stats.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.soseval.pipeline.stats.PheTestData.number;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.PheTestData;

/**
 * Every row of the PHEindicatormethods 2.1.0 funnel test files (limits and significance labels for
 * proportions, ratios and rates), called as the package's tests/testthat/testFunnels.R calls them.
 *
 * <p>Tolerances: the files print 7-10 significant figures, so limits are compared at 1e-6 relative;
 * exact-Poisson limits at one event at 1e-4 (the package's bisection differs from the closed form
 * by up to 5e-5 there; PROVENANCE.md). Axis values and labels must match exactly.
 */
class PheFunnelConformanceTest {
  private static final double TOLERANCE = 1e-6;
  private static final double ONE_EVENT_TOLERANCE = 1e-4;

  @Test
  void proportionLimitsMatchEveryRowOfTestdataFunnelPropOutputs() {
    List<CSVRecord> inputs = PheTestData.read("testdata_funnel_prop_inputs.csv");
    FunnelLimits limits =
        PheFunnels.proportionLimits(
            column(inputs, "numerator"), column(inputs, "denominator"), 100);
    assertProportionLimits(limits, PheTestData.read("testdata_funnel_prop_outputs.csv"));
  }

  @Test
  void proportionLimitsMatchEveryRowWithAxisVariation() {
    // testFunnels.R: filter(denominator < 31000)
    List<CSVRecord> inputs =
        filter(
            PheTestData.read("testdata_funnel_prop_inputs.csv"),
            row -> number(row.get("denominator")) < 31000);
    FunnelLimits limits =
        PheFunnels.proportionLimits(
            column(inputs, "numerator"), column(inputs, "denominator"), 100);
    assertProportionLimits(
        limits, PheTestData.read("testdata_funnel_prop_outputs_with_axis_variation.csv"));
    assertThat(limits.points().get(1).axis()).isEqualTo(10121);
  }

  @Test
  void proportionSignificanceMatchesEveryLabelOfTestdataFunnelPropInputs() {
    List<CSVRecord> inputs = PheTestData.read("testdata_funnel_prop_inputs.csv");
    List<FunnelSignificance> labels =
        PheFunnels.proportionSignificance(
            column(inputs, "numerator"), column(inputs, "denominator"));
    assertLabels(labels, inputs, "significance");
    assertThat(inputs).hasSize(303);
  }

  @Test
  void ratioLimitsMatchEveryRowOfTestdataFunnelRatioOutputsForCountAndIsr() {
    List<CSVRecord> inputs = PheTestData.read("testdata_funnel_ratio_inputs.csv");
    List<CSVRecord> outputs = PheTestData.read("testdata_funnel_ratio_outputs.csv");
    FunnelLimits count =
        PheFunnels.ratioLimits(column(inputs, "obs"), column(inputs, "expected"), RatioType.COUNT);
    FunnelLimits isr =
        PheFunnels.ratioLimits(column(inputs, "obs"), column(inputs, "expected"), RatioType.ISR);
    assertThat(count.statistic()).isEqualTo("ratio (count)");
    assertThat(isr.statistic()).isEqualTo("ratio (isr)");
    assertThat(count.method()).isEqualTo("Poisson");
    assertThat(outputs).hasSize(100);
    assertThat(count.points()).hasSize(outputs.size());
    for (int i = 0; i < outputs.size(); i++) {
      CSVRecord row = outputs.get(i);
      FunnelPoint c = count.points().get(i);
      FunnelPoint r = isr.points().get(i);
      // columns by position: the first header cell holds a line break. Count limits (O/E - 1)
      // are compared as O/E: near 0 the subtraction would magnify the package's bisection error
      assertThat(c.axis()).as("row %d observed events", i + 1).isEqualTo(number(row.get(0)));
      double tolerance = c.axis() == 1 ? ONE_EVENT_TOLERANCE : TOLERANCE;
      String where = "row " + (i + 1) + " O=" + c.axis();
      assertClose(where + " lower 2s E", c.lower95Precision(), number(row.get(1)), tolerance);
      assertClose(
          where + " lower 2s count + 1", c.lower95() + 1, number(row.get(2)) + 1, tolerance);
      assertClose(where + " lower 2s isr", r.lower95(), number(row.get(3)), tolerance);
      assertClose(where + " upper 2s E", c.upper95Precision(), number(row.get(4)), tolerance);
      assertClose(
          where + " upper 2s count + 1", c.upper95() + 1, number(row.get(5)) + 1, tolerance);
      assertClose(where + " upper 2s isr", r.upper95(), number(row.get(6)), tolerance);
      assertClose(where + " lower 3s E", c.lower998Precision(), number(row.get(7)), tolerance);
      assertClose(
          where + " lower 3s count + 1", c.lower998() + 1, number(row.get(8)) + 1, tolerance);
      assertClose(where + " lower 3s isr", r.lower998(), number(row.get(9)), tolerance);
      assertClose(where + " upper 3s E", c.upper998Precision(), number(row.get(10)), tolerance);
      assertClose(
          where + " upper 3s count + 1", c.upper998() + 1, number(row.get(11)) + 1, tolerance);
      assertClose(where + " upper 3s isr", r.upper998(), number(row.get(12)), tolerance);
    }
  }

  @Test
  void ratioSignificanceMatchesEveryLabelOfTestdataFunnelRatioInputs() {
    List<CSVRecord> inputs = PheTestData.read("testdata_funnel_ratio_inputs.csv");
    List<FunnelSignificance> labels =
        PheFunnels.ratioSignificance(column(inputs, "obs"), column(inputs, "expected"));
    assertLabels(labels, inputs, "significance");
    assertThat(inputs).hasSize(300);
  }

  @Test
  void dsrRateLimitsMatchEveryRowOfTestdataFunnelRateOutputs() {
    List<CSVRecord> inputs = PheTestData.read("testdata_funnel_rate_input_funnels.csv");
    // testFunnels.R: calculate_funnel_limits(ev, rate, multiplier 1e5, dsr, years_of_data 3)
    FunnelLimits limits =
        PheFunnels.rateLimits(column(inputs, "ev"), column(inputs, "rate"), RateType.DSR, 1e5, 3);
    assertRateLimits(limits, PheTestData.read("testdata_funnel_rate_outputs.csv"));
  }

  @Test
  void crudeRateLimitsMatchEveryRowOfTestdataFunnelRateOutputs2() {
    List<CSVRecord> inputs = PheTestData.read("testdata_funnel_rate_input_funnels.csv");
    double[] events = column(inputs, "ev");
    double maxEvents = max(events);
    // testFunnels.R: ev == max(ev) -> 5, then crude, no denominator
    for (int i = 0; i < events.length; i++) {
      events[i] = events[i] == maxEvents ? 5 : events[i];
    }
    FunnelLimits limits =
        PheFunnels.rateLimits(events, column(inputs, "rate"), RateType.CRUDE, 1e5, 3);
    assertRateLimits(limits, PheTestData.read("testdata_funnel_rate_outputs_2.csv"));
  }

  @Test
  void crudeRateLimitsWithZeroEventsMatchEveryRowOfTestdataFunnelRateOutputs3() {
    List<CSVRecord> inputs = PheTestData.read("testdata_funnel_rate_input_funnels.csv");
    double[] events = column(inputs, "ev");
    double[] rates = column(inputs, "rate");
    double maxEvents = max(events);
    double[] populations = new double[events.length];
    for (int i = 0; i < events.length; i++) {
      populations[i] = 1e5 * events[i] / rates[i];
    }
    double maxPopulation = max(populations);
    // testFunnels.R: pop = 1e5 ev / rate; the unit with most events gets ev = rate = 0;
    // keep units with pop > max(pop) / 2
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      if (populations[i] > maxPopulation / 2) {
        boolean zeroed = events[i] == maxEvents;
        kept.add(new double[] {zeroed ? 0 : events[i], zeroed ? 0 : rates[i], populations[i]});
      }
    }
    FunnelLimits limits =
        PheFunnels.rateLimits(
            kept.stream().mapToDouble(k -> k[0]).toArray(),
            kept.stream().mapToDouble(k -> k[1]).toArray(),
            kept.stream().mapToDouble(k -> k[2]).toArray(),
            RateType.CRUDE,
            1e5,
            3);
    assertThat(kept.stream().filter(k -> k[0] == 0)).hasSize(1);
    assertRateLimits(limits, PheTestData.read("testdata_funnel_rate_outputs_3.csv"));
  }

  @Test
  void rateSignificanceMatchesEveryLabelOfTestdataFunnelRateDsrInputs() {
    List<CSVRecord> all = PheTestData.read("testdata_funnel_rate_dsr_inputs.csv");
    List<CSVRecord> nonZero = filter(all, row -> number(row.get("count")) != 0);
    int labels = 0;
    for (boolean withZero : new boolean[] {true, false}) {
      List<CSVRecord> rows = withZero ? all : nonZero;
      String suffix = withZero ? "_with_0" : "_without_0";
      labels += assertRateLabels(rows, "rate_dsr", RateType.DSR, 1e5, "dsr_per_100000" + suffix);
      // the dsr per 100 columns pass the per-100,000 DSR with multiplier 100, as testFunnels.R
      labels += assertRateLabels(rows, "rate_dsr", RateType.DSR, 100, "dsr_per_100" + suffix);
      labels +=
          assertRateLabels(
              rows, "rate_crude_per_100000", RateType.CRUDE, 1e5, "crude_per_100000" + suffix);
      labels +=
          assertRateLabels(
              rows, "rate_crude_per_100", RateType.CRUDE, 100, "crude_per_100" + suffix);
    }
    assertThat(labels).isEqualTo(4 * all.size() + 4 * nonZero.size()).isEqualTo(316);
  }

  private static int assertRateLabels(
      List<CSVRecord> rows, String rateColumn, RateType type, double multiplier, String expected) {
    List<FunnelSignificance> labels =
        PheFunnels.rateSignificance(
            column(rows, "count"), column(rows, rateColumn), column(rows, "pop"), type, multiplier);
    assertLabels(labels, rows, expected);
    return labels.size();
  }

  private static void assertProportionLimits(FunnelLimits limits, List<CSVRecord> outputs) {
    assertThat(limits.statistic()).isEqualTo("proportion");
    assertThat(limits.method()).isEqualTo("Wilson");
    assertThat(outputs).hasSize(100);
    assertThat(limits.points()).hasSize(100);
    for (int i = 0; i < outputs.size(); i++) {
      CSVRecord row = outputs.get(i);
      FunnelPoint point = limits.points().get(i);
      String where = "row " + (i + 1) + " N=" + row.get("Population");
      assertThat(point.axis()).as(where).isEqualTo(number(row.get("Population")));
      assertClose(where + " lower 2s", point.lower95(), number(row.get(1)), TOLERANCE);
      assertClose(where + " upper 2s", point.upper95(), number(row.get(2)), TOLERANCE);
      assertClose(where + " lower 3s", point.lower998(), number(row.get(3)), TOLERANCE);
      assertClose(where + " upper 3s", point.upper998(), number(row.get(4)), TOLERANCE);
      assertClose(where + " baseline", limits.baseline(), number(row.get(5)), TOLERANCE);
    }
  }

  private static void assertRateLimits(FunnelLimits limits, List<CSVRecord> outputs) {
    assertThat(outputs).hasSize(100);
    assertThat(limits.points()).hasSize(100);
    assertThat(limits.method()).isEqualTo(outputs.get(0).get("method"));
    assertThat(limits.statistic()).isEqualTo(outputs.get(0).get("statistic"));
    for (int i = 0; i < outputs.size(); i++) {
      CSVRecord row = outputs.get(i);
      FunnelPoint point = limits.points().get(i);
      String where = "row " + (i + 1) + " events=" + row.get("Events");
      assertThat(point.axis()).as(where).isEqualTo(number(row.get("Events")));
      double tolerance = point.axis() == 1 ? ONE_EVENT_TOLERANCE : TOLERANCE;
      assertClose(
          where + " lower 2s pop",
          point.lower95Precision(),
          number(row.get("lower_2s_population_1_year")),
          tolerance);
      assertClose(
          where + " lower 2s", point.lower95(), number(row.get("lower_2s_limit")), tolerance);
      assertClose(
          where + " upper 2s pop",
          point.upper95Precision(),
          number(row.get("upper_2s_population_1_year")),
          tolerance);
      assertClose(
          where + " upper 2s", point.upper95(), number(row.get("upper_2s_limit")), tolerance);
      assertClose(
          where + " lower 3s pop",
          point.lower998Precision(),
          number(row.get("lower_3s_population_1_year")),
          tolerance);
      assertClose(
          where + " lower 3s", point.lower998(), number(row.get("lower_3s_limit")), tolerance);
      assertClose(
          where + " upper 3s pop",
          point.upper998Precision(),
          number(row.get("upper_3s_population_1_year")),
          tolerance);
      assertClose(
          where + " upper 3s", point.upper998(), number(row.get("upper_3s_limit")), tolerance);
      assertClose(where + " baseline", limits.baseline(), number(row.get("baseline")), TOLERANCE);
    }
  }

  private static void assertLabels(
      List<FunnelSignificance> labels, List<CSVRecord> rows, String column) {
    assertThat(labels).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(labels.get(i).label())
          .as("%s row %d %s", column, i + 1, rows.get(i).toList())
          .isEqualTo(rows.get(i).get(column));
    }
  }

  private static List<CSVRecord> filter(List<CSVRecord> rows, Predicate<CSVRecord> keep) {
    return rows.stream().filter(keep).toList();
  }

  private static double[] column(List<CSVRecord> rows, String name) {
    return rows.stream().mapToDouble(row -> number(row.get(name))).toArray();
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max;
  }
}
