package org.soseval.pipeline.stats.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The suppression algorithm behind {@link ProtectedTable#protect}; see its Javadoc for the rules.
 */
final class SecondarySuppression {
  private final CountTable table;
  private final List<MarginEquation> equations;
  private final CellStatus[] status;
  private final String[] reasons;
  private final boolean[] suppressed;

  private SecondarySuppression(CountTable table) {
    this.table = table;
    this.equations = MarginEquation.of(table);
    this.status = new CellStatus[table.cellCount()];
    this.reasons = new String[table.cellCount()];
    this.suppressed = new boolean[table.cellCount()];
    java.util.Arrays.fill(status, CellStatus.PUBLISHED);
  }

  static SecondarySuppression run(CountTable table, DisclosureProfile profile) {
    SecondarySuppression run = new SecondarySuppression(table);
    run.primary(profile);
    run.secondary();
    return run;
  }

  CellStatus[] status() {
    return status;
  }

  String[] reasons() {
    return reasons;
  }

  private void primary(DisclosureProfile profile) {
    for (int cell = 0; cell < suppressed.length; cell++) {
      long count = table.count(cell);
      if (profile.isPrimary(count)) {
        mark(
            cell,
            CellStatus.PRIMARY,
            String.format(
                Locale.ROOT,
                "primary: count %d is in %d-%d",
                count,
                profile.suppressFrom(),
                profile.suppressTo()));
      }
    }
  }

  private void secondary() {
    while (true) {
      singleEquationFixpoint();
      List<Integer> determined = LinearDisclosureAudit.determined(equations, suppressed);
      if (determined.isEmpty()) {
        return;
      }
      int exposed = determined.get(0);
      int complement = complementForCombination(exposed);
      mark(
          complement,
          CellStatus.SECONDARY,
          String.format(
              Locale.ROOT,
              "secondary: %s could otherwise be recovered by combining margin equations",
              table.cell(exposed)));
    }
  }

  /**
   * Rule 1: no margin equation may have exactly one suppressed cell, nor a published total whose
   * suppressed parts are all zero (they sum to 0, so non-negativity reveals each as 0); repeat
   * until stable.
   */
  private void singleEquationFixpoint() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MarginEquation equation : equations) {
        int count = equation.suppressedCount(suppressed);
        if (count == 1) {
          int exposed = equation.suppressed(suppressed);
          mark(
              complementIn(equation),
              CellStatus.SECONDARY,
              String.format(
                  Locale.ROOT,
                  "secondary: %s could otherwise be recovered from the margin %s = sum of %d"
                      + " cells",
                  table.cell(exposed),
                  table.cell(equation.total()),
                  equation.parts().length));
          changed = true;
        } else if (count > 1 && revealsZeros(equation)) {
          mark(
              complementIn(equation),
              CellStatus.SECONDARY,
              String.format(
                  Locale.ROOT,
                  "secondary: the suppressed parts of the margin %s sum to 0, so each could"
                      + " otherwise be recovered as 0",
                  table.cell(equation.total())));
          changed = true;
        }
      }
    }
  }

  private boolean revealsZeros(MarginEquation equation) {
    if (suppressed[equation.total()]) {
      return false;
    }
    for (int part : equation.parts()) {
      if (suppressed[part] && table.count(part) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The complement within one equation: among its unsuppressed cells, non-zero before zero, parts
   * before the total, then the smallest count, then the first position.
   */
  private int complementIn(MarginEquation equation) {
    List<Integer> candidates = new ArrayList<>();
    candidates.add(equation.total());
    for (int part : equation.parts()) {
      candidates.add(part);
    }
    return candidates.stream()
        .filter(cell -> !suppressed[cell])
        .min(
            Comparator.<Integer>comparingInt(cell -> table.count(cell) == 0 ? 1 : 0)
                .thenComparingInt(cell -> cell == equation.total() ? 1 : 0)
                .thenComparingLong(table::count)
                .thenComparingInt(cell -> cell))
        .orElseThrow();
  }

  /**
   * Rule 2: for a cell recoverable only through a combination of equations, suppress the first
   * unsuppressed cell, in the order (shares an equation with the exposed cell first, non-zero
   * first, smallest count, first position), whose suppression makes the exposed cell undetermined;
   * if no single cell does, the first in that order (the loop then continues).
   */
  private int complementForCombination(int exposed) {
    List<Integer> candidates = new ArrayList<>();
    for (int cell = 0; cell < suppressed.length; cell++) {
      if (!suppressed[cell]) {
        candidates.add(cell);
      }
    }
    candidates.sort(
        Comparator.<Integer>comparingInt(cell -> sharesEquation(cell, exposed) ? 0 : 1)
            .thenComparingInt(cell -> table.count(cell) == 0 ? 1 : 0)
            .thenComparingLong(table::count)
            .thenComparingInt(cell -> cell));
    for (int candidate : candidates) {
      suppressed[candidate] = true;
      boolean protects = !LinearDisclosureAudit.determined(equations, suppressed).contains(exposed);
      suppressed[candidate] = false;
      if (protects) {
        return candidate;
      }
    }
    return candidates.get(0);
  }

  private boolean sharesEquation(int cell, int other) {
    for (MarginEquation equation : equations) {
      if (equation.contains(cell) && equation.contains(other)) {
        return true;
      }
    }
    return false;
  }

  private void mark(int cell, CellStatus cellStatus, String reason) {
    suppressed[cell] = true;
    status[cell] = cellStatus;
    reasons[cell] = reason;
  }
}
