package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An instrument file as read: its valid rows and its invalid rows' problems. {@code rowsRead =
 * rows.size() + rowsRejected()}: every data line is accounted for (the ledger rule of ingest).
 *
 * @param warnings file-level notes that did not stop reading (e.g. read as Windows-1252)
 */
public record InstrumentFile(
    Path file,
    InstrumentSchema schema,
    List<InstrumentRow> rows,
    List<RowProblem> problems,
    List<String> warnings,
    long rowsRead) {
  public InstrumentFile {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(schema, "schema is null");
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** Data lines rejected (a line with several problems counts once). */
  public long rowsRejected() {
    return problems.stream().mapToLong(RowProblem::line).distinct().count();
  }
}
