package org.soseval.pipeline.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;

class OutputFolderTest {
  @TempDir Path temp;

  private static final List<String> RESULTS = List.of("publish", "summary.json", "report");

  private Path previousRun() throws IOException {
    Path out = temp.resolve("out");
    Files.createDirectories(out.resolve("publish"));
    Files.createDirectories(out.resolve("lake"));
    Files.writeString(out.resolve("publish/effects.csv"), "old effects\n");
    Files.writeString(out.resolve("publish/survey_items.csv"), "old survey\n");
    Files.writeString(out.resolve("summary.json"), "old summary\n");
    Files.writeString(out.resolve("lake/data"), "lake\n");
    return out;
  }

  @Test
  void aRunAbandonedHalfWayLeavesThePreviousResultsAsTheyWere() throws IOException {
    Path out = previousRun();
    OutputFolder output = OutputFolder.start(out, "--out", RESULTS);
    Files.createDirectories(output.staging().resolve("publish"));
    Files.writeString(output.staging().resolve("publish/effects.csv"), "new effects\n");
    output.abandon();
    assertThat(out.resolve("publish/effects.csv")).hasContent("old effects");
    assertThat(out.resolve("publish/survey_items.csv")).hasContent("old survey");
    assertThat(out.resolve("summary.json")).hasContent("old summary");
    assertThat(output.staging()).doesNotExist();
  }

  @Test
  void aCommitReplacesEveryResultRemovesStaleOnesAndKeepsOtherFolders() throws IOException {
    Path out = previousRun();
    OutputFolder output = OutputFolder.start(out, "--out", RESULTS);
    Files.createDirectories(output.staging().resolve("publish"));
    Path staged = output.staging().resolve("publish/effects.csv");
    Files.writeString(staged, "new effects\n");
    assertThat(output.finalPath(staged)).isEqualTo(out.resolve("publish/effects.csv"));
    output.commit();
    assertThat(out.resolve("publish/effects.csv")).hasContent("new effects");
    // results of the previous run that this run did not write are gone, not mixed in
    assertThat(out.resolve("publish/survey_items.csv")).doesNotExist();
    assertThat(out.resolve("summary.json")).doesNotExist();
    assertThat(out.resolve("lake/data")).hasContent("lake");
    assertThat(output.staging()).doesNotExist();
  }

  @Test
  void aFileWhereTheFolderShouldBeIsAUsageError() throws IOException {
    Path file = Files.writeString(temp.resolve("out"), "x");
    assertThatThrownBy(() -> OutputFolder.usable(file, "--out"))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "Cannot write to --out "
                + file
                + ": it is a file, not a folder. Give --out a folder (it is created if missing)");
  }
}
