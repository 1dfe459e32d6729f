package org.soseval.pipeline.stats.disclosure;

import java.util.List;

/**
 * One published additivity constraint: {@code value(total) = sum of value(parts)}, where {@code
 * total} is an aggregate cell and {@code parts} are its children along one dimension. Cell
 * positions are row-major indexes of a {@link CountTable}.
 *
 * @param total position of the total cell
 * @param parts positions of the cells it adds up
 */
record MarginEquation(int total, int[] parts) {

  /**
   * Every margin equation of the table, ordered by the position of the total cell and, for a cell
   * that totals both ways, the sum over rows before the sum over columns.
   */
  static List<MarginEquation> of(CountTable table) {
    Dimension rows = table.rows();
    Dimension columns = table.columns();
    int width = columns.size();
    java.util.List<MarginEquation> equations = new java.util.ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < width; c++) {
        int total = r * width + c;
        List<Integer> childRows = rows.childIndexes(r);
        if (!childRows.isEmpty()) {
          int[] parts = new int[childRows.size()];
          for (int i = 0; i < parts.length; i++) {
            parts[i] = childRows.get(i) * width + c;
          }
          equations.add(new MarginEquation(total, parts));
        }
        List<Integer> childColumns = columns.childIndexes(c);
        if (!childColumns.isEmpty()) {
          int[] parts = new int[childColumns.size()];
          for (int i = 0; i < parts.length; i++) {
            parts[i] = r * width + childColumns.get(i);
          }
          equations.add(new MarginEquation(total, parts));
        }
      }
    }
    return List.copyOf(equations);
  }

  /** The equation as {@code total - sum parts = 0}. */
  LinearRelation relation() {
    int[] cells = new int[parts.length + 1];
    long[] coefficients = new long[cells.length];
    cells[0] = total;
    coefficients[0] = 1;
    for (int i = 0; i < parts.length; i++) {
      cells[i + 1] = parts[i];
      coefficients[i + 1] = -1;
    }
    return new LinearRelation(cells, coefficients);
  }

  /** Number of suppressed cells among the total and its parts. */
  int suppressedCount(boolean[] suppressed) {
    int count = suppressed[total] ? 1 : 0;
    for (int part : parts) {
      if (suppressed[part]) {
        count++;
      }
    }
    return count;
  }

  /** The first suppressed cell of the equation (total first), or -1. */
  int suppressed(boolean[] suppressed) {
    if (suppressed[total]) {
      return total;
    }
    for (int part : parts) {
      if (suppressed[part]) {
        return part;
      }
    }
    return -1;
  }

  boolean contains(int cell) {
    if (total == cell) {
      return true;
    }
    for (int part : parts) {
      if (part == cell) {
        return true;
      }
    }
    return false;
  }
}
