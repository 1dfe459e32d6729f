package org.soseval.pipeline.panel;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.files.TextBytes;

/**
 * A published statistics CSV read by header name. Copes with what real DfE files do: a UTF-8
 * byte-order mark, Windows-1252 text, CRLF line ends, header names with stray spaces, trailing
 * unnamed columns, and quoted empty cells. Columns are found by name (or by one of several names,
 * since names drift between releases), never by position.
 */
public final class PublishedCsv {

  private final Path path;
  private final Map<String, Integer> columns;
  private final List<CSVRecord> records;
  private final PublishedValue.Convention convention;

  private PublishedCsv(
      Path path,
      Map<String, Integer> columns,
      List<CSVRecord> records,
      PublishedValue.Convention convention) {
    this.path = path;
    this.columns = columns;
    this.records = records;
    this.convention = convention;
  }

  /**
   * Reads {@code path}.
   *
   * @throws org.soseval.pipeline.PipelineException (input rejected) if the file is missing or has
   *     no header
   */
  public static PublishedCsv read(Path path, PublishedValue.Convention convention) {
    Objects.requireNonNull(path, "path is null");
    if (!Files.isRegularFile(path)) {
      throw PipelineErrors.inputRejected(
          "Cannot read published statistics " + path,
          "the file does not exist",
          "Check the folder holds the DfE files listed in docs/indicators.md");
    }
    String text = decode(path);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      List<CSVRecord> all = parser.getRecords();
      if (all.isEmpty()) {
        throw PipelineErrors.inputRejected(
            "Cannot read published statistics " + path,
            "the file is empty",
            "Download the file again from its source");
      }
      Map<String, Integer> columns = new LinkedHashMap<>();
      CSVRecord header = all.get(0);
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).trim();
        if (!name.isEmpty()) {
          columns.putIfAbsent(name, i);
        }
      }
      return new PublishedCsv(path, columns, List.copyOf(all.subList(1, all.size())), convention);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  /** The file's text: UTF-8 (a byte-order mark dropped) or, when not valid UTF-8, Windows-1252. */
  public static String decode(Path path) {
    TextBytes text = TextBytes.read(path);
    return text.utf8().orElseGet(text::windows1252);
  }

  public Path path() {
    return path;
  }

  /** The header names, trimmed, in file order (unnamed columns left out). */
  public List<String> columns() {
    return List.copyOf(columns.keySet());
  }

  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * The first of {@code names} the file has.
   *
   * @throws org.soseval.pipeline.PipelineException (input rejected) naming the file and the columns
   *     it looked for
   */
  public String column(String... names) {
    for (String name : names) {
      if (columns.containsKey(name)) {
        return name;
      }
    }
    throw PipelineErrors.inputRejected(
        "Cannot read " + path.getFileName(),
        "it has none of the columns " + String.join(", ", names),
        "Check this is the right DfE file; its columns are " + String.join(", ", columns.keySet()));
  }

  /** The first column whose name matches {@code regex}, if any. */
  public Optional<String> columnMatching(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return columns.keySet().stream().filter(c -> pattern.matcher(c).matches()).findFirst();
  }

  public List<Row> rows() {
    List<Row> rows = new ArrayList<>(records.size());
    for (CSVRecord record : records) {
      if (record.size() == 1 && record.get(0).isBlank()) {
        continue;
      }
      rows.add(new Row(record));
    }
    return rows;
  }

  /** One data row. */
  public final class Row {
    private final CSVRecord record;

    private Row(CSVRecord record) {
      this.record = record;
    }

    /** The line number in the file (the header is line 1). */
    public long line() {
      return record.getRecordNumber();
    }

    /** The cell, trimmed; blank when the row is short. */
    public String text(String column) {
      Integer index = columns.get(column);
      if (index == null) {
        throw new IllegalArgumentException(
            path.getFileName() + " has no column " + column + "; it has " + columns.keySet());
      }
      return index < record.size() ? record.get(index).trim() : "";
    }

    /**
     * The cell as a published value.
     *
     * @throws org.soseval.pipeline.PipelineException (input rejected) naming file, line and column
     *     if the cell is neither a number nor a symbol
     */
    public PublishedValue value(String column) {
      String cell = text(column);
      try {
        return PublishedValue.parse(cell, convention);
      } catch (IllegalArgumentException e) {
        throw PipelineErrors.inputRejected(
            String.format(
                Locale.ROOT,
                "Cannot read %s line %d column %s",
                path.getFileName(),
                line(),
                column),
            e.getMessage(),
            "Correct the cell or download the file again from its source");
      }
    }
  }
}
