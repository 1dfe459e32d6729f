package org.soseval.pipeline.stats.disclosure;

import java.util.Locale;
import java.util.Objects;

/**
 * A two-way table of non-negative counts, given at the leaves of both dimensions; every aggregate
 * cell (regional and national totals, total columns, their crossings) is the sum of the leaf cells
 * beneath it, computed here from the unrounded leaves, so all margins are consistent.
 */
public final class CountTable {
  private final Dimension rows;
  private final Dimension columns;
  private final long[] counts;

  private CountTable(Dimension rows, Dimension columns, long[] counts) {
    this.rows = rows;
    this.columns = columns;
    this.counts = counts;
  }

  /** A builder over the two dimensions. */
  public static Builder builder(Dimension rows, Dimension columns) {
    return new Builder(rows, columns);
  }

  public Dimension rows() {
    return rows;
  }

  public Dimension columns() {
    return columns;
  }

  /** The unrounded count of any cell, leaf or aggregate. */
  public long count(String row, String column) {
    return counts[index(row, column)];
  }

  /** The unrounded count of a cell. */
  public long count(Cell cell) {
    return count(cell.row(), cell.column());
  }

  int cellCount() {
    return counts.length;
  }

  long count(int cell) {
    return counts[cell];
  }

  int index(String row, String column) {
    return rows.index(row) * columns.size() + columns.index(column);
  }

  int rowOf(int cell) {
    return cell / columns.size();
  }

  int columnOf(int cell) {
    return cell % columns.size();
  }

  Cell cell(int cell) {
    return Cell.of(rows.label(rowOf(cell)), columns.label(columnOf(cell)));
  }

  /** Collects leaf counts; every leaf cell must be set exactly once. */
  public static final class Builder {
    private final Dimension rows;
    private final Dimension columns;
    private final long[] counts;
    private final boolean[] set;

    private Builder(Dimension rows, Dimension columns) {
      this.rows = Objects.requireNonNull(rows, "rows is null");
      this.columns = Objects.requireNonNull(columns, "columns is null");
      this.counts = new long[rows.size() * columns.size()];
      this.set = new boolean[counts.length];
    }

    /**
     * Sets the count of a leaf cell.
     *
     * @throws IllegalArgumentException if a label is unknown or an aggregate, the count is
     *     negative, or the cell was already set
     */
    public Builder count(String row, String column, long count) {
      requireLeaf(rows, row);
      requireLeaf(columns, column);
      if (count < 0) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "count for (%s, %s) must be >= 0: %d", row, column, count));
      }
      int cell = rows.index(row) * columns.size() + columns.index(column);
      if (set[cell]) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "count for (%s, %s) is already set", row, column));
      }
      set[cell] = true;
      counts[cell] = count;
      return this;
    }

    /**
     * The table with every aggregate computed from the leaves.
     *
     * @throws IllegalArgumentException naming the first leaf cell without a count
     */
    public CountTable build() {
      int width = columns.size();
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < width; c++) {
          boolean leaf = rows.childIndexes(r).isEmpty() && columns.childIndexes(c).isEmpty();
          if (leaf && !set[r * width + c]) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "Cannot build table: no count for row '%s', column '%s'",
                    rows.label(r),
                    columns.label(c)));
          }
        }
      }
      long[] totals = counts.clone();
      // parents precede children, so a reverse sweep adds each finished node to its parent
      for (int c = width - 1; c >= 0; c--) {
        int parent = columns.parent(c);
        if (parent >= 0) {
          for (int r = 0; r < rows.size(); r++) {
            totals[r * width + parent] += totals[r * width + c];
          }
        }
      }
      for (int r = rows.size() - 1; r >= 0; r--) {
        int parent = rows.parent(r);
        if (parent >= 0) {
          for (int c = 0; c < width; c++) {
            totals[parent * width + c] += totals[r * width + c];
          }
        }
      }
      return new CountTable(rows, columns, totals);
    }

    private static void requireLeaf(Dimension dimension, String label) {
      if (dimension.isAggregate(label)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "'%s' is a total in dimension %s: set counts on leaves only",
                label,
                dimension.name()));
      }
    }
  }
}
