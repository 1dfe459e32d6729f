package org.soseval.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sos-eval evaluate} leaves in {@code --out}: a run that fails leaves the previous
 * results exactly as they were (never a mix of two runs), and an unusable folder is a usage error.
 */
class EvaluateOutputTest {
  @TempDir Path temp;

  /** Two pilots and four comparators, 2012-2017, on an evaluator's panel of one outcome. */
  private Path setUp() throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "time_period,time_identifier,geographic_level,country_code,country_name,old_la_code,"
                + "new_la_code,la_name,icpc_rate\n");
    List<String> las = List.of("855", "925", "304", "801", "935", "938");
    for (int la = 0; la < las.size(); la++) {
      for (int year = 2012; year <= 2017; year++) {
        double value = 40 + 3 * la + 2 * (year - 2012) + ((la * 7 + year) % 5) * 0.1;
        csv.append(year)
            .append(",Reporting year,Local authority,E92000001,England,")
            .append(las.get(la))
            .append(",,LA ")
            .append(las.get(la))
            .append(',')
            .append(value)
            .append('\n');
      }
    }
    Files.writeString(temp.resolve("panel.csv"), csv.toString());
    return Files.writeString(
        temp.resolve("evaluation.yaml"),
        """
        name: output folder
        reporting_years: 2012-2017
        pilots: [{la: 855, start: 2014-10-01}, {la: 925, start: 2014-10-01}]
        comparison: {method: list, authorities: [304, 801, 935, 938]}
        outcomes: [icpc_rate]
        sources: {panel: panel.csv}
        bootstrap: {draws: 99, seed: 1}
        """);
  }

  private static CommandRun evaluate(Path config, Path out) {
    return CommandRun.of("evaluate", "--config", config.toString(), "--out", out.toString());
  }

  private static List<String> entries(Path folder) throws IOException {
    try (Stream<Path> paths = Files.list(folder)) {
      return paths.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFailedRunLeavesThePreviousResultsAsTheyWere() throws IOException {
    Path config = setUp();
    Path out = temp.resolve("out");
    CommandRun first = evaluate(config, out);
    assertThat(first.exitCode()).as(first.err()).isZero();
    String effects = Files.readString(out.resolve("publish/effects.csv"));
    String manifest = Files.readString(out.resolve("manifest.json"));
    List<String> written = entries(out);
    assertThat(written)
        .contains("publish", "evaluation.json", "emmie.json", "report", "manifest.json")
        .doesNotContain(".staging");

    // a panel rejected at reading, and a bad CMO file (checked before anything is estimated)
    Files.writeString(
        temp.resolve("panel.csv"),
        Files.readString(temp.resolve("panel.csv"))
            + "2016,Reporting year,Local authority,E92000001,England,855,,LA 855,1\n");
    CommandRun rejected = evaluate(config, out);
    assertThat(rejected.exitCode()).as(rejected.err()).isEqualTo(3);
    assertThat(rejected.err()).contains("gives LA 855 reporting year 2016 again");
    Path cmo = Files.writeString(temp.resolve("cmo.yaml"), "configurations:\n  - id: CMO-1\n");
    Files.writeString(config, Files.readString(config) + "cmo: " + cmo.getFileName() + "\n");
    CommandRun badCmo = evaluate(config, out);
    assertThat(badCmo.exitCode()).as(badCmo.err()).isEqualTo(2);
    assertThat(badCmo.err()).contains("Invalid CMO file", "configurations[0].context");

    assertThat(Files.readString(out.resolve("publish/effects.csv"))).isEqualTo(effects);
    assertThat(Files.readString(out.resolve("manifest.json"))).isEqualTo(manifest);
    assertThat(entries(out)).isEqualTo(written);
  }

  @Test
  void aRerunReplacesEveryResultAndNamesTheFinalPaths() throws IOException {
    Path config = setUp();
    Path out = temp.resolve("out");
    assertThat(evaluate(config, out).exitCode()).isZero();
    Path stale = Files.writeString(out.resolve("publish/survey_items.csv"), "from another run\n");
    CommandRun again = evaluate(config, out);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(stale).doesNotExist();
    assertThat(again.out())
        .contains("effects: " + out.toAbsolutePath().resolve("publish/effects.csv"))
        .doesNotContain(".staging");
    assertThat(Files.readString(out.resolve("manifest.json"))).doesNotContain(".staging");
  }

  @Test
  void anOutThatIsAFileIsAUsageErrorNamingIt() throws IOException {
    Path config = setUp();
    Path file = Files.writeString(temp.resolve("results"), "not a folder");
    CommandRun run = evaluate(config, file);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Cannot write to --out " + file.toAbsolutePath() + ": it is a file, not a folder");
  }
}
