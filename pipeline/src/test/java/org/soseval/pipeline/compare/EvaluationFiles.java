package org.soseval.pipeline.compare;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.soseval.pipeline.Progress;

/** Test aids: run an evaluation whose only source is an evaluator's panel, and read its CSVs. */
final class EvaluationFiles {
  private EvaluationFiles() {}

  /** Runs {@code config} into {@code out}; reading published statistics or deposits fails. */
  static Evaluation.Result runOnPanel(Path config, Path out) {
    return Evaluation.run(
        EvaluationConfig.load(config),
        out,
        new Evaluation.Sources(
            dir -> {
              throw new AssertionError("no published statistics in this test");
            },
            dir -> {
              throw new AssertionError("no deposits in this test");
            }),
        Progress.SILENT);
  }

  /** The records of a CSV with a header row. */
  static List<CSVRecord> read(Path file) throws IOException {
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
