package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.publish.EesChecker;

/**
 * Runs whole evaluations on panels whose effect is known by construction: y = LA effect + year
 * effect + delta after go-live + small noise, so every DiD estimator must return about delta.
 */
class EvaluationTest {
  private static final double DELTA = -5.0;
  private static final List<String> PILOTS = List.of("855", "925", "926");
  private static final List<String> COMPARATORS =
      List.of("304", "801", "935", "938", "872", "211", "384", "873", "874");

  @TempDir Path temp;

  /** Writes the panel and a config; pilots go live in reporting years 2015, 2015 and 2016. */
  private Path setUp(boolean exclude, String outcomeColumnValueForSuppressed) throws IOException {
    Random random = new Random(42);
    StringBuilder csv =
        new StringBuilder(
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
                + "region_name,old_la_code,new_la_code,la_name,icpc_rate\n");
    List<String> all = new ArrayList<>(PILOTS);
    all.addAll(COMPARATORS);
    for (int la = 0; la < all.size(); la++) {
      String code = all.get(la);
      int implementation = code.equals("926") ? 2016 : 2015;
      for (int year = 2012; year <= 2019; year++) {
        boolean treated =
            PILOTS.contains(code)
                && (year > implementation || (!exclude && year == implementation));
        double value =
            40
                + 3 * la
                + 2.5 * (year - 2012)
                + (treated ? DELTA : 0)
                + 0.01 * random.nextGaussian();
        String cell =
            code.equals("304") && year == 2013
                ? outcomeColumnValueForSuppressed
                : Double.toString(value);
        csv.append(year)
            .append(",Reporting year,Local authority,E92000001,England,,,")
            .append(code)
            .append(",,LA ")
            .append(code)
            .append(',')
            .append(cell)
            .append('\n');
      }
    }
    Files.writeString(temp.resolve("panel.csv"), csv.toString());
    return Files.writeString(
        temp.resolve("evaluation.yaml"),
        """
        name: test
        reporting_years: 2012-2019
        pilots:
          - {la: 855, start: 2014-10-01}
          - {la: 925, start: 2015-03-31}
          - {la: 926, start: 2015-04-01}
        comparison:
          method: list
          authorities: [304, 801, 935, 938, 872, 211, 384, 873, 874]
        exclude_implementation_year: %s
        outcomes: [icpc_rate]
        sources: {panel: panel.csv}
        bootstrap: {draws: 999, seed: 3}
        """
            .formatted(exclude));
  }

  private Evaluation.Result run(Path config) {
    return EvaluationFiles.runOnPanel(config, temp.resolve("out"));
  }

  @Test
  void everyEstimatorRecoversAKnownEffect() throws IOException {
    Evaluation.Result result = run(setUp(true, "c"));
    List<EffectRow> rows = result.rows();
    assertThat(rows)
        .extracting(EffectRow::method)
        .contains("did_twfe", "did_pilot", "pooled_dl", "event_study", "its");
    for (EffectRow row : rows) {
      switch (row.method()) {
        case "did_twfe", "did_pilot", "pooled_dl" -> {
          assertThat(row.estimate()).as(row.toString()).isCloseTo(DELTA, within(0.05));
          assertThat(row.direction()).as(row.toString()).isEqualTo(EffectDirection.REDUCED);
        }
        case "event_study" -> {
          double expected = row.term().getAsInt() > 0 ? DELTA : 0;
          assertThat(row.estimate()).as(row.toString()).isCloseTo(expected, within(0.05));
        }
        case "its" -> assertThat(row.estimate()).as(row.toString()).isCloseTo(DELTA, within(0.2));
        default -> throw new AssertionError(row.method());
      }
    }
    EffectRow pooled =
        rows.stream().filter(row -> row.method().equals("did_twfe")).findFirst().orElseThrow();
    assertThat(pooled.nUnits()).isEqualTo(12);
    // 12 LAs x 8 years, less 3 excluded implementation years and 1 suppressed value
    assertThat(pooled.nObs()).isEqualTo(96 - 3 - 1);
    assertThat(pooled.pValueWildBootstrap()).isPresent();
    assertThat(pooled.unit()).isEqualTo(EffectRow.ALL_PILOTS);
    // the per-pilot DiDs together rest on the same LA-years: each comparator's counted once
    EffectRow metaAnalysis =
        rows.stream().filter(row -> row.method().equals("pooled_dl")).findFirst().orElseThrow();
    assertThat(metaAnalysis.nUnits()).isEqualTo(3);
    assertThat(metaAnalysis.nObs()).isEqualTo(96 - 3 - 1);
  }

  @Test
  void aPilotWithoutValuesAfterGoLiveIsNeverAComparatorOfAnotherPilot() throws IOException {
    // 925's values after go-live are suppressed; 873 has values only from 2016
    Files.writeString(
        temp.resolve("panel.csv"),
        """
        time_period,time_identifier,geographic_level,country_code,country_name,old_la_code,icpc_rate
        2012,Reporting year,Local authority,E92000001,England,855,32.1
        2013,Reporting year,Local authority,E92000001,England,855,31.5
        2014,Reporting year,Local authority,E92000001,England,855,35.1
        2015,Reporting year,Local authority,E92000001,England,855,36.3
        2016,Reporting year,Local authority,E92000001,England,855,34.4
        2017,Reporting year,Local authority,E92000001,England,855,34.1
        2018,Reporting year,Local authority,E92000001,England,855,38.0
        2012,Reporting year,Local authority,E92000001,England,925,34.7
        2013,Reporting year,Local authority,E92000001,England,925,34.4
        2014,Reporting year,Local authority,E92000001,England,925,35.0
        2015,Reporting year,Local authority,E92000001,England,925,36.5
        2016,Reporting year,Local authority,E92000001,England,925,38.9
        2017,Reporting year,Local authority,E92000001,England,925,c
        2018,Reporting year,Local authority,E92000001,England,925,c
        2012,Reporting year,Local authority,E92000001,England,304,35.8
        2013,Reporting year,Local authority,E92000001,England,304,35.8
        2014,Reporting year,Local authority,E92000001,England,304,40.0
        2015,Reporting year,Local authority,E92000001,England,304,38.5
        2016,Reporting year,Local authority,E92000001,England,304,41.2
        2017,Reporting year,Local authority,E92000001,England,304,41.5
        2018,Reporting year,Local authority,E92000001,England,304,46.0
        2012,Reporting year,Local authority,E92000001,England,801,38.7
        2013,Reporting year,Local authority,E92000001,England,801,39.0
        2014,Reporting year,Local authority,E92000001,England,801,40.2
        2015,Reporting year,Local authority,E92000001,England,801,42.3
        2016,Reporting year,Local authority,E92000001,England,801,42.0
        2017,Reporting year,Local authority,E92000001,England,801,45.9
        2018,Reporting year,Local authority,E92000001,England,801,47.4
        2012,Reporting year,Local authority,E92000001,England,935,40.1
        2013,Reporting year,Local authority,E92000001,England,935,40.7
        2014,Reporting year,Local authority,E92000001,England,935,42.2
        2015,Reporting year,Local authority,E92000001,England,935,44.6
        2016,Reporting year,Local authority,E92000001,England,935,44.6
        2017,Reporting year,Local authority,E92000001,England,935,45.5
        2018,Reporting year,Local authority,E92000001,England,935,47.3
        2012,Reporting year,Local authority,E92000001,England,938,40.0
        2013,Reporting year,Local authority,E92000001,England,938,44.2
        2014,Reporting year,Local authority,E92000001,England,938,46.0
        2015,Reporting year,Local authority,E92000001,England,938,45.4
        2016,Reporting year,Local authority,E92000001,England,938,49.0
        2017,Reporting year,Local authority,E92000001,England,938,50.2
        2018,Reporting year,Local authority,E92000001,England,938,49.0
        2016,Reporting year,Local authority,E92000001,England,873,48.6
        2017,Reporting year,Local authority,E92000001,England,873,50.1
        2018,Reporting year,Local authority,E92000001,England,873,52.5
        """);
    Path config =
        Files.writeString(
            temp.resolve("evaluation.yaml"),
            """
            name: test
            reporting_years: 2012-2018
            pilots:
              - {la: 855, start: 2014-10-01}
              - {la: 925, start: 2015-10-01}
            comparison: {method: list, authorities: [304, 801, 935, 938, 873]}
            exclude_implementation_year: true
            outcomes: [icpc_rate]
            sources: {panel: panel.csv}
            bootstrap: {draws: 999, seed: 1}
            """);

    List<EffectRow> rows = run(config).rows();

    // R 4.2.2: implementation years 2015 (855) and 2016 (925) dropped, D = 1 after them;
    // mp <- lm(y ~ D + factor(old_la_code) + factor(time_period), data = d[d$old_la_code %in%
    // c("855", "304", "801", "935", "938", "873"), ]); coef(mp)["D"] and its "Std. Error".
    // With 925's years 2012-2015 as a control the estimate would be -2.94125.
    EffectRow pilot =
        rows.stream().filter(row -> row.method().equals("did_pilot")).findFirst().orElseThrow();
    assertThat(pilot.unit()).isEqualTo("855");
    assertThat(pilot.estimate()).isCloseTo(-2.975, within(1e-9));
    assertThat(pilot.standardError()).isCloseTo(1.07065845338722, within(1e-9));
    assertThat(pilot.nObs()).isEqualTo(37);
    // R 4.2.2: placebos refit lm on the comparators with 304, 801, 935, 938 as pretend pilot
    // (0.1667, 0.3000, -1.0333, 0.5667); 873 has no year before 2016, so no placebo:
    // (1 + 0) / (1 + 4)
    assertThat(pilot.diagnostics().placeboPValue().getAsDouble()).isCloseTo(0.2, within(1e-15));
    // R 4.2.2, sandwich 3.0-2: lm(y ~ e_k... + factor(old_la_code) + factor(time_period)) with
    // e_k = [pilot, year - implementation year = k], k != -1, for both pilots; k = -4 only from
    // 925 (2012); sqrt(diag(vcovCL(me, cluster = ~old_la_code, type = "HC1")))
    List<EffectRow> study =
        rows.stream().filter(row -> row.method().equals("event_study")).toList();
    assertThat(study).extracting(row -> row.term().getAsInt()).containsExactly(-4, -3, -2, 1, 2, 3);
    double[] estimates = {
      2.132205882352942,
      0.586764705882326,
      -1.161617647058827,
      -2.618823529411763,
      -4.478823529411757,
      -2.378823529411752
    };
    double[] errors = {
      0.861822032038929,
      0.327139629967721,
      0.336681654156433,
      0.667101755543221,
      0.786619400325578,
      0.831502860894106
    };
    for (int i = 0; i < estimates.length; i++) {
      assertThat(study.get(i).estimate()).isCloseTo(estimates[i], within(1e-9));
      assertThat(study.get(i).standardError()).isCloseTo(errors[i], within(1e-9));
    }
  }

  @Test
  void theImplementationYearIsDroppedOnlyForItsPilot() throws IOException {
    Evaluation.Result result = run(setUp(true, "c"));
    List<CSVRecord> panel = EvaluationFiles.read(result.panel());
    assertThat(panel)
        .noneMatch(
            row -> row.get("old_la_code").equals("855") && row.get("time_period").equals("2015"));
    assertThat(panel)
        .noneMatch(
            row -> row.get("old_la_code").equals("926") && row.get("time_period").equals("2016"));
    assertThat(panel)
        .anyMatch(
            row ->
                row.get("old_la_code").equals("926")
                    && row.get("time_period").equals("2015")
                    && row.get("treated").equals("0"));
    assertThat(panel).filteredOn(row -> row.get("old_la_code").equals("801")).hasSize(8);
    assertThat(panel)
        .noneMatch(
            row -> row.get("old_la_code").equals("304") && row.get("time_period").equals("2013"));
    assertThat(panel)
        .filteredOn(row -> row.get("comparison_group").equals("Pilot"))
        .allMatch(
            row ->
                row.get("treated")
                    .equals(
                        Integer.parseInt(row.get("time_period"))
                                > (row.get("old_la_code").equals("926") ? 2016 : 2015)
                            ? "1"
                            : "0"));
  }

  @Test
  void withTheImplementationYearKeptItCountsAsPost() throws IOException {
    Evaluation.Result result = run(setUp(false, "c"));
    List<CSVRecord> panel = EvaluationFiles.read(result.panel());
    assertThat(panel)
        .anyMatch(
            row ->
                row.get("old_la_code").equals("855")
                    && row.get("time_period").equals("2015")
                    && row.get("treated").equals("1"));
    EffectRow pooled =
        result.rows().stream()
            .filter(row -> row.method().equals("did_twfe"))
            .findFirst()
            .orElseThrow();
    assertThat(pooled.estimate()).isCloseTo(DELTA, within(0.05));
    assertThat(pooled.nObs()).isEqualTo(95);
  }

  @Test
  void effectsCsvHasTheColumnsOfTheIssueAndUnroundedNumbers() throws IOException {
    Evaluation.Result result = run(setUp(true, "x"));
    List<CSVRecord> effects = EvaluationFiles.read(result.effects());
    assertThat(effects.get(0).toMap().keySet())
        .contains(
            "time_period",
            "time_identifier",
            "geographic_level",
            "country_code",
            "country_name",
            "outcome",
            "unit",
            "method",
            "term",
            "estimate",
            "std_error",
            "lower_ci",
            "upper_ci",
            "p_value",
            "p_value_wild_bootstrap",
            "n_units",
            "n_obs",
            "direction");
    CSVRecord pooled =
        effects.stream()
            .filter(row -> row.get("method").equals("did_twfe"))
            .findFirst()
            .orElseThrow();
    assertThat(pooled.get("unit")).isEqualTo("All pilots");
    assertThat(pooled.get("geographic_level")).isEqualTo("National");
    assertThat(pooled.get("term")).isEqualTo("Total");
    assertThat(pooled.get("estimate").replace("-", "").replace(".", "").length())
        .isGreaterThanOrEqualTo(10);
    CSVRecord pilot =
        effects.stream()
            .filter(row -> row.get("method").equals("did_pilot"))
            .findFirst()
            .orElseThrow();
    assertThat(pilot.get("geographic_level")).isEqualTo("Local authority");
    assertThat(pilot.get("old_la_code")).isEqualTo(pilot.get("unit"));
    assertThat(pilot.get("p_value_wild_bootstrap")).isEqualTo("z");
    assertThat(Double.parseDouble(pilot.get("p_value_placebo"))).isBetween(0.0, 1.0);
    assertThat(effects)
        .filteredOn(row -> row.get("method").equals("event_study"))
        .allSatisfy(row -> assertThat(row.get("term")).matches("-?\\d+"));
    assertThat(Files.readString(result.summary()))
        .contains("\"comparison_rule\"", "\"years_used\"");
    EesChecker.Report report = EesChecker.checkDirectory(result.effects().getParent());
    assertThat(report.findings()).as("check-ees on publish/").isEmpty();
    assertThat(report.files()).hasSize(2);
  }

  /**
   * ICPCs derived from case-level returns: two East Midlands pilots and five comparators,
   * 2013-2019, Rutland (857) with 4 ICPCs in 2017.
   */
  private static List<org.soseval.pipeline.panel.PanelRow> caseLevelRows() {
    List<String> codes = List.of("855", "925", "856", "857", "926", "935", "938");
    double[] populations = {140_000, 150_000, 70_000, 7_500, 170_000, 150_000, 180_000};
    List<org.soseval.pipeline.panel.PanelRow> rows = new ArrayList<>();
    Random random = new Random(11);
    for (int i = 0; i < codes.size(); i++) {
      for (int year = 2013; year <= 2019; year++) {
        boolean treated = i < 2 && year > 2015;
        double rate = 40 + 3 * i + 2.5 * (year - 2013) + (treated ? DELTA : 0);
        double icpcs =
            codes.get(i).equals("857") && year == 2017
                ? 4
                : Math.round(rate * populations[i] / 10_000 + random.nextGaussian());
        rows.add(
            LaYearPanelFromCaseLevelTest.row(codes.get(i), year, icpcs, 8 * icpcs, populations[i]));
      }
    }
    return rows;
  }

  @Test
  void panelCsvOfCaseLevelValuesIsControlledWhileTheEstimatesUseTheUnroundedValues()
      throws IOException {
    Path config =
        Files.writeString(
            temp.resolve("case-level.yaml"),
            """
            name: case level
            reporting_years: 2013-2019
            pilots:
              - {la: 855, start: 2014-10-01}
              - {la: 925, start: 2014-10-01}
            comparison: {method: list, authorities: [856, 857, 926, 935, 938]}
            outcomes: [icpc_rate]
            sources: {deposits: deposits}
            bootstrap: {draws: 99, seed: 3}
            """);
    EvaluationConfig evaluation = EvaluationConfig.load(config);
    Evaluation.Result controlled =
        Evaluation.run(
            evaluation,
            LaYearPanel.fromCaseLevel(
                caseLevelRows(),
                "deposits",
                org.soseval.pipeline.publish.CaseLevelDisclosure.of(
                    evaluation.disclosureProfile())),
            temp.resolve("controlled"),
            Progress.SILENT);
    Evaluation.Result uncontrolled =
        Evaluation.run(
            evaluation,
            LaYearPanel.fromCaseLevel(
                caseLevelRows(),
                "deposits",
                org.soseval.pipeline.publish.DisclosureControl.ALREADY_PUBLIC),
            temp.resolve("uncontrolled"),
            Progress.SILENT);

    for (int i = 0; i < controlled.rows().size(); i++) {
      EffectRow row = controlled.rows().get(i);
      assertThat(row.estimate()).isEqualTo(uncontrolled.rows().get(i).estimate());
      assertThat(row.standardError()).isEqualTo(uncontrolled.rows().get(i).standardError());
    }
    List<CSVRecord> panel = EvaluationFiles.read(controlled.panel());
    assertThat(panel).hasSize(7 * 7 - 2);
    CSVRecord rutland2017 =
        panel.stream()
            .filter(
                row ->
                    row.get("old_la_code").equals("857") && row.get("time_period").equals("2017"))
            .findFirst()
            .orElseThrow();
    // 4 ICPCs: c under DfE's rules, though the estimates used 4 / 7,500 x 10,000
    assertThat(rutland2017.get("value")).isEqualTo("c");
    // every other value as la_indicators.csv publishes it: to 1 dp
    assertThat(panel)
        .filteredOn(row -> !row.get("value").equals("c"))
        .allSatisfy(row -> assertThat(row.get("value")).matches("\\d+(\\.\\d)?"));
    assertThat(EvaluationFiles.read(uncontrolled.panel()))
        .anyMatch(
            row ->
                row.get("old_la_code").equals("857")
                    && row.get("time_period").equals("2017")
                    && row.get("value").equals("5.3"));
    JsonNode summary = new ObjectMapper().readTree(Files.readString(controlled.summary()));
    // Rutland 2017 and its secondary suppression in the East Midlands that year
    assertThat(summary.get("disclosure").get("values_used_but_withheld").asInt()).isEqualTo(2);
    assertThat(summary.get("disclosure").get("profile").asText()).isEqualTo("dfe");
    assertThat(EesChecker.checkDirectory(controlled.panel().getParent()).findings()).isEmpty();
  }

  @Test
  void anOutcomeNoSourceGivesIsAUsageError() throws IOException {
    Path config = setUp(true, "c");
    Files.writeString(config, Files.readString(config).replace("[icpc_rate]", "[happiness]"));
    assertThatThrownBy(() -> run(config))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("at outcomes[0] (line 11): no source gives happiness;");
  }
}
