package org.soseval.pipeline.report;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.panel.PublishedCsv;
import org.soseval.pipeline.panel.PublishedValue.Convention;
import org.soseval.pipeline.stats.disclosure.PublishedValue;
import org.soseval.pipeline.stats.disclosure.Symbol;

/**
 * A table this run published (an EES file under {@code publish/}, after disclosure control), read
 * back as published: the report's instrument charts and tables show these cells and nothing
 * computed before disclosure control. A cell is a number or a GSS symbol ({@code c}, {@code x},
 * {@code z}, {@code low}, {@code u}).
 */
final class PublishedTable {
  static final String NATIONAL = "National";

  private final Path file;
  private final PublishedCsv csv;
  private final Optional<PublishedCsv> meta;

  private PublishedTable(Path file, PublishedCsv csv, Optional<PublishedCsv> meta) {
    this.file = file;
    this.csv = csv;
    this.meta = meta;
  }

  /** The table {@code publish/name}, or empty when the run did not publish it. */
  static Optional<PublishedTable> read(Path publish, String name) {
    Path file = publish.resolve(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Path metaFile = publish.resolve(name.replaceFirst("\\.csv$", ".meta.csv"));
    return Optional.of(
        new PublishedTable(
            file,
            PublishedCsv.read(file, Convention.EES),
            Files.isRegularFile(metaFile)
                ? Optional.of(PublishedCsv.read(metaFile, Convention.EES))
                : Optional.empty()));
  }

  List<Row> rows() {
    return csv.rows().stream().map(Row::new).toList();
  }

  /** The label of a column in the table's {@code .meta.csv}, e.g. "Cost, 2023-24 prices". */
  Optional<String> label(String column) {
    return meta.flatMap(
        m ->
            m.rows().stream()
                .filter(row -> row.text("col_name").equals(column))
                .map(row -> row.text("label"))
                .findFirst());
  }

  /** One row of the table. */
  final class Row {
    private final PublishedCsv.Row row;

    private Row(PublishedCsv.Row row) {
      this.row = row;
    }

    String text(String column) {
      return row.text(column);
    }

    boolean national() {
      return NATIONAL.equals(text("geographic_level"));
    }

    int integer(String column) {
      try {
        return Integer.parseInt(text(column));
      } catch (NumberFormatException e) {
        throw problem(column, "it is not a whole number: '" + text(column) + "'");
      }
    }

    /** The cell as published: a number, or the symbol in its place. */
    PublishedValue value(String column) {
      String cell = text(column);
      for (Symbol symbol : Symbol.values()) {
        if (symbol.code().equals(cell)) {
          return PublishedValue.symbol(symbol);
        }
      }
      try {
        return PublishedValue.number(new BigDecimal(cell));
      } catch (NumberFormatException e) {
        throw problem(
            column, "it is neither a number nor a symbol (c, x, z, low, u): '" + cell + "'");
      }
    }

    private RuntimeException problem(String column, String cause) {
      return PipelineErrors.inputRejected(
          String.format(
              Locale.ROOT,
              "Cannot report %s line %d column %s",
              file.getFileName(),
              row.line(),
              column),
          cause,
          "The file was written by this run's instrument analysis; rerun the evaluation, and"
              + " report the problem if it persists");
    }
  }
}
