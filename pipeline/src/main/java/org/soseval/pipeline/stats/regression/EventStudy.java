package org.soseval.pipeline.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.soseval.pipeline.stats.Arguments;

/**
 * Event-study (dynamic) two-way fixed-effects regression with leads and lags:
 *
 * <pre>
 *   y_it = a + sum_{k != ref} beta_k [i treated, t - A_i = k] + unit FE + period FE + e_it
 * </pre>
 *
 * where {@code A_i} is unit i's adoption period. One dummy per relative time {@code k} that occurs
 * among the treated units' observed rows, except the reference time {@code ref} (default {@code
 * -1}, the period before adoption), which is omitted so each {@code beta_k} is the difference from
 * it. Control units (not in the adoption map) have all event dummies zero and identify the period
 * effects. Relative times are not binned or trimmed. This is R {@code lm(y ~ ev_m5 + ... + ev_p4 +
 * factor(unit) + factor(period))}. Standard errors are conventional (t, {@code N - K} df) and CR1
 * clustered by unit (t, {@code G - 1} df) as in {@link DifferenceInDifferences}.
 *
 * <p>Leads ({@code k < 0}) show pre-trends. With staggered adoption and heterogeneous effects these
 * TWFE coefficients can be contaminated by other periods' effects (Sun and Abraham 2021, J
 * Econometrics 225:175-199); read them as a diagnostic.
 */
public final class EventStudy {
  /** The default reference (omitted) relative time. */
  public static final int DEFAULT_REFERENCE = -1;

  private EventStudy() {}

  /**
   * An event study with adoption periods taken from the panel (each treated unit's first treated
   * period, {@link Panel#adoptionPeriods()}) and reference time {@code -1}.
   */
  public static EventStudyResult fit(Panel panel, double... levels) {
    return fit(panel, panel.adoptionPeriods(), DEFAULT_REFERENCE, levels);
  }

  /**
   * An event study with explicit adoption periods, e.g. the implementation year when that year is
   * itself excluded from the panel.
   *
   * @param adoption adoption period per treated unit; every other unit is a control
   * @param referenceTime the omitted relative time
   * @throws IllegalArgumentException if a unit in {@code adoption} has no observed outcome, there
   *     is no treated or no control unit, fewer than 2 units, or the design is singular
   */
  public static EventStudyResult fit(
      Panel panel, Map<String, Integer> adoption, int referenceTime, double... levels) {
    double[] checked = Arguments.levels(levels);
    List<String> units = panel.units();
    List<String> controls = new ArrayList<>();
    for (String unit : units) {
      if (!adoption.containsKey(unit)) {
        controls.add(unit);
      }
    }
    for (String unit : new TreeSet<>(adoption.keySet())) {
      if (!units.contains(unit)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "adoption names a unit without observed outcomes: %s", unit));
      }
    }
    DifferenceInDifferences.requireTreatedAndControls(List.copyOf(adoption.keySet()), controls);
    SortedSet<Integer> times = new TreeSet<>();
    for (PanelRow row : panel.observedRows()) {
      Integer start = adoption.get(row.unit());
      if (start != null && row.period() - start != referenceTime) {
        times.add(row.period() - start);
      }
    }
    List<TwoWayDesign.Regressor> regressors = new ArrayList<>();
    for (int k : times) {
      regressors.add(
          new TwoWayDesign.Regressor(
              name(k),
              row -> {
                Integer start = adoption.get(row.unit());
                return start != null && row.period() - start == k ? 1 : 0;
              }));
    }
    TwoWayDesign design = TwoWayDesign.of(panel.observedRows(), regressors);
    LinearModel model = design.fit();
    double[][] conventional = model.conventionalCovariance();
    double[][] clustered = model.clusterCovariance(design.clusters);
    List<EventTerm> terms = new ArrayList<>();
    for (int k : times) {
      int column = model.indexOf(name(k));
      terms.add(
          new EventTerm(
              k,
              model.coefficient(
                  column, conventional, model.residualDf(), CovarianceType.CONVENTIONAL, checked),
              model.coefficient(
                  column, clustered, design.nUnits - 1, CovarianceType.CR1, checked)));
    }
    return new EventStudyResult(
        referenceTime, terms, design.nUnits, adoption.size(), model.nObs(), model.nCoefficients());
  }

  /** The design-column name of relative time {@code k}: {@code "event-2"}, {@code "event+0"}. */
  public static String name(int k) {
    return String.format(Locale.ROOT, "event%+d", k);
  }
}
