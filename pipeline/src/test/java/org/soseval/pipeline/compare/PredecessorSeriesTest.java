package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.publish.EesChecker;

/**
 * {@code comparison.use_predecessors} on a hand-built panel: LAs created by the reorganisations of
 * 2020 and 2022 take their predecessors' series only when asked, each predecessor's series is used
 * once, and the outputs say which LA-years came from which LA.
 */
class PredecessorSeriesTest {
  private static final double DELTA = -4.0;

  /** Every LA of the panel: code, children aged 0-17, first and last reporting year with data. */
  private record La(String code, double population, int first, int last) {}

  private static final List<La> LAS =
      List.of(
          new La("855", 140_000, 2016, 2024),
          new La("925", 150_000, 2016, 2024),
          new La("926", 170_000, 2016, 2024),
          new La("304", 80_000, 2016, 2024),
          new La("801", 90_000, 2016, 2024),
          new La("935", 150_000, 2016, 2024),
          new La("938", 180_000, 2016, 2024),
          new La("872", 35_000, 2016, 2024),
          new La("928", 160_000, 2016, 2021),
          new La("940", 75_000, 2022, 2024),
          new La("941", 85_000, 2022, 2024),
          new La("835", 80_000, 2016, 2019),
          new La("836", 30_000, 2016, 2019),
          new La("837", 38_000, 2016, 2019),
          new La("838", 70_000, 2020, 2024),
          new La("839", 78_000, 2020, 2024));

  private static final List<String> PILOTS = List.of("855", "925", "926");

  @TempDir Path temp;

  /** ICPC counts and rates: LA level + year trend + DELTA for pilots after 2018, and noise. */
  private static Map<String, Map<Integer, double[]>> values() {
    Random random = new Random(7);
    Map<String, Map<Integer, double[]>> all = new LinkedHashMap<>();
    for (int i = 0; i < LAS.size(); i++) {
      La la = LAS.get(i);
      Map<Integer, double[]> byYear = new LinkedHashMap<>();
      for (int year = la.first(); year <= la.last(); year++) {
        boolean treated = PILOTS.contains(la.code()) && year > 2018;
        double rate =
            40 + 3 * i + 2.5 * (year - 2016) + (treated ? DELTA : 0) + random.nextGaussian();
        double count = Math.round(rate * la.population() / 10_000);
        byYear.put(year, new double[] {count, la.population(), count / la.population() * 10_000});
      }
      all.put(la.code(), byYear);
    }
    return all;
  }

  /** The panel in the EES layout; {@code relabel} may change an LA-year's code (or drop it). */
  private Path panel(String name, UnaryOperator<String[]> relabel) throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
                + "region_name,old_la_code,new_la_code,la_name,icpc_count,population_0_17,"
                + "icpc_rate,wellbeing_score\n");
    for (Map.Entry<String, Map<Integer, double[]>> la : values().entrySet()) {
      for (Map.Entry<Integer, double[]> year : la.getValue().entrySet()) {
        String[] key = relabel.apply(new String[] {la.getKey(), year.getKey().toString()});
        if (key == null) {
          continue;
        }
        double[] v = year.getValue();
        csv.append(key[1])
            .append(",Reporting year,Local authority,E92000001,England,,,")
            .append(key[0])
            .append(",,")
            .append(LaCrosswalk.byOldCode(key[0]).orElseThrow().name().replace(",", ""))
            .append(',')
            .append(v[0])
            .append(',')
            .append(v[1])
            .append(',')
            .append(v[2])
            .append(',')
            .append(50 + v[2] / 10)
            .append('\n');
      }
    }
    return Files.writeString(temp.resolve(name), csv.toString());
  }

  private Path config(
      String name, String panel, List<String> comparators, boolean predecessors, String pilots)
      throws IOException {
    return Files.writeString(
        temp.resolve(name + ".yaml"),
        """
        name: %s
        reporting_years: 2016-2024
        pilots:
        %s
        comparison:
          method: list
          authorities: [%s]
          use_predecessors: %s
        outcomes: [icpc_rate]
        sources: {panel: %s}
        bootstrap: {draws: 99, seed: 5}
        """
            .formatted(name, pilots, String.join(", ", comparators), predecessors, panel));
  }

  private static final String THREE_PILOTS =
      """
        - {la: 855, start: 2017-10-01}
        - {la: 925, start: 2017-10-01}
        - {la: 926, start: 2017-10-01}""";

  private Evaluation.Result run(Path config, String out) {
    return EvaluationFiles.runOnPanel(config, temp.resolve(out));
  }

  private Evaluation.Result run(List<String> comparators, boolean predecessors, String out)
      throws IOException {
    panel("panel.csv", key -> key);
    return run(config(out, "panel.csv", comparators, predecessors, THREE_PILOTS), out);
  }

  private static List<CSVRecord> panelRows(Evaluation.Result result, String la) throws IOException {
    return EvaluationFiles.read(result.panel()).stream()
        .filter(row -> row.get("old_la_code").equals(la))
        .toList();
  }

  private static JsonNode summary(Evaluation.Result result) throws IOException {
    return new ObjectMapper().readTree(Files.readString(result.summary()));
  }

  private static EffectRow pooled(Evaluation.Result result) {
    return result.rows().stream()
        .filter(row -> row.method().equals("did_twfe"))
        .findFirst()
        .orElseThrow();
  }

  private static List<Integer> years(List<CSVRecord> rows) {
    return rows.stream().map(row -> Integer.parseInt(row.get("time_period"))).toList();
  }

  private static final List<String> NEIGHBOURS = List.of("304", "801", "935", "938", "872");

  private static List<String> with(String... codes) {
    List<String> all = new ArrayList<>(NEIGHBOURS);
    all.addAll(List.of(codes));
    return all;
  }

  @Test
  void withoutPredecessorsTheYearsBeforeAnLaExistedAreMissing() throws IOException {
    Evaluation.Result result = run(with("940"), false, "off");

    List<CSVRecord> rows = panelRows(result, "940");
    // reporting years 2016-2024 less the implementation year 2018 only matters for pilots
    assertThat(years(rows)).containsExactly(2022, 2023, 2024);
    assertThat(rows).allMatch(row -> row.get("data_from").equals("940"));
    JsonNode summary = summary(result);
    assertThat(summary.get("use_predecessors").asBoolean()).isFalse();
    assertThat(summary.get("predecessor_series")).isEmpty();
    assertThat(summary.get("years_used").get("icpc_rate").get("940").toString())
        .isEqualTo("[2022,2023,2024]");
    assertThat(summary.get("notes").toString())
        .contains(
            "940 North Northamptonshire exists from reporting year 2022: years 2016-2021 are"
                + " missing (comparison.use_predecessors is false)");
    assertThat(pooled(result).nUnits()).isEqualTo(9);
  }

  @Test
  void aSuccessorTakesItsPredecessorsSeriesWhenAsked() throws IOException {
    Evaluation.Result result = run(with("940"), true, "on");

    List<CSVRecord> rows = panelRows(result, "940");
    assertThat(years(rows)).containsExactly(2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024);
    Map<Integer, double[]> northamptonshire = values().get("928");
    for (CSVRecord row : rows.subList(0, 6)) {
      int year = Integer.parseInt(row.get("time_period"));
      assertThat(Double.parseDouble(row.get("value")))
          .isCloseTo(northamptonshire.get(year)[2], within(1e-9));
      assertThat(row.get("data_from")).isEqualTo("928");
      assertThat(row.get("source")).isEqualTo("panel (from 928 Northamptonshire)");
      assertThat(row.get("la_name")).isEqualTo("North Northamptonshire");
    }
    assertThat(rows.subList(6, 9)).allMatch(row -> row.get("data_from").equals("940"));
    JsonNode link = summary(result).get("predecessor_series").get(0);
    assertThat(link.get("unit").asText()).isEqualTo("940");
    assertThat(link.get("series_from").toString()).isEqualTo("[\"928\"]");
    assertThat(link.get("years_from_other_las").get("icpc_rate").toString())
        .isEqualTo("[2016,2017,2018,2019,2020,2021]");

    // the same as an evaluator's panel that files Northamptonshire's years under 940 itself
    panel("backfilled.csv", key -> key[0].equals("928") ? new String[] {"940", key[1]} : key);
    Evaluation.Result backfilled =
        run(config("backfilled", "backfilled.csv", with("940"), false, THREE_PILOTS), "by-hand");
    assertThat(pooled(result).estimate()).isCloseTo(pooled(backfilled).estimate(), within(1e-12));
    assertThat(pooled(result).standardError())
        .isCloseTo(pooled(backfilled).standardError(), within(1e-12));
    assertThat(pooled(result).nObs()).isEqualTo(pooled(backfilled).nObs());
  }

  @Test
  void twoSuccessorsOfOnePredecessorAreOneUnitOnItsBoundaries() throws IOException {
    Evaluation.Result result = run(with("940", "941"), true, "split");

    assertThat(panelRows(result, "940")).isEmpty();
    assertThat(panelRows(result, "941")).isEmpty();
    List<CSVRecord> rows = panelRows(result, "928");
    assertThat(years(rows)).containsExactly(2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024);
    assertThat(rows.subList(0, 6)).allMatch(row -> row.get("data_from").equals("928"));
    // 2022: North and West Northamptonshire's ICPCs over their children, per 10,000
    double[] north = values().get("940").get(2022);
    double[] west = values().get("941").get(2022);
    CSVRecord combined = rows.get(6);
    assertThat(combined.get("data_from")).isEqualTo("940 + 941");
    assertThat(combined.get("la_name")).isEqualTo("Northamptonshire");
    assertThat(Double.parseDouble(combined.get("value")))
        .isCloseTo((north[0] + west[0]) / (75_000 + 85_000) * 10_000, within(1e-9));
    JsonNode summary = summary(result);
    assertThat(summary.get("comparators").toString()).contains("\"940\"", "\"941\"");
    assertThat(summary.get("comparison_units").toString())
        .contains("\"928\"")
        .doesNotContain("\"940\"", "\"941\"");
    assertThat(summary.get("predecessor_series").get(0).get("members").toString())
        .isEqualTo("[\"940\",\"941\"]");
    // 3 pilots, 5 neighbours and one Northamptonshire: not 11 units with the same 2016-2021 twice
    assertThat(pooled(result).nUnits()).isEqualTo(9);
    assertThat(EesChecker.checkDirectory(result.panel().getParent()).findings()).isEmpty();
  }

  @Test
  void bcpCombinesBournemouthAndPooleAndTheNewDorsetTakesTheOld() throws IOException {
    Evaluation.Result result = run(with("838", "839"), true, "dorset");

    List<CSVRecord> bcp = panelRows(result, "839");
    assertThat(years(bcp)).startsWith(2016, 2017, 2018, 2019, 2020);
    double[] poole = values().get("836").get(2017);
    double[] bournemouth = values().get("837").get(2017);
    CSVRecord bcp2017 = bcp.get(1);
    assertThat(bcp2017.get("data_from")).isEqualTo("836 + 837");
    assertThat(Double.parseDouble(bcp2017.get("value")))
        .isCloseTo((poole[0] + bournemouth[0]) / (30_000 + 38_000) * 10_000, within(1e-9));
    List<CSVRecord> dorset = panelRows(result, "838");
    assertThat(dorset.get(1).get("data_from")).isEqualTo("835");
    assertThat(Double.parseDouble(dorset.get(1).get("value")))
        .isCloseTo(values().get("835").get(2017)[2], within(1e-9));
    // old Dorset's series goes to the new Dorset only, not also to BCP (which took Christchurch)
    assertThat(summary(result).get("predecessor_series").toString())
        .contains("[\"836\",\"837\"]", "[\"835\"]")
        .doesNotContain("[\"835\",\"836\",\"837\"]");
  }

  @Test
  void aPredecessorInTheComparisonKeepsItsSeriesForItself() throws IOException {
    Evaluation.Result result = run(with("928", "940"), true, "both");

    assertThat(years(panelRows(result, "940"))).containsExactly(2022, 2023, 2024);
    assertThat(years(panelRows(result, "928"))).containsExactly(2016, 2017, 2018, 2019, 2020, 2021);
    assertThat(summary(result).get("notes").toString())
        .contains(
            "940 North Northamptonshire does not take the series of 928 Northamptonshire, which is"
                + " in the comparison itself");
  }

  @Test
  void aPilotThatIsASuccessorTakesThePredecessorAndItsSiblingDoesNot() throws IOException {
    panel("panel.csv", key -> key);
    Evaluation.Result result =
        run(
            config(
                "pilot",
                "panel.csv",
                with("941"),
                true,
                THREE_PILOTS + "\n- {la: 940, start: 2022-06-01}"),
            "pilot");

    List<CSVRecord> pilot = panelRows(result, "940");
    // 2023 is 940's implementation year (excluded); 2016-2021 are Northamptonshire's
    assertThat(years(pilot)).containsExactly(2016, 2017, 2018, 2019, 2020, 2021, 2022, 2024);
    assertThat(pilot.get(0).get("comparison_group")).isEqualTo("Pilot");
    assertThat(years(panelRows(result, "941"))).containsExactly(2022, 2023, 2024);
    assertThat(summary(result).get("notes").toString())
        .contains("941 West Northamptonshire do not take the series of 928 Northamptonshire");
  }

  @Test
  void seriesPredecessorsFollowTheCrosswalk() {
    assertThat(series("839")).containsExactly("836", "837");
    assertThat(series("838")).containsExactly("835");
    assertThat(series("940")).containsExactly("928");
    assertThat(series("941")).containsExactly("928");
    assertThat(series("942")).containsExactly("909");
    assertThat(series("943")).containsExactly("909");
    // Buckinghamshire changed only its GSS code: one series under 825
    assertThat(series("825")).isEmpty();
  }

  private static List<String> series(String code) {
    return PredecessorSeries.seriesPredecessors(LaCrosswalk.byOldCode(code).orElseThrow());
  }

  @Test
  void onlyCountsAndRatiosOfCountsCanBeCombined() throws IOException {
    LaYearPanel data = LaYearPanel.fromCsv(panel("panel.csv", key -> key), "panel");
    List<String> poole = List.of("836", "837");
    assertThat(PredecessorSeries.combine(data, "icpc_count", poole, 2017).orElseThrow().value())
        .isEqualTo(values().get("836").get(2017)[0] + values().get("837").get(2017)[0]);
    // an outcome of the evaluator's own has no counts to combine
    assertThat(PredecessorSeries.combine(data, "wellbeing_score", poole, 2017)).isEmpty();
    assertThat(PredecessorSeries.combine(data, "wellbeing_score", List.of("835"), 2017))
        .isPresent();
    // a value withheld for one LA withholds the combined one
    LaYearPanel withheld = LaYearPanel.empty().overlaidWith(data);
    withheld.put(
        "icpc_count",
        "836",
        2017,
        new LaYearPanel.Observation(
            2, "deposits", org.soseval.pipeline.panel.PublishedValue.missing("c"), List.of()));
    LaYearPanel.Observation rate =
        PredecessorSeries.combine(withheld, "icpc_rate", poole, 2017).orElseThrow();
    assertThat(rate.published().symbol()).hasValue("c");
    assertThat(rate.value())
        .isCloseTo(
            (2 + values().get("837").get(2017)[0]) / (30_000 + 38_000) * 10_000, within(1e-9));
  }

  @Test
  void gssCodesAreReadAsTheLasDfeCode() throws IOException {
    // Buckinghamshire: E10000002 until 2020, E06000060 from 2021; old_la_code left blank
    String csv =
        "time_period,time_identifier,geographic_level,country_code,country_name,old_la_code,"
            + "new_la_code,la_name,icpc_rate\n"
            + "2019,Reporting year,Local authority,E92000001,England,,E10000002,Buckinghamshire,31\n"
            + "2022,Reporting year,Local authority,E92000001,England,,E06000060,Buckinghamshire,35\n"
            + "2022,Reporting year,Local authority,E92000001,England,,E06000999,Nowhere,35\n";
    LaYearPanel data = LaYearPanel.fromCsv(Files.writeString(temp.resolve("gss.csv"), csv), "x");
    assertThat(data.value("icpc_rate", "825", 2019)).hasValue(31);
    assertThat(data.value("icpc_rate", "825", 2022)).hasValue(35);
    assertThat(data.value("icpc_rate", "E06000999", 2022)).hasValue(35);
    assertThat(data.notes())
        .containsExactly(
            "gss.csv: new_la_code E06000999 is not in the LA code crosswalk; used as given");
    Path config = config("gss", "gss.csv", List.of("E06000060", "304"), false, THREE_PILOTS);
    assertThat(EvaluationConfig.load(config).comparison().authorities())
        .containsExactly("825", "304");
  }
}
