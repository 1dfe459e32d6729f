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
 *
 * <p>The same check runs on any set of integer {@link LinearRelation}s (for tables of means, where
 * a margin is a weighted sum), and {@link #revealsCombination} asks whether some combination of a
 * group of suppressed cells, not only one cell, is determined.
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

  /**
   * The suppressed cells (numbered as in {@code relations}) that the unsuppressed cells determine
   * exactly through the relations, alone or in any linear combination; ascending. For tables that
   * are not plain sums, e.g. means over different numbers of parts.
   *
   * @param suppressed one flag per cell number, true when the cell is not published
   */
  public static List<Integer> recoverableCells(
      List<LinearRelation> relations, boolean[] suppressed) {
    int[] unknownOf = unknowns(suppressed, Set.of());
    List<Integer> unknowns = new ArrayList<>();
    for (int cell = 0; cell < suppressed.length; cell++) {
      if (unknownOf[cell] >= 0) {
        unknowns.add(cell);
      }
    }
    int width = unknowns.size();
    List<BigInteger[]> matrix = matrix(relations, unknownOf, width);
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

  /**
   * Whether the unsuppressed cells determine some linear combination (not all zero) of the
   * suppressed cells {@code group} alone, e.g. the mean of one person's ratings over two hidden
   * cells. Method: the row space of the relations (in the suppressed cells) holds a non-zero vector
   * supported on {@code group} exactly when dropping the columns of {@code group} lowers the rank.
   *
   * @throws IllegalArgumentException if a cell of {@code group} is not suppressed
   */
  public static boolean revealsCombination(
      List<LinearRelation> relations, boolean[] suppressed, Set<Integer> group) {
    for (int cell : group) {
      if (!suppressed[cell]) {
        throw new IllegalArgumentException("cell " + cell + " is published, not suppressed");
      }
    }
    return rank(relations, unknowns(suppressed, Set.of()))
        > rank(relations, unknowns(suppressed, group));
  }

  /** Positions of the suppressed cells determined exactly, ascending. */
  static List<Integer> determined(List<MarginEquation> equations, boolean[] suppressed) {
    return recoverableCells(equations.stream().map(MarginEquation::relation).toList(), suppressed);
  }

  /** Column of each suppressed cell not in {@code left}, -1 for the others. */
  private static int[] unknowns(boolean[] suppressed, Set<Integer> left) {
    int[] unknownOf = new int[suppressed.length];
    int next = 0;
    for (int cell = 0; cell < suppressed.length; cell++) {
      unknownOf[cell] = suppressed[cell] && !left.contains(cell) ? next++ : -1;
    }
    return unknownOf;
  }

  private static int rank(List<LinearRelation> relations, int[] unknownOf) {
    int width = (int) java.util.Arrays.stream(unknownOf).filter(c -> c >= 0).count();
    int rank = 0;
    for (int pivot : reduce(matrix(relations, unknownOf, width), width)) {
      rank += pivot >= 0 ? 1 : 0;
    }
    return rank;
  }

  /** The relations restricted to the unknown columns (the rest is published, so known). */
  private static List<BigInteger[]> matrix(
      List<LinearRelation> relations, int[] unknownOf, int width) {
    List<BigInteger[]> matrix = new ArrayList<>();
    for (LinearRelation relation : relations) {
      int[] cells = relation.cells();
      long[] coefficients = relation.coefficients();
      BigInteger[] row = zeros(width);
      boolean any = false;
      for (int i = 0; i < cells.length; i++) {
        if (unknownOf[cells[i]] >= 0) {
          add(row, unknownOf[cells[i]], BigInteger.valueOf(coefficients[i]));
          any = true;
        }
      }
      if (any) {
        matrix.add(row);
      }
    }
    return matrix;
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
