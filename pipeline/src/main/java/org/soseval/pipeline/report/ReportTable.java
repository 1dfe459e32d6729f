package org.soseval.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of the report: a caption, column headers and rows of already formatted cells. Written as
 * an HTML table with a {@code <caption>} and {@code <th scope="col">} headers; the first cell of
 * each row is its row header ({@code <th scope="row">}).
 *
 * @param caption what the table shows, e.g. "Table 3: Pooled difference-in-differences estimates"
 * @param headers column headers
 * @param rows rows of cells, each with one cell per header
 */
public record ReportTable(String caption, List<String> headers, List<List<String>> rows) {
  public ReportTable {
    Objects.requireNonNull(caption, "caption is null");
    headers = List.copyOf(headers);
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("table '" + caption + "' must have at least one column");
    }
    List<List<String>> copy = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "row of table '"
                + caption
                + "' must have "
                + headers.size()
                + " cells: "
                + row.size()
                + " in "
                + row);
      }
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
  }

  public static ReportTable of(String caption, List<String> headers, List<List<String>> rows) {
    return new ReportTable(caption, headers, rows);
  }
}
