package org.soseval.pipeline.charts;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The data behind a chart: named columns and rows of already-formatted cells. Numbers are written
 * unrounded ({@link #number(double)}); a missing value is an empty cell.
 *
 * @param columns column names, snake_case
 * @param rows rows, each with one cell per column
 */
public record DataTable(List<String> columns, List<List<String>> rows) {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  public DataTable {
    columns = List.copyOf(columns);
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "row must have " + columns.size() + " cells: " + row.size() + " in " + row);
      }
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
  }

  /** A table builder with the given columns. */
  public static Builder builder(String... columns) {
    return new Builder(List.of(columns));
  }

  /**
   * A number as a CSV cell: the shortest decimal that reads back as the same double, never in
   * exponent notation ({@code 45.3}, {@code 0.0001}, {@code 100}); empty for NaN.
   */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** The table as RFC 4180 CSV with a header row and {@code \n} line ends. */
  public String toCsv() {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(columns);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Collects rows in order. */
  public static final class Builder {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    private Builder(List<String> columns) {
      this.columns = columns;
    }

    /** Adds a row; numbers should already be cells from {@link DataTable#number(double)}. */
    public Builder row(String... cells) {
      rows.add(List.of(cells));
      return this;
    }

    public DataTable build() {
      return new DataTable(columns, rows);
    }
  }
}
