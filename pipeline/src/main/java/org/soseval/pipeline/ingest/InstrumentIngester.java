package org.soseval.pipeline.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.soseval.pipeline.instruments.InstrumentFile;
import org.soseval.pipeline.instruments.InstrumentLake;
import org.soseval.pipeline.instruments.InstrumentReader;
import org.soseval.pipeline.instruments.InstrumentRow;
import org.soseval.pipeline.instruments.InstrumentSchema;
import org.soseval.pipeline.instruments.RowProblem;
import org.soseval.pipeline.lake.LakeRow;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.lake.Partition;
import org.soseval.pipeline.privacy.Pseudonymiser;

/**
 * Reads evaluation instrument CSVs (surveys, audits, ratings, training, costs, caseload;
 * docs/instruments.md) into the lake. {@link InstrumentReader} recognises, validates and
 * pseudonymises each file, the one validation path of instruments; here each valid row goes to
 * {@code instrument_<name>} and each rejected row to its quarantine, in the partition of its LA and
 * the reporting year of its {@code year_from} date ({@link InstrumentLake}). A file in an LA's
 * folder may hold only that LA's rows; a key an earlier file of the run gave is rejected. A file
 * replaces the partitions its rows fall in.
 */
final class InstrumentIngester {
  private static final Pattern LA = Pattern.compile("\\d{3}");

  /**
   * What one file gave: its instrument, the partitions it fills, its LA (when it holds one LA's
   * rows, or sits in an LA's folder) and the latest reporting year of its rows.
   */
  record Read(
      String instrument,
      String schemaVersion,
      SortedSet<Partition> partitions,
      Optional<String> la,
      Optional<Integer> year) {}

  private final Pseudonymiser pseudonymiser;
  private final Map<String, String> keys = new HashMap<>();

  InstrumentIngester(Pseudonymiser pseudonymiser) {
    this.pseudonymiser = pseudonymiser;
  }

  /** The lake datasets of the instruments (their quarantines are {@code _quarantine/<folder>}). */
  static List<LakeTable> lakeTables() {
    return InstrumentLake.tables();
  }

  Read ingest(Path file, String sourceName, Optional<String> folderLa, RowSink sink)
      throws FileRejected {
    InstrumentReader.Result result = InstrumentReader.attempt(file, pseudonymiser);
    if (result.problem().isPresent()) {
      throw new FileRejected(
          result.problem().get().message() + " [" + result.problem().get().rule() + "]");
    }
    InstrumentFile read =
        folderLa.isPresent()
            ? result.file().orElseThrow().withinLa(folderLa.get())
            : result.file().orElseThrow();
    InstrumentSchema schema = read.schema();
    Optional<String> fallbackLa =
        folderLa.or(() -> read.rows().stream().map(InstrumentRow::la).findFirst());
    OptionalInt fallbackYear =
        read.rows().stream()
            .mapToInt(row -> InstrumentLake.year(schema, row.values()).orElseThrow())
            .max();
    if (fallbackYear.isEmpty()) {
      fallbackYear =
          read.rejected().stream()
              .map(row -> InstrumentLake.year(schema, row.values()))
              .filter(OptionalInt::isPresent)
              .mapToInt(OptionalInt::getAsInt)
              .max();
    }
    if (fallbackLa.isEmpty()) {
      fallbackLa =
          read.rejected().stream()
              .map(row -> row.text("la_code"))
              .filter(code -> LA.matcher(code).matches())
              .findFirst();
    }
    if (read.rowsRead() > 0 && (fallbackLa.isEmpty() || fallbackYear.isEmpty())) {
      throw new FileRejected(
          String.format(
              Locale.ROOT,
              "no row has a valid %s, so its rows cannot be placed in the lake's partitions (LA and"
                  + " year); correct the %s and deposit it again",
              fallbackLa.isEmpty()
                  ? "la_code (and no folder on its path is an LA code)"
                  : schema.yearFrom(),
              fallbackLa.isEmpty() ? "LA codes" : schema.yearFrom() + " values"));
    }
    InstrumentFile checked = read.withKeysNotIn(keys, sourceName);
    LakeTable table = InstrumentLake.table(schema);
    String quarantine = Quarantine.table(table.folder()).folder();
    SortedSet<Partition> partitions = new TreeSet<>();
    TreeSet<String> las = new TreeSet<>();
    TreeSet<Integer> years = new TreeSet<>();
    for (InstrumentRow row : checked.rows()) {
      int year = InstrumentLake.year(schema, row.values()).orElseThrow();
      sink.accept(new LakeRow(table, row.la(), year, InstrumentLake.values(schema, row)));
      partitions.add(new Partition(table.folder(), row.la(), year));
      partitions.add(new Partition(quarantine, row.la(), year));
      las.add(row.la());
      years.add(year);
    }
    Map<Long, List<Violation>> violations = new LinkedHashMap<>();
    for (RowProblem problem : checked.problems()) {
      violations
          .computeIfAbsent(problem.line(), line -> new ArrayList<>())
          .add(new Violation(problem.field(), problem.rule(), problem.message()));
    }
    for (InstrumentRow row : checked.rejected()) {
      String code = row.text("la_code");
      // a file in an LA's folder is that LA's, whatever its rows say
      String la = folderLa.orElse(LA.matcher(code).matches() ? code : fallbackLa.orElseThrow());
      List<Violation> problems = violations.get(row.line());
      boolean yearFailed =
          problems.stream().anyMatch(problem -> problem.field().equals(schema.yearFrom()));
      int year =
          yearFailed
              ? fallbackYear.getAsInt()
              : InstrumentLake.year(schema, row.values()).orElse(fallbackYear.getAsInt());
      sink.quarantine(
          Quarantine.row(
              table.folder(), la, year, sourceName, "line " + row.line(), problems, row.values()));
      partitions.add(new Partition(table.folder(), la, year));
      partitions.add(new Partition(quarantine, la, year));
      las.add(la);
      years.add(year);
    }
    return new Read(
        schema.instrument(),
        InstrumentLake.KIND + schema.instrument() + "/v" + schema.version(),
        partitions,
        las.size() == 1 ? Optional.of(las.first()) : folderLa,
        years.isEmpty() ? Optional.empty() : Optional.of(years.last()));
  }
}
