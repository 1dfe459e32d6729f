package org.soseval.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckEesCommandTest {
  private static final Path PUBLIC =
      Path.of(System.getProperty("user.dir")).resolve("../../shared/data/public").normalize();

  @TempDir Path temp;

  private record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SosEval.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpDescribesTheChecks() {
    Result result = run("check-ees", "--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: sos-eval check-ees", "DIR", "Exit code 0");
  }

  @Test
  void panelFromPublishedStatisticsPassesCheckEes() {
    assertThat(PUBLIC.resolve("dfe"))
        .as("shared/data must sit beside the repository")
        .isDirectory();
    Result panel = run("panel", "--public", PUBLIC.toString(), "--out", temp.toString());
    assertThat(panel.exitCode()).as(panel.err()).isZero();
    assertThat(panel.out()).contains("LA-years", "la_indicators.csv", "data-quality flags");
    assertThat(panel.err())
        .contains("note: SFR34_ADM2015.csv: the start column is labelled CLA_started2014");
    Result check = run("check-ees", temp.resolve("publish").toString());
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.out())
        .isEqualTo("1 of 1 files pass the EES checks (0 failures, 0 warnings)\n");
  }

  @Test
  void brokenFileExitsThreeWithFileLineColumnAndRule() throws IOException {
    Files.writeString(
        temp.resolve("outcomes.csv"),
        "time_period,time_identifier,geographic_level,country_code,country_name,referrals_count\n"
            + "2019,Reporting year,National,E92000001,England,:\n");
    Files.writeString(
        temp.resolve("outcomes.meta.csv"),
        "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\n"
            + "referrals_count,Indicator,Number of referrals,,,0,,\n");
    Result result = run("check-ees", temp.toString());
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out())
        .contains(
            "outcomes.csv:2:referrals_count: FAIL [indicator-value] ':' is an obsolete symbol: use x",
            "0 of 1 files pass the EES checks (1 failures, 0 warnings)");
    assertThat(result.err())
        .contains("sos-eval: EES checks failed for outcomes.csv: 1 failures (listed above)");
  }

  @Test
  void folderWithoutCsvIsAUsageError() {
    Result result = run("check-ees", temp.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("it holds no data CSV files");
  }
}
