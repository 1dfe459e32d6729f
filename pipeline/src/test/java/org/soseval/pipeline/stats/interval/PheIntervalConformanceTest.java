package org.soseval.pipeline.stats.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soseval.pipeline.stats.PheTestData.level;
import static org.soseval.pipeline.stats.PheTestData.number;
import static org.soseval.pipeline.stats.RelativeAssert.assertClose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.stats.Estimate;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.PheTestData;

/**
 * Every row of the PHEindicatormethods 2.1.0 test sheets for Wilson, Byars, proportions, crude
 * rates and DSRs (shared/data/reference/phe_indicator_methods/csv_from_xlsx, see PROVENANCE.md).
 * Tolerance: 1e-9 relative (methods.md §9, closed-form results).
 */
class PheIntervalConformanceTest {
  private static final double TOLERANCE = 1e-9;
  private static final String SHEETS = "csv_from_xlsx/";

  @Test
  void byarsAndWilsonMatchEveryRowOfTestdataByarsWilson() {
    List<CSVRecord> rows = PheTestData.read(SHEETS + "testdata_Byars_Wilson__testdata_B_W.csv");
    for (CSVRecord row : rows) {
      double x = number(row.get("x"));
      double confidence = level(row.get("confidence"));
      Interval interval =
          row.get("method").equals("Byars")
              ? PoissonLimits.byars(x, confidence)
              : ProportionIntervals.wilson(x, number(row.get("n")), confidence);
      String where = "row " + row.getRecordNumber() + " " + row.toList();
      assertClose(where + " lower", interval.lower(), number(row.get("lowercl")), TOLERANCE);
      assertClose(where + " upper", interval.upper(), number(row.get("uppercl")), TOLERANCE);
    }
    assertThat(rows).hasSize(13);
  }

  @Test
  void wilsonProportionsMatchEveryRowOfTestdataProp() {
    List<CSVRecord> rows = PheTestData.read(SHEETS + "testdata_Proportion__testdata_Prop.csv");
    int checked = 0;
    for (CSVRecord row : rows) {
      double x = number(row.get("Numerator"));
      double n = number(row.get("Denominator"));
      double multiplier = number(row.get("multiplier"));
      if (Double.isNaN(x) || Double.isNaN(n)) {
        // the package returns NA for a missing numerator or denominator; we refuse NaN
        assertThatThrownBy(() -> ProportionIntervals.wilson95And998(x, n, multiplier))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must be")
            .hasMessageContaining("NaN");
        assertThat(number(row.get("value"))).isNaN();
        continue;
      }
      Estimate estimate = ProportionIntervals.wilson95And998(x, n, multiplier);
      assertMatchesTwoLevels(row, estimate);
      assertThat(estimate.method()).isEqualTo("wilson").isEqualToIgnoringCase(row.get("method"));
      checked++;
    }
    assertThat(checked).isEqualTo(16);
  }

  @Test
  void wilsonProportionsMatchEveryRowOfTestdataPropGrouped() {
    List<CSVRecord> rows = PheTestData.read(SHEETS + "testdata_Proportion__testdata_Prop_g.csv");
    int checked = 0;
    for (CSVRecord row : rows) {
      double x = number(row.get("Numerator"));
      double n = number(row.get("Denominator"));
      double confidence = level(row.get("confidence"));
      double multiplier = number(row.get("multiplier"));
      if (Double.isNaN(x) || Double.isNaN(n)) {
        assertThatThrownBy(() -> ProportionIntervals.wilsonEstimate(x, n, multiplier, confidence))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("NaN");
        continue;
      }
      Estimate estimate = ProportionIntervals.wilsonEstimate(x, n, multiplier, confidence);
      assertMatchesOneLevel(row, estimate, confidence);
      checked++;
    }
    assertThat(checked).isEqualTo(8);
  }

  @Test
  void crudeRatesMatchEveryRowOfTestdataRate() {
    List<CSVRecord> rows = PheTestData.read(SHEETS + "testdata_Rate__testdata_Rate.csv");
    int checked = 0;
    for (CSVRecord row : rows) {
      double x = number(row.get("Numerator"));
      double n = number(row.get("Denominator"));
      double multiplier = number(row.get("multiplier"));
      if (Double.isNaN(x) || Double.isNaN(n)) {
        assertThatThrownBy(() -> RateIntervals.rate95And998(x, n, multiplier))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("NaN");
        continue;
      }
      Estimate estimate = RateIntervals.rate95And998(x, n, multiplier);
      assertMatchesTwoLevels(row, estimate);
      assertThat(estimate.method()).isEqualToIgnoringCase(row.get("method"));
      assertThat(estimate.n()).isEqualTo(x);
      checked++;
    }
    assertThat(checked).isEqualTo(17);
  }

  @Test
  void crudeRatesMatchEveryRowOfTestdataRateGrouped() {
    List<CSVRecord> rows = PheTestData.read(SHEETS + "testdata_Rate__testdata_Rate_g.csv");
    int checked = 0;
    for (CSVRecord row : rows) {
      double x = number(row.get("Numerator"));
      double n = number(row.get("Denominator"));
      double confidence = level(row.get("confidence"));
      double multiplier = number(row.get("multiplier"));
      if (Double.isNaN(x) || Double.isNaN(n)) {
        assertThatThrownBy(() -> RateIntervals.rate(x, n, multiplier, confidence))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("NaN");
        continue;
      }
      Estimate estimate = RateIntervals.rate(x, n, multiplier, confidence);
      assertMatchesOneLevel(row, estimate, confidence);
      assertThat(estimate.method()).isEqualToIgnoringCase(row.get("method"));
      checked++;
    }
    assertThat(checked).isEqualTo(9);
  }

  @Test
  void dsrsMatchEveryRowOfTestresultsDsr() {
    Map<String, double[][]> areas = new LinkedHashMap<>();
    areas.putAll(bands(SHEETS + "testdata_DSR_ISR__testdata_multiarea.csv", "area", "count"));
    List<CSVRecord> results = PheTestData.read(SHEETS + "testdata_DSR_ISR__testresults_DSR.csv");
    List<CSVRecord> nonIndependent =
        PheTestData.read(SHEETS + "testdata_DSR_ISR__testdata_nonindepe.csv");
    List<CSVRecord> esp1976 = PheTestData.read(SHEETS + "testdata_DSR_ISR__testdata_1976.csv");
    for (CSVRecord row : results) {
      String area = row.get("area");
      String statistic = row.get("statistic");
      double multiplier =
          statistic.endsWith("10000") && !statistic.endsWith("100000") ? 10_000 : 100_000;
      Estimate estimate;
      if (area.equals("testdata_1976")) {
        estimate =
            DirectlyStandardisedRates.dobson95And998(
                column(esp1976, "count"),
                column(esp1976, "pop"),
                column(esp1976, "esp1976"),
                multiplier);
      } else if (area.startsWith("testdata_nonind")) {
        estimate = nonIndependent(nonIndependent, area);
      } else {
        double[][] data = areas.get(area);
        estimate =
            DirectlyStandardisedRates.dobson95And998(
                data[0], data[1], DirectlyStandardisedRates.esp2013(), multiplier);
      }
      String where = "row " + row.getRecordNumber() + " " + area + " " + statistic;
      assertThat(estimate.n()).as(where + " total count").isEqualTo(number(row.get("total_count")));
      assertClose(where + " value", estimate.value(), number(row.get("value")), TOLERANCE);
      Interval i95 = estimate.interval(0.95);
      assertClose(where + " lower95", i95.lower(), number(row.get("lower95_0cl")), TOLERANCE);
      assertClose(where + " upper95", i95.upper(), number(row.get("upper95_0cl")), TOLERANCE);
      if (area.equals("testdata_1976")) {
        // The sheet's 99.8% cells for this row are not checked by the package's own test
        // (testpheDSRs.R compares columns 2:6 only) and are not limits of this DSR (they lie far
        // above the value); only value and 95% are compared here.
        assertThat(number(row.get("lower99_8cl"))).isGreaterThan(estimate.value());
        continue;
      }
      Interval i998 = estimate.interval(0.998);
      assertClose(where + " lower99.8", i998.lower(), number(row.get("lower99_8cl")), TOLERANCE);
      assertClose(where + " upper99.8", i998.upper(), number(row.get("upper99_8cl")), TOLERANCE);
    }
    assertThat(results).hasSize(12);
  }

  private static Estimate nonIndependent(List<CSVRecord> rows, String area) {
    List<CSVRecord> bands = new ArrayList<>();
    for (CSVRecord row : rows) {
      if (row.get("area").equals(area)) {
        bands.add(row);
      }
    }
    double[] frequencies = {1, 2, 3, 4};
    double[][] people = new double[4][bands.size()];
    double[] populations = new double[bands.size()];
    for (int i = 0; i < bands.size(); i++) {
      CSVRecord band = bands.get(i);
      populations[i] = number(band.get("pop"));
      for (int f = 0; f < 4; f++) {
        // blank frequency cells are missing counts, which the package treats as 0
        String cell = band.isSet("f" + (f + 1)) ? band.get("f" + (f + 1)) : "";
        double value = number(cell);
        people[f][i] = Double.isNaN(value) ? 0 : value;
      }
    }
    return DirectlyStandardisedRates.dobsonNonIndependent(
        frequencies,
        people,
        populations,
        DirectlyStandardisedRates.esp2013(),
        100_000,
        0.95,
        0.998);
  }

  /** area -> {counts, populations}, in file order. */
  private static Map<String, double[][]> bands(String file, String areaColumn, String count) {
    Map<String, List<CSVRecord>> byArea = new LinkedHashMap<>();
    for (CSVRecord row : PheTestData.read(file)) {
      byArea.computeIfAbsent(row.get(areaColumn), k -> new ArrayList<>()).add(row);
    }
    Map<String, double[][]> result = new LinkedHashMap<>();
    byArea.forEach(
        (area, rows) -> {
          double[] counts = column(rows, count);
          for (int i = 0; i < counts.length; i++) {
            // a blank count (testdata_tiny 10-14) is missing; the package treats it as 0
            counts[i] = Double.isNaN(counts[i]) ? 0 : counts[i];
          }
          result.put(area, new double[][] {counts, column(rows, "pop")});
        });
    return result;
  }

  private static double[] column(List<CSVRecord> rows, String name) {
    return rows.stream().mapToDouble(row -> number(row.get(name))).toArray();
  }

  private static void assertMatchesTwoLevels(CSVRecord row, Estimate estimate) {
    String where = "row " + row.getRecordNumber() + " " + row.get("Area");
    assertClose(where + " value", estimate.value(), number(row.get("value")), TOLERANCE);
    Interval i95 = estimate.interval(0.95);
    Interval i998 = estimate.interval(0.998);
    assertClose(where + " lower95", i95.lower(), number(row.get("lower95_0cl")), TOLERANCE);
    assertClose(where + " upper95", i95.upper(), number(row.get("upper95_0cl")), TOLERANCE);
    assertClose(where + " lower99.8", i998.lower(), number(row.get("lower99_8cl")), TOLERANCE);
    assertClose(where + " upper99.8", i998.upper(), number(row.get("upper99_8cl")), TOLERANCE);
  }

  private static void assertMatchesOneLevel(CSVRecord row, Estimate estimate, double level) {
    String where = "row " + row.getRecordNumber() + " " + row.get("Area");
    assertClose(where + " value", estimate.value(), number(row.get("value")), TOLERANCE);
    Interval interval = estimate.interval(level);
    assertClose(where + " lower", interval.lower(), number(row.get("lowercl")), TOLERANCE);
    assertClose(where + " upper", interval.upper(), number(row.get("uppercl")), TOLERANCE);
  }
}
