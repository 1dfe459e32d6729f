package org.soseval.pipeline.stats.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds suppressed cells that the published values determine exactly through the table's margin
 * equations, alone or in any linear combination.
 *
 * <p>Method: write every margin equation {@code total - sum parts = 0} with the published cells
 * moved to the right-hand side, leaving a linear system {@code A x = b} in the suppressed cells
 * {@code x}. A suppressed cell {@code x_j} is determined exactly when the unit vector {@code e_j}
 * lies in the row space of {@code A}, i.e. when in the reduced row-echelon form of {@code A} the
 * column of {@code x_j} is a pivot column whose row has no other non-zero entry. The elimination is
 * exact (integer Gauss-Jordan with gcd reduction on {@link BigInteger}), so there is no tolerance.
 * This covers every attack by linear combinations of the table's own margins (e.g. two suppressed
 * 2x2 blocks joined by one cell, where every margin has two or more suppressed cells yet the
 * joining cell is recoverable); it does not cover interval (linear-programming) attacks that use
 * non-negativity, nor linked tables published elsewhere.
 */
public final class LinearDisclosureAudit {
  private LinearDisclosureAudit() {}

  /**
   * The suppressed cells of {@code table} that the unsuppressed cells determine exactly, in
   * position order; empty when the suppression pattern is safe against linear recovery.
   *
   * @throws IllegalArgumentException if a cell label is unknown
   */
  public static List<Cell> recoverableCells(CountTable table, Set<Cell> suppressedCells) {
    boolean[] suppressed = new boolean[table.cellCount()];
    for (Cell cell : suppressedCells) {
      suppressed[table.index(cell.row(), cell.column())] = true;
    }
    List<Cell> cells = new ArrayList<>();
    for (int cell : determined(MarginEquation.of(table), suppressed)) {
      cells.add(table.cell(cell));
    }
    return cells;
  }

  /** Positions of the suppressed cells determined exactly, ascending. */
  static List<Integer> determined(List<MarginEquation> equations, boolean[] suppressed) {
    int[] unknownOf = new int[suppressed.length];
    List<Integer> unknowns = new ArrayList<>();
    for (int cell = 0; cell < suppressed.length; cell++) {
      unknownOf[cell] = suppressed[cell] ? unknowns.size() : -1;
      if (suppressed[cell]) {
        unknowns.add(cell);
      }
    }
    int width = unknowns.size();
    List<BigInteger[]> matrix = new ArrayList<>();
    for (MarginEquation equation : equations) {
      if (equation.suppressedCount(suppressed) == 0) {
        continue;
      }
      BigInteger[] row = zeros(width);
      add(row, unknownOf[equation.total()], BigInteger.ONE);
      for (int part : equation.parts()) {
        add(row, unknownOf[part], BigInteger.ONE.negate());
      }
      matrix.add(row);
    }
    int[] pivotColumnOfRow = reduce(matrix, width);
    Set<Integer> determined = new HashSet<>();
    for (int r = 0; r < pivotColumnOfRow.length; r++) {
      int pivot = pivotColumnOfRow[r];
      if (pivot < 0) {
        continue;
      }
      boolean alone = true;
      BigInteger[] row = matrix.get(r);
      for (int c = 0; c < width && alone; c++) {
        alone = c == pivot || row[c].signum() == 0;
      }
      if (alone) {
        determined.add(unknowns.get(pivot));
      }
    }
    List<Integer> sorted = new ArrayList<>(determined);
    sorted.sort(null);
    return sorted;
  }

  private static void add(BigInteger[] row, int column, BigInteger value) {
    if (column >= 0) {
      row[column] = row[column].add(value);
    }
  }

  private static BigInteger[] zeros(int width) {
    BigInteger[] row = new BigInteger[width];
    java.util.Arrays.fill(row, BigInteger.ZERO);
    return row;
  }

  /**
   * Integer Gauss-Jordan elimination in place; returns the pivot column of each row (-1 for a zero
   * row), rows reordered so pivots come first.
   */
  private static int[] reduce(List<BigInteger[]> matrix, int width) {
    int rowCount = matrix.size();
    int[] pivotColumnOfRow = new int[rowCount];
    java.util.Arrays.fill(pivotColumnOfRow, -1);
    int next = 0;
    for (int column = 0; column < width && next < rowCount; column++) {
      int found = -1;
      for (int r = next; r < rowCount; r++) {
        if (matrix.get(r)[column].signum() != 0) {
          found = r;
          break;
        }
      }
      if (found < 0) {
        continue;
      }
      java.util.Collections.swap(matrix, next, found);
      BigInteger[] pivotRow = matrix.get(next);
      BigInteger pivot = pivotRow[column];
      for (int r = 0; r < rowCount; r++) {
        BigInteger[] row = matrix.get(r);
        if (r == next || row[column].signum() == 0) {
          continue;
        }
        BigInteger factor = row[column];
        BigInteger gcd = BigInteger.ZERO;
        for (int c = 0; c < width; c++) {
          row[c] = row[c].multiply(pivot).subtract(pivotRow[c].multiply(factor));
          gcd = gcd.gcd(row[c]);
        }
        if (gcd.compareTo(BigInteger.ONE) > 0) {
          for (int c = 0; c < width; c++) {
            row[c] = row[c].divide(gcd);
          }
        }
      }
      pivotColumnOfRow[next] = column;
      next++;
    }
    return pivotColumnOfRow;
  }
}
