package org.soseval.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sos-eval benchmark} through the command line, on DfE's published statistics. */
class BenchmarkCommandTest {
  private static final Path PUBLIC =
      Path.of(System.getProperty("user.dir")).resolve("../../shared/data/public").normalize();

  @TempDir Path temp;

  @Test
  void writesThePackOfAnLaCreatedIn2022ThatPassesCheckEes() throws IOException {
    assertThat(PUBLIC.resolve("dfe"))
        .as("shared/data must sit beside the repository")
        .isDirectory();
    CommandRun run =
        CommandRun.of(
            "benchmark",
            "--la",
            "940",
            "--public",
            PUBLIC.toString(),
            "--out",
            temp.toString(),
            "--year",
            "2023");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Benchmark pack for North Northamptonshire (940)");
    Path data = temp.resolve("publish/benchmark_940.csv");
    assertThat(Files.readAllLines(data))
        .hasSizeGreaterThan(1)
        .allMatch(line -> line.startsWith("time_period") || line.startsWith("2023,"));
    assertThat(Files.readString(temp.resolve("benchmark_940.html")))
        .contains("North Northamptonshire (940)");
    CommandRun check = CommandRun.of("check-ees", temp.resolve("publish").toString());
    assertThat(check.exitCode()).as(check.out()).isZero();
  }

  @Test
  void aYearBeforeTheLaExistedIsAUsageError() {
    CommandRun run =
        CommandRun.of(
            "benchmark",
            "--la",
            "940",
            "--public",
            PUBLIC.toString(),
            "--out",
            temp.toString(),
            "--year",
            "2019");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("Cannot benchmark LA 940 in 2019", "the published statistics cover 2022-2025");
  }

  @Test
  void anLasGssCodeIsReadAsItsDfeCodeAndARegionCodeIsRefused() {
    assertThat(BenchmarkCommand.dfeCode("E10000018")).isEqualTo("855");
    assertThat(BenchmarkCommand.dfeCode("855")).isEqualTo("855");
    CommandRun region =
        CommandRun.of(
            "benchmark",
            "--la",
            "E12000004",
            "--public",
            PUBLIC.toString(),
            "--out",
            temp.toString());
    assertThat(region.exitCode()).isEqualTo(2);
    assertThat(region.err())
        .contains("E12000004 is a region code; a benchmark pack is for one local authority");
  }

  @Test
  void anOutThatIsAFileIsAUsageError() throws IOException {
    Path file = Files.writeString(temp.resolve("pack"), "not a folder");
    CommandRun run =
        CommandRun.of(
            "benchmark", "--la", "855", "--public", PUBLIC.toString(), "--out", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Cannot write to --out " + file + ": it is a file");
  }
}
