package org.soseval.pipeline.stats.regression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A long unit-by-period panel for difference-in-differences and event-study fits.
 *
 * <p>Rows are kept sorted by unit (natural {@link String} order) and period. Rows with a NaN
 * outcome are missing: they are dropped from every fit but still count for a unit's treatment
 * timing. A unit is <em>treated</em> if any of its rows has {@code treated = true}; the others are
 * controls.
 */
public final class Panel {
  private final List<PanelRow> allRows;
  private final List<PanelRow> observed;

  private Panel(List<PanelRow> allRows, List<PanelRow> observed) {
    this.allRows = allRows;
    this.observed = observed;
  }

  /**
   * A panel from its rows, in any order.
   *
   * @throws IllegalArgumentException if a unit is blank, a unit-period pair repeats, or an outcome
   *     is infinite (NaN is allowed and means missing)
   */
  public static Panel of(List<PanelRow> rows) {
    List<PanelRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(PanelRow::unit).thenComparingInt(PanelRow::period));
    Set<String> seen = new HashSet<>();
    List<PanelRow> observed = new ArrayList<>();
    for (PanelRow row : sorted) {
      if (row.unit().isBlank()) {
        throw new IllegalArgumentException("unit must not be blank: '" + row.unit() + "'");
      }
      if (!seen.add(row.unit() + "\u0000" + row.period())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Cannot build panel: duplicate row for unit %s period %d",
                row.unit(),
                row.period()));
      }
      if (Double.isInfinite(row.outcome())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "outcome must be finite or NaN (missing) for unit %s period %d: %s",
                row.unit(),
                row.period(),
                row.outcome()));
      }
      if (!Double.isNaN(row.outcome())) {
        observed.add(row);
      }
    }
    return new Panel(List.copyOf(sorted), List.copyOf(observed));
  }

  /** Every row, including those with a missing outcome, sorted by unit and period. */
  public List<PanelRow> rows() {
    return allRows;
  }

  /** Rows with an observed outcome, sorted by unit and period. */
  public List<PanelRow> observedRows() {
    return observed;
  }

  /** Units with at least one observed outcome, sorted. */
  public List<String> units() {
    Set<String> units = new TreeSet<>();
    for (PanelRow row : observed) {
      units.add(row.unit());
    }
    return List.copyOf(units);
  }

  /**
   * Units with at least one observed outcome and at least one treated row (any outcome), sorted.
   */
  public List<String> treatedUnits() {
    Set<String> treated = treatedAnyRow();
    List<String> result = new ArrayList<>();
    for (String unit : units()) {
      if (treated.contains(unit)) {
        result.add(unit);
      }
    }
    return List.copyOf(result);
  }

  /** Units with at least one observed outcome and no treated row, sorted. */
  public List<String> controlUnits() {
    Set<String> treated = treatedAnyRow();
    List<String> result = new ArrayList<>();
    for (String unit : units()) {
      if (!treated.contains(unit)) {
        result.add(unit);
      }
    }
    return List.copyOf(result);
  }

  /**
   * Each treated unit's adoption period: its first period with {@code treated = true} (over all
   * rows, including missing outcomes).
   *
   * @throws IllegalArgumentException if a unit's treatment switches off again (not absorbing)
   */
  public SortedMap<String, Integer> adoptionPeriods() {
    TreeMap<String, Integer> adoption = new TreeMap<>();
    for (PanelRow row : allRows) {
      Integer first = adoption.get(row.unit());
      if (row.treated() && first == null) {
        adoption.put(row.unit(), row.period());
      } else if (!row.treated() && first != null) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Cannot derive adoption period: treatment of unit %s switches off at period %d"
                    + " after starting at %d",
                row.unit(),
                row.period(),
                first));
      }
    }
    return Collections.unmodifiableSortedMap(adoption);
  }

  private Set<String> treatedAnyRow() {
    Set<String> treated = new HashSet<>();
    for (PanelRow row : allRows) {
      if (row.treated()) {
        treated.add(row.unit());
      }
    }
    return treated;
  }
}
