package org.soseval.pipeline.stats.disclosure;

import java.util.Objects;

/**
 * A cell of a published table, by row and column label.
 *
 * @param row row label
 * @param column column label
 */
public record Cell(String row, String column) {
  public Cell {
    Objects.requireNonNull(row, "row is null");
    Objects.requireNonNull(column, "column is null");
  }

  public static Cell of(String row, String column) {
    return new Cell(row, column);
  }

  @Override
  public String toString() {
    return "(" + row + ", " + column + ")";
  }
}
