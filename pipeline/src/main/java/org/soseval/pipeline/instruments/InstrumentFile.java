package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An instrument file as read: its valid rows, and its rejected rows with their problems. {@code
 * rowsRead = rows.size() + rejected.size()}: every data line is accounted for (the ledger rule of
 * ingest).
 *
 * @param rejected the rejected lines as the quarantine shows them: valid values normalised,
 *     identifiers pseudonymised (or withheld when they broke their rule), keyed by lake column name
 * @param warnings file-level notes that did not stop reading (e.g. read as Windows-1252)
 */
public record InstrumentFile(
    Path file,
    InstrumentSchema schema,
    List<InstrumentRow> rows,
    List<InstrumentRow> rejected,
    List<RowProblem> problems,
    List<String> warnings,
    long rowsRead) {
  public InstrumentFile {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(schema, "schema is null");
    rows = List.copyOf(rows);
    rejected = List.copyOf(rejected);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    if (rows.size() + rejected.size() != rowsRead) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "row accounting failed for %s: %d read, %d valid, %d rejected",
              file,
              rowsRead,
              rows.size(),
              rejected.size()));
    }
  }

  /** Data lines rejected (a line with several problems counts once). */
  public long rowsRejected() {
    return rejected.size();
  }

  /** This file with the rows of LAs other than {@code la} rejected ({@code la-code-folder}). */
  public InstrumentFile withinLa(String la) {
    return rejecting(
        row -> !row.la().equals(la),
        row -> "LA " + row.la() + " in the folder of LA " + la,
        "la_code",
        "la-code-folder");
  }

  /**
   * This file with the rows whose key an earlier file already gave rejected ({@code
   * duplicate-key}); records the keys of its other rows in {@code firstByKey} (key to file and
   * line), naming this file {@code name}.
   */
  public InstrumentFile withKeysNotIn(Map<String, String> firstByKey, String name) {
    String scope = schema.instrument() + "\u0000";
    InstrumentFile checked =
        rejecting(
            row -> firstByKey.containsKey(scope + schema.keyOf(row.values())),
            row ->
                "has the same "
                    + schema.key()
                    + " as "
                    + firstByKey.get(scope + schema.keyOf(row.values()))
                    + "; the first is kept",
            "(row)",
            "duplicate-key");
    checked
        .rows()
        .forEach(
            row ->
                firstByKey.putIfAbsent(
                    scope + schema.keyOf(row.values()), name + " line " + row.line()));
    return checked;
  }

  private InstrumentFile rejecting(
      Predicate<InstrumentRow> reject,
      Function<InstrumentRow, String> message,
      String field,
      String rule) {
    List<InstrumentRow> kept = new ArrayList<>();
    List<InstrumentRow> dropped = new ArrayList<>(rejected);
    List<RowProblem> allProblems = new ArrayList<>(problems);
    for (InstrumentRow row : rows) {
      if (!reject.test(row)) {
        kept.add(row);
        continue;
      }
      allProblems.add(
          new RowProblem(file, row.line(), field, rule, row.text(field), message.apply(row)));
      dropped.add(new InstrumentRow(row.line(), schema.lakeValues(row.values())));
    }
    if (kept.size() == rows.size()) {
      return this;
    }
    dropped.sort(Comparator.comparingLong(InstrumentRow::line));
    allProblems.sort(Comparator.comparingLong(RowProblem::line));
    return new InstrumentFile(file, schema, kept, dropped, allProblems, warnings, rowsRead);
  }
}
