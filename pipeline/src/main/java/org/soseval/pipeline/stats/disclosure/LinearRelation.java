package org.soseval.pipeline.stats.disclosure;

import java.util.Arrays;
import java.util.Locale;

/**
 * One linear relation that published values satisfy: {@code sum coefficients[i] * value(cells[i]) =
 * 0}, cells numbered by the caller. A mean {@code m} over {@code n} parts is the relation {@code n
 * m - sum parts = 0}; a difference {@code d = a - b} is {@code d - a + b = 0}.
 *
 * @param cells cell numbers, distinct
 * @param coefficients integer coefficient of each cell, none zero
 */
public record LinearRelation(int[] cells, long[] coefficients) {
  public LinearRelation {
    if (cells.length != coefficients.length || cells.length == 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a relation needs one coefficient per cell and at least one cell: %d cells, %d"
                  + " coefficients",
              cells.length,
              coefficients.length));
    }
    if (Arrays.stream(coefficients).anyMatch(c -> c == 0)
        || Arrays.stream(cells).distinct().count() != cells.length) {
      throw new IllegalArgumentException(
          "a relation's cells must be distinct with non-zero coefficients: "
              + Arrays.toString(cells)
              + " "
              + Arrays.toString(coefficients));
    }
    cells = cells.clone();
    coefficients = coefficients.clone();
  }

  /** {@code size * mean - sum parts = 0}: {@code mean} is the mean of {@code parts}. */
  public static LinearRelation mean(int mean, int[] parts) {
    int[] cells = new int[parts.length + 1];
    long[] coefficients = new long[cells.length];
    cells[0] = mean;
    coefficients[0] = parts.length;
    for (int i = 0; i < parts.length; i++) {
      cells[i + 1] = parts[i];
      coefficients[i + 1] = -1;
    }
    return new LinearRelation(cells, coefficients);
  }

  @Override
  public int[] cells() {
    return cells.clone();
  }

  @Override
  public long[] coefficients() {
    return coefficients.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LinearRelation that
        && Arrays.equals(cells, that.cells)
        && Arrays.equals(coefficients, that.coefficients);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(cells) + Arrays.hashCode(coefficients);
  }

  @Override
  public String toString() {
    return "LinearRelation" + Arrays.toString(cells) + Arrays.toString(coefficients);
  }
}
