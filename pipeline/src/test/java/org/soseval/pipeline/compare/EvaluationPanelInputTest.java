package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;

/**
 * An evaluator's panel ({@code sources.panel}) as acceptance may bring it: what is read, what is
 * rejected whole (exit code 3) and what is a config error (exit code 2). Nothing that would give
 * plausible but wrong estimates is read silently.
 */
class EvaluationPanelInputTest {
  private static final String HEADER =
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
          + "region_name,old_la_code,new_la_code,la_name,icpc_rate";
  private static final List<String> LAS = List.of("855", "925", "304", "801", "935", "938");

  @TempDir Path temp;

  /** Pilots 855 and 925 go live in 2015; y = level + trend, -5 in the pilots after go-live. */
  private static String panel() {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int la = 0; la < LAS.size(); la++) {
      for (int year = 2012; year <= 2017; year++) {
        double value = 40 + 3 * la + 2 * (year - 2012) + (la < 2 && year > 2015 ? -5 : 0);
        value += ((la * 7 + year) % 5) * 0.1;
        csv.append(row(LAS.get(la), year, Double.toString(value))).append('\n');
      }
    }
    return csv.toString();
  }

  private static String row(String la, int year, String value) {
    return year
        + ",Reporting year,Local authority,E92000001,England,,,"
        + la
        + ",,LA "
        + la
        + ","
        + value;
  }

  private Path config(String outcomes, String pilots) throws IOException {
    return Files.writeString(
        temp.resolve("evaluation.yaml"),
        """
        name: panel input
        reporting_years: 2012-2017
        pilots:
        %s
        comparison: {method: list, authorities: [304, 801, 935, 938]}
        outcomes: %s
        sources: {panel: panel.csv}
        bootstrap: {draws: 99, seed: 1}
        """
            .formatted(pilots, outcomes));
  }

  private Path config() throws IOException {
    return config(
        "[icpc_rate]", "  - {la: 855, start: 2014-10-01}\n  - {la: 925, start: 2014-10-01}");
  }

  private Evaluation.Result run(String panel, Path config) throws IOException {
    Files.writeString(temp.resolve("panel.csv"), panel);
    return EvaluationFiles.runOnPanel(config, temp.resolve("out"));
  }

  private static PipelineException.Kind kind(Throwable failure) {
    return ((PipelineException) failure).kind();
  }

  @Test
  void aRepeatedLaYearRowIsRejectedNotCountedTwice() throws IOException {
    String panel = panel() + row("855", 2016, "999") + "\n";
    Path config = config();
    assertThatThrownBy(() -> run(panel, config))
        .isInstanceOf(PipelineException.class)
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.INPUT_REJECTED))
        .hasMessageContaining("Rejected the outcome panel " + temp.resolve("panel.csv"))
        .hasMessageContaining(
            "panel.csv line 38 gives LA 855 reporting year 2016 again (first on line 6)");
  }

  @Test
  void anOldAndANewCodeForOneLaYearAreOneLaYearTwice() throws IOException {
    // Leicestershire by its E-code: the same LA and year as the 855 row
    String panel =
        panel() + "2016,Reporting year,Local authority,E92000001,England,,,,E10000018,Leics,1\n";
    Path config = config();
    assertThatThrownBy(() -> run(panel, config))
        .hasMessageContaining("gives LA 855 reporting year 2016 again");
  }

  @Test
  void aColumnNamedTwiceIsRejected() throws IOException {
    String panel =
        panel().replaceFirst("icpc_rate\n", "icpc_rate,icpc_rate\n").replace("\n2", ",1\n2");
    Path config = config();
    assertThatThrownBy(() -> run(panel, config))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.INPUT_REJECTED))
        .hasMessageContaining("the header names column icpc_rate twice");
  }

  @Test
  void aFinancialYearTimePeriodIsRejected() throws IOException {
    String panel = panel().replace("\n2016,", "\n201516,");
    Path config = config();
    assertThatThrownBy(() -> run(panel, config))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.INPUT_REJECTED))
        .hasMessageContaining("time_period '201516' is not a 4-digit reporting year (201819 is");
  }

  @Test
  void aValueThatIsNotFiniteIsRejected() throws IOException {
    String broken =
        panel()
            .replaceAll(
                "(2013,Reporting year,Local authority,E92000001,England,,,304,,LA 304,)[0-9.]+",
                "$1NaN");
    Path config = config();
    assertThatThrownBy(() -> run(broken, config))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.INPUT_REJECTED))
        .hasMessageContaining("column icpc_rate holds 'NaN', not a finite number");
  }

  @Test
  void aTextColumnIsNotAnOutcomeAndTheOthersStillAre() throws IOException {
    String panel =
        panel()
            .replaceFirst("icpc_rate\n", "icpc_rate,notes\n")
            .replaceAll("\n(2[^\n]*)", "\n$1,\"checked, ok\"");
    Evaluation.Result result = run(panel, config());
    assertThat(result.rows()).anyMatch(row -> row.method().equals("did_twfe"));
    assertThat(Files.readString(result.summary())).contains("column notes is not numeric");
    Path asOutcome = config("[icpc_rate, notes]", "  - {la: 855, start: 2014-10-01}");
    assertThatThrownBy(() -> run(panel, asOutcome))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.INPUT_REJECTED))
        .hasMessageContaining(
            "Cannot evaluate outcome notes: its column in sources.panel is not"
                + " numeric: panel.csv line 2 column notes holds 'checked, ok'");
  }

  @Test
  void aWindows1252OrByteOrderMarkedPanelGivesTheSameEstimates() throws IOException {
    double plain = pooled(run(panel(), config()));
    String named = panel().replace("LA 304", "Télford");
    Files.write(temp.resolve("panel.csv"), named.getBytes(Charset.forName("windows-1252")));
    double windows = pooled(EvaluationFiles.runOnPanel(config(), temp.resolve("out")));
    double marked = pooled(run("\uFEFF" + panel(), config()));
    assertThat(windows).isEqualTo(plain);
    assertThat(marked).isEqualTo(plain);
    assertThat(
            new String(
                Files.readAllBytes(temp.resolve("out/publish/panel.csv")), StandardCharsets.UTF_8))
        .doesNotContain("\uFFFD");
  }

  private static double pooled(Evaluation.Result result) {
    return result.rows().stream()
        .filter(row -> row.method().equals("did_twfe"))
        .findFirst()
        .orElseThrow()
        .estimate();
  }

  @Test
  void anAllSuppressedOutcomeSaysSoRatherThanThatNoSourceGivesIt() throws IOException {
    String panel = panel().replaceAll(",[0-9.]+\n", ",c\n");
    Path config = config();
    assertThatThrownBy(() -> run(panel, config))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.USAGE))
        .hasMessageContaining(
            "at outcomes[0] (line 7): every value of icpc_rate in the sources is"
                + " missing or suppressed (36 LA-years)");
  }

  @Test
  void aMisspeltOutcomeIsNamedWithItsLineAndTheNearestColumn() throws IOException {
    Path config = config("[icpc_rte]", "  - {la: 855, start: 2014-10-01}");
    assertThatThrownBy(() -> run(panel(), config))
        .hasMessageContaining(
            "at outcomes[0] (line 6): no source gives icpc_rte (did you mean icpc_rate?)");
  }

  @Test
  void aPilotTheSourcesDoNotKnowIsAConfigError() throws IOException {
    Path config =
        config("[icpc_rate]", "  - {la: 855, start: 2014-10-01}\n  - {la: 999, start: 2014-10-01}");
    assertThatThrownBy(() -> run(panel(), config))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.USAGE))
        .hasMessageContaining(
            "at pilots[1].la (line 5): no source gives LA 999 a value of any outcome in reporting"
                + " years 2012-2017");
  }

  @Test
  void aPilotWhoseValuesAreAllSuppressedIsRefusedNotDroppedFromThePilots() throws IOException {
    String panel =
        panel()
            .replaceAll(
                "(Reporting year,Local authority,E92000001,England,,,925,,LA 925,)[0-9.]+", "$1c");
    Path config = config();
    assertThatThrownBy(() -> run(panel, config))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.USAGE))
        .hasMessageContaining(
            "at pilots[1].la (line 5): no source gives LA 925 a value of any outcome in reporting"
                + " years 2012-2017; its values are all missing or suppressed");
  }

  @Test
  void anOutcomeWithoutValuesInTheReportingYearsIsAConfigErrorNotAnEmptyResult()
      throws IOException {
    String panel = panel().replaceAll("\n201([2-7]),", "\n200$1,");
    Path config = config();
    assertThatThrownBy(() -> run(panel, config))
        .satisfies(e -> assertThat(kind(e)).isEqualTo(PipelineException.Kind.USAGE))
        .hasMessageContaining(
            "at outcomes[0] (line 7): no pilot has a value of icpc_rate in reporting years"
                + " 2012-2017 (the sources give it for 2002-2007)");
  }

  @Test
  void aPilotWithoutPrePeriodValuesIsNotedInWords() throws IOException {
    String panel =
        panel()
            .replaceAll(
                "(201[234],Reporting year,Local authority,E92000001,England,,,925,,LA 925,)[0-9.]+",
                "$1c");
    Evaluation.Result result = run(panel, config());
    assertThat(Files.readString(result.summary()))
        .contains(
            "icpc_rate: pilot 925 has no value before its implementation year 2015 within"
                + " 2012-2017 (missing or suppressed), so it has no DiD of its own and gives the"
                + " pooled DiD no treated contrast");
    assertThat(result.rows())
        .noneMatch(row -> row.unit().equals("925") && row.method().equals("did_pilot"));
  }
}
