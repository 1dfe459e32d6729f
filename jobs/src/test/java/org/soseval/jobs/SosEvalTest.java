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

class SosEvalTest {
  @TempDir Path temp;

  private static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  @Test
  void helpListsTheCommands() {
    CommandRun result = run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("generate", "demo");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command :
        new String[] {
          "generate", "ingest", "indicators", "demo", "evaluate", "panel", "benchmark", "check-ees"
        }) {
      CommandRun result = run(command, "--help");
      assertThat(result.exitCode()).as(command).isZero();
      assertThat(result.out()).as(command).contains("Usage: sos-eval " + command);
    }
  }

  @Test
  void noHelpTextMakesPicocliWarn() {
    // picocli prints "[picocli WARN] Could not format ..." when a description has a bare '%'
    for (String command :
        new String[] {
          "generate", "ingest", "indicators", "demo", "evaluate", "panel", "benchmark", "check-ees"
        }) {
      // picocli's tracer writes to System.err, not to the command's streams
      ByteArrayOutputStream traced = new ByteArrayOutputStream();
      PrintStream systemErr = System.err;
      CommandRun result;
      try {
        System.setErr(new PrintStream(traced, true, StandardCharsets.UTF_8));
        result = run(command, "--help");
      } finally {
        System.setErr(systemErr);
      }
      assertThat(result.out()).as(command).contains("Usage: sos-eval " + command);
      assertThat(result.err() + traced.toString(StandardCharsets.UTF_8))
          .as(command)
          .doesNotContain("[picocli WARN]");
    }
  }

  @Test
  void indicatorsWithoutALakeIsAUsageErrorNamingTheFolder() {
    Path missing = temp.resolve("no-lake");
    CommandRun result =
        run("indicators", "--lake", missing.toString(), "--out", temp.resolve("out").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("Cannot derive indicators from " + missing + ": the folder does not exist");
  }

  @Test
  void indicatorsWithAMissingPopulationFileIsAUsageError() throws IOException {
    Files.createDirectories(temp.resolve("lake"));
    CommandRun result =
        run(
            "indicators",
            "--lake",
            temp.resolve("lake").toString(),
            "--out",
            temp.resolve("out").toString(),
            "--population",
            temp.resolve("population.csv").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Cannot read population estimates");
  }

  @Test
  void ingestWithoutAKeyIsAUsageErrorSayingWhereTheKeyComesFrom() {
    CommandRun result =
        run("ingest", "--deposits", temp.toString(), "--lake", temp.resolve("lake").toString());
    // the test JVM has no SOS_EVAL_KEY unless a developer set one
    if (System.getenv("SOS_EVAL_KEY") == null) {
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err())
          .contains(
              "Cannot pseudonymise without a key: neither --key nor the environment variable"
                  + " SOS_EVAL_KEY is given");
    }
  }

  @Test
  void ingestExitsThreeWhenAFileIsRejectedAndNamesIt() throws IOException {
    Path deposits = temp.resolve("deposits");
    Files.createDirectories(deposits.resolve("855/2016"));
    Files.writeString(deposits.resolve("855/2016/episodes.csv"), "");
    Path key = temp.resolve("pseudonym.key");
    Files.writeString(key, "k".repeat(40));
    CommandRun result =
        run(
            "ingest",
            "--deposits",
            deposits.toString(),
            "--lake",
            temp.resolve("lake").toString(),
            "--key",
            key.toString());
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out())
        .contains("1 file(s) rejected whole")
        .contains("855/2016/episodes.csv: the file is empty (no header line)");
    assertThat(Files.readString(temp.resolve("lake/_ledger/ledger.csv"))).doesNotContain("kkkk");
  }

  @Test
  void ingestIntoALakeThatIsAFileIsAUsageError() throws IOException {
    Path key = Files.writeString(temp.resolve("file-lake.key"), "k".repeat(40));
    Path file = Files.writeString(temp.resolve("lake-is-a-file"), "not a folder");
    CommandRun result =
        run(
            "ingest",
            "--deposits",
            temp.toString(),
            "--lake",
            file.toString(),
            "--key",
            key.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("Cannot create the log folder " + file.resolve("_logs"))
        .contains("Give an output folder that is a writable folder or does not exist yet");
  }

  @Test
  void noCommandIsAUsageError() {
    CommandRun result = run();
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "Missing command: choose one of generate, ingest, indicators, demo, evaluate, panel, benchmark, check-ees");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CommandRun result = run("generate", "--out", temp.toString(), "--colour");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unknown option: '--colour'");
  }

  @Test
  void badYearsSayWhatToChange() {
    CommandRun result = run("generate", "--out", temp.resolve("d").toString(), "--years", "2019-x");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "sos-eval: Cannot read --years 2019-x: expected a year or a range such as 2012-2019."
                + " Give the collection years as A-B"
                + System.lineSeparator());
  }

  @Test
  void anUnknownOutcomeNamesTheOnesThatExist() {
    CommandRun result =
        run("generate", "--out", temp.resolve("d").toString(), "--effect", "happiness=+10%");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "no effect can be planted on 'happiness': choose one of s47_rate, icpc_rate,"
                + " cpp_start_rate, cla_start_rate");
  }

  @Test
  void refusesToReplaceAFolderItDidNotWrite() throws IOException {
    Path precious = Files.createDirectories(temp.resolve("precious"));
    Files.writeString(precious.resolve("notes.txt"), "keep");
    CommandRun result =
        run("generate", "--out", precious.toString(), "--authorities", "1", "--years", "2019");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is not empty and was not written by generate");
    assertThat(precious.resolve("notes.txt")).hasContent("keep");
  }

  @Test
  void generateWritesDepositsAndReportsWhatItWrote() {
    Path out = temp.resolve("deposits");
    CommandRun result =
        run(
            "generate",
            "--out",
            out.toString(),
            "--authorities",
            "2",
            "--years",
            "2018-2019",
            "--scale",
            "0.05",
            "--effect",
            "icpc_rate=-10%");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Deposits for 2 LAs x 2 collection years in " + out);
    assertThat(result.err()).contains("generate: 2/2");
    assertThat(out.resolve("truth.json")).isRegularFile();
  }
}
