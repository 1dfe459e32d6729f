package org.soseval.pipeline.stats.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CountTable} after disclosure control: which cells are published, which are {@code c} and
 * why, and the published text of each.
 *
 * <p>Rules (methods.md section 7.2; product.md "Identifiers and privacy"):
 *
 * <ol>
 *   <li><b>Primary suppression.</b> Every cell, leaf or total, whose unrounded count is in the
 *       profile's range ({@link DisclosureProfile#dfe()}: 1-5; 0 is published) is {@code c}.
 *   <li><b>Secondary suppression, single equations.</b> Every published margin is an equation
 *       {@code total = sum of parts} (regional and national totals over LAs, total columns over
 *       years, and their crossings). While some equation has exactly one suppressed cell, that cell
 *       could be recovered by subtraction, so one more cell of that equation is suppressed: the
 *       smallest non-zero count among its unsuppressed parts, ties by position (row-major in
 *       dimension order); if no part qualifies, the total itself; zero counts only as a last
 *       resort. Equations are visited in position order of their total cell and the pass repeats
 *       until no equation changes (a fixpoint).
 *   <li><b>Secondary suppression, combinations.</b> The exact {@link LinearDisclosureAudit} then
 *       looks for suppressed cells that a combination of equations still determines. For the first
 *       such cell, the first unsuppressed cell (sharing an equation with it first, then non-zero,
 *       smallest, by position) whose suppression leaves it undetermined is suppressed, and rule 2
 *       runs again. The loop ends when no suppressed cell is determined; it terminates because the
 *       suppressed set only grows and a fully suppressed table determines nothing.
 *   <li><b>Rounding.</b> Published counts are then rounded half-up: in aggregate rows (regions,
 *       England) to the profile's aggregate base (DfE: 10), or every count to the count base (ONS
 *       10-5: 5). Suppression decisions use the unrounded counts, and the protection does not rely
 *       on rounding (rounded totals are treated as if exact).
 *   <li><b>Derived values.</b> {@link #percent} and {@link #rate} follow {@link DerivedValues}: c
 *       when an input count is suppressed, computed from unrounded counts otherwise.
 * </ol>
 */
public final class ProtectedTable {
  private final CountTable table;
  private final DisclosureProfile profile;
  private final CellStatus[] status;
  private final String[] reasons;

  private ProtectedTable(
      CountTable table, DisclosureProfile profile, CellStatus[] status, String[] reasons) {
    this.table = table;
    this.profile = profile;
    this.status = status;
    this.reasons = reasons;
  }

  /** Applies primary and secondary suppression and rounding under {@code profile}. */
  public static ProtectedTable protect(CountTable table, DisclosureProfile profile) {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(profile, "profile is null");
    SecondarySuppression run = SecondarySuppression.run(table, profile);
    return new ProtectedTable(table, profile, run.status(), run.reasons());
  }

  public CountTable table() {
    return table;
  }

  public DisclosureProfile profile() {
    return profile;
  }

  public CellStatus status(String row, String column) {
    return status[table.index(row, column)];
  }

  /** Why the cell is suppressed; empty for a published cell. */
  public Optional<String> reason(String row, String column) {
    return Optional.ofNullable(reasons[table.index(row, column)]);
  }

  /** True when the cell shows {@code c}. */
  public boolean isSuppressed(String row, String column) {
    return status(row, column) != CellStatus.PUBLISHED;
  }

  /** The cell as published: {@code c}, or the count rounded as the profile requires. */
  public PublishedValue published(String row, String column) {
    int cell = table.index(row, column);
    if (status[cell] != CellStatus.PUBLISHED) {
      return PublishedValue.symbol(Symbol.CONFIDENTIAL);
    }
    return PublishedValue.count(
        profile.publishedCount(table.count(cell), table.rows().isAggregate(row)));
  }

  /** Suppressed cells in position order (rows, then columns, in dimension order). */
  public List<Cell> suppressedCells() {
    List<Cell> cells = new ArrayList<>();
    for (int cell = 0; cell < status.length; cell++) {
      if (status[cell] != CellStatus.PUBLISHED) {
        cells.add(table.cell(cell));
      }
    }
    return cells;
  }

  /** A percentage of two cells of this table ({@link DerivedValues#percent}). */
  public PublishedValue percent(Cell numerator, Cell denominator) {
    return DerivedValues.percent(
        table.count(numerator),
        isSuppressed(numerator.row(), numerator.column()),
        table.count(denominator),
        isSuppressed(denominator.row(), denominator.column()),
        profile);
  }

  /** A rate per {@code per} of a cell over an external population ({@link DerivedValues#rate}). */
  public PublishedValue rate(Cell count, long population, long per) {
    return DerivedValues.rate(
        table.count(count), isSuppressed(count.row(), count.column()), population, per, profile);
  }
}
