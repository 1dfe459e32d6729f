package org.soseval.pipeline.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an EES data file with filters (an analysis output such as {@code effects.csv}, whose rows
 * are already in published form) and its {@code .meta.csv}: the identifier columns of {@link
 * EesWriter#IDENTIFIER_COLUMNS}, then the given columns. A filter with no Total row names its
 * default item, the value in the first row, in {@code filter_default}.
 */
public final class EesFile {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private EesFile() {}

  /** A non-identifier column and its metadata row. */
  public record Column(
      String name, boolean filter, String label, String grouping, String unit, String dp) {
    public Column {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(label, "label is null");
    }

    public static Column filter(String name, String label) {
      return new Column(name, true, label, "", "", "");
    }

    public static Column indicator(
        String name, String label, String grouping, String unit, int dp) {
      return new Column(name, false, label, grouping, unit, Integer.toString(dp));
    }
  }

  /**
   * Writes {@code file} and its {@code .meta.csv}; each row holds the identifier cells followed by
   * one cell per column.
   */
  public static void write(Path file, List<Column> columns, List<List<String>> rows) {
    int width = EesWriter.IDENTIFIER_COLUMNS.size() + columns.size();
    for (List<String> row : rows) {
      if (row.size() != width) {
        throw new IllegalArgumentException(
            "a row of " + file.getFileName() + " needs " + width + " cells: " + row.size());
      }
    }
    String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
    Path meta = file.resolveSibling(name + ".meta.csv");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter csv = FORMAT.print(writer)) {
        List<String> header = new ArrayList<>(EesWriter.IDENTIFIER_COLUMNS);
        columns.forEach(column -> header.add(column.name()));
        csv.printRecord(header);
        for (List<String> row : rows) {
          csv.printRecord(row);
        }
      }
      try (Writer writer = Files.newBufferedWriter(meta, StandardCharsets.UTF_8);
          CSVPrinter csv = FORMAT.print(writer)) {
        List<String> header = new ArrayList<>(EesWriter.META_COLUMNS);
        header.add("filter_default");
        csv.printRecord(header);
        for (int i = 0; i < columns.size(); i++) {
          Column column = columns.get(i);
          int cell = EesWriter.IDENTIFIER_COLUMNS.size() + i;
          boolean hasTotal = rows.stream().anyMatch(row -> row.get(cell).equals("Total"));
          String fallback =
              !column.filter() || hasTotal || rows.isEmpty() ? "" : rows.get(0).get(cell);
          csv.printRecord(
              column.name(),
              column.filter() ? "Filter" : "Indicator",
              column.label(),
              column.grouping(),
              column.unit(),
              column.dp(),
              "",
              "",
              fallback);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
