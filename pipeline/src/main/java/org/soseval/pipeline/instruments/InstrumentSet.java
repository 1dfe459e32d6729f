package org.soseval.pipeline.instruments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.soseval.pipeline.privacy.Pseudonymiser;

/**
 * Every instrument file under one or more folders, read and validated. A folder is either an {@code
 * instruments} folder itself or a deposits tree ({@code DEPOSITS/<la>/instruments/*.csv}); in a
 * deposits tree only CSVs inside folders named {@code instruments} are read. When the instruments
 * folder sits in an LA folder (three digits), each row's {@code la_code} must be that LA ({@code
 * la-code-folder}).
 *
 * <p>A row whose key an earlier file already gave is rejected ({@code duplicate-key}), as within a
 * file. Ingest reads each deposited file with {@link InstrumentReader} and the same checks and
 * writes the lake; {@link InstrumentLake#read} reads the lake back into a set.
 */
public record InstrumentSet(
    List<InstrumentFile> files, List<FileProblem> rejectedFiles, List<RowProblem> problems) {
  static final String FOLDER = "instruments";

  public InstrumentSet {
    files = List.copyOf(files);
    rejectedFiles = List.copyOf(rejectedFiles);
    problems = List.copyOf(problems);
  }

  /** No instruments. */
  public static InstrumentSet empty() {
    return new InstrumentSet(List.of(), List.of(), List.of());
  }

  /** Reads every instrument file under the folders, in path order. */
  public static InstrumentSet read(List<Path> folders, Pseudonymiser pseudonymiser) {
    List<InstrumentFile> files = new ArrayList<>();
    List<FileProblem> rejected = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    Map<String, String> keys = new HashMap<>();
    for (Path folder : folders) {
      for (Path csv : csvFiles(folder)) {
        InstrumentReader.Result result = InstrumentReader.attempt(csv, pseudonymiser);
        result.problem().ifPresent(rejected::add);
        if (result.file().isEmpty()) {
          continue;
        }
        InstrumentFile file = folderCheck(result.file().get()).withKeysNotIn(keys, csv.toString());
        files.add(file);
        problems.addAll(file.problems());
      }
    }
    return new InstrumentSet(files, rejected, problems);
  }

  /** The valid rows of an instrument across every file, in file then line order. */
  public List<InstrumentRow> rows(String instrument) {
    List<InstrumentRow> rows = new ArrayList<>();
    files.stream()
        .filter(file -> file.schema().instrument().equals(instrument))
        .forEach(file -> rows.addAll(file.rows()));
    return rows;
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Rows read and rejected per instrument: {@code instrument -> [read, valid, rejected]}. */
  public Map<String, long[]> ledger() {
    Map<String, long[]> ledger = new LinkedHashMap<>();
    InstrumentSchema.ALL.forEach(name -> ledger.put(name, new long[3]));
    for (InstrumentFile file : files) {
      long[] counts = ledger.get(file.schema().instrument());
      counts[0] += file.rowsRead();
      counts[1] += file.rows().size();
      counts[2] += file.rowsRejected();
    }
    return ledger;
  }

  /** One line per file and problem, for the log and the terminal. */
  public List<String> report() {
    List<String> lines = new ArrayList<>();
    ledger()
        .forEach(
            (name, counts) -> {
              if (counts[0] > 0) {
                lines.add(
                    String.format(
                        Locale.ROOT,
                        "%s: %d rows read, %d valid, %d rejected",
                        name,
                        counts[0],
                        counts[1],
                        counts[2]));
              }
            });
    rejectedFiles.forEach(problem -> lines.add("rejected " + problem));
    files.forEach(file -> file.warnings().forEach(lines::add));
    problems.forEach(problem -> lines.add(problem.toString()));
    return lines;
  }

  private static InstrumentFile folderCheck(InstrumentFile file) {
    Path parent = file.file().toAbsolutePath().getParent();
    Path laFolder = parent.getParent();
    if (!parent.getFileName().toString().equals(FOLDER)
        || laFolder == null
        || laFolder.getFileName() == null
        || !laFolder.getFileName().toString().matches("\\d{3}")) {
      return file;
    }
    return file.withinLa(laFolder.getFileName().toString());
  }

  private static List<Path> csvFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    boolean inside = folder.getFileName() != null && folder.getFileName().toString().equals(FOLDER);
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .filter(
              path ->
                  inside
                      || (path.getParent().getFileName() != null
                          && path.getParent().getFileName().toString().equals(FOLDER)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }
}
