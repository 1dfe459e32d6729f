package org.soseval.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.Pilot;
import org.soseval.pipeline.generate.SyntheticDeposits;

/** {@code sos-eval evaluate} on case-level deposits, through the command line. */
class EvaluateCommandTest {
  @TempDir Path temp;

  /**
   * Leicestershire against two East Midlands LAs, 2019-2021, at a twentieth of real size (Rutland
   * has about 400 children, so few ICPCs), under the ONS 10-5 rules: counts below 10 are c and the
   * rest rounded to 5, in la_indicators.csv and in panel.csv alike.
   */
  @Test
  void panelCsvPublishesWhatLaIndicatorsCsvPublishesUnderTheConfigsRules() throws IOException {
    Design design =
        new Design(
            2019,
            2021,
            5,
            0.05,
            List.of(new Pilot("855", LocalDate.of(2019, 10, 1), "new")),
            List.of("857", "925"),
            List.of());
    SyntheticDeposits.generate(design, temp.resolve("deposits"), Progress.SILENT);
    Files.writeString(temp.resolve("pseudonym.key"), "evaluate-command-test-key-0123456789abcdef");
    Path config =
        Files.writeString(
            temp.resolve("evaluation.yaml"),
            """
            name: command-line test
            reporting_years: 2019-2021
            pilots:
              - {la: 855, start: 2019-10-01}
            comparison: {method: list, authorities: [857, 925]}
            outcomes: [icpc_rate, s47_rate]
            sources: {deposits: deposits}
            bootstrap: {draws: 99, seed: 1}
            privacy: {key_file: pseudonym.key, disclosure: ons-10-5}
            """);
    Path out = temp.resolve("out");

    CommandRun run =
        CommandRun.of("evaluate", "--config", config.toString(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<CSVRecord> indicators = read(out.resolve("indicators/publish/la_indicators.csv"));
    Map<String, CSVRecord> byLaYear = new HashMap<>();
    for (CSVRecord row : indicators) {
      if (row.get("geographic_level").equals("Local authority")) {
        byLaYear.put(row.get("old_la_code") + "/" + row.get("time_period"), row);
        for (String count : List.of("icpc_count", "s47_count", "referrals_count")) {
          String cell = row.get(count);
          assertThat(cell.equals("c") || Long.parseLong(cell) % 5 == 0)
              .as("%s %s under ONS 10-5", count, cell)
              .isTrue();
        }
      }
    }
    // a rate is computed from the published (rounded) count, so rate x population / 10,000 gives
    // back the published count, never the exact one
    int rates = 0;
    for (CSVRecord row : byLaYear.values()) {
      String count = row.get("icpc_count");
      String population = row.get("population_0_17");
      if (!count.equals("c") && population.matches("[0-9]+")) {
        double expected = Long.parseLong(count) * 10_000.0 / Long.parseLong(population);
        assertThat(Double.parseDouble(row.get("icpc_rate")))
            .as(row.toString())
            .isCloseTo(expected, within(0.05 + 1e-9));
        rates++;
      }
    }
    assertThat(rates).isPositive();
    List<CSVRecord> panel = read(out.resolve("publish/panel.csv"));
    // 3 LAs x 3 years x 2 outcomes, less the pilot's implementation year
    assertThat(panel).hasSize(2 * (9 - 1));
    for (CSVRecord row : panel) {
      String cell =
          byLaYear
              .get(row.get("old_la_code") + "/" + row.get("time_period"))
              .get(row.get("outcome"));
      if (cell.equals("c")) {
        assertThat(row.get("value")).as(row.toString()).isEqualTo("c");
      } else {
        assertThat(Double.parseDouble(row.get("value")))
            .as(row.toString())
            .isEqualTo(Double.parseDouble(cell));
      }
    }
    assertThat(panel).anyMatch(row -> row.get("value").equals("c"));
    assertThat(Files.readString(out.resolve("evaluation.json")))
        .contains("\"profile\" : \"ons-10-5\"", "\"values_used_but_withheld\"");
    // the report's means leave withheld cells out and Appendix D says so
    String report = Files.readString(out.resolve("report/index.html"));
    assertThat(report)
        .contains("Values computed from the deposited case-level returns are shown only as")
        .contains("withheld there by disclosure control (c)");
    CommandRun check = CommandRun.of("check-ees", out.resolve("publish").toString());
    assertThat(check.exitCode()).as(check.out()).isZero();
  }

  private static List<CSVRecord> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
