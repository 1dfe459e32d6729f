package org.soseval.pipeline.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A two-way fixed-effects design: intercept, the given regressors, unit dummies and period dummies
 * (treatment coding, the first unit and first period in sort order omitted), as R {@code lm(y ~
 * regressors + factor(unit) + factor(period))} builds it. Only units and periods that occur in the
 * rows get dummies.
 */
final class TwoWayDesign {
  static final String INTERCEPT = "(Intercept)";

  final List<String> names;
  final double[][] x;
  final double[] y;
  final int[] clusters;
  final int nUnits;

  private TwoWayDesign(List<String> names, double[][] x, double[] y, int[] clusters, int nUnits) {
    this.names = names;
    this.x = x;
    this.y = y;
    this.clusters = clusters;
    this.nUnits = nUnits;
  }

  /** Named regressor evaluated on each row. */
  record Regressor(String name, ToDoubleFunction<PanelRow> value) {}

  static TwoWayDesign of(List<PanelRow> rows, List<Regressor> regressors) {
    Map<String, Integer> units = new TreeMap<>();
    Map<Integer, Integer> periods = new TreeMap<>();
    for (PanelRow row : rows) {
      units.put(row.unit(), 0);
      periods.put(row.period(), 0);
    }
    int index = 0;
    for (Map.Entry<String, Integer> entry : units.entrySet()) {
      entry.setValue(index++);
    }
    index = 0;
    for (Map.Entry<Integer, Integer> entry : periods.entrySet()) {
      entry.setValue(index++);
    }
    List<String> names = new ArrayList<>();
    names.add(INTERCEPT);
    for (Regressor regressor : regressors) {
      names.add(regressor.name());
    }
    int unitOffset = names.size() - 1;
    units.keySet().stream().skip(1).forEach(unit -> names.add("unit:" + unit));
    int periodOffset = names.size() - 1;
    periods.keySet().stream().skip(1).forEach(period -> names.add("period:" + period));
    int n = rows.size();
    double[][] x = new double[n][names.size()];
    double[] y = new double[n];
    int[] clusters = new int[n];
    for (int i = 0; i < n; i++) {
      PanelRow row = rows.get(i);
      x[i][0] = 1;
      for (int r = 0; r < regressors.size(); r++) {
        x[i][r + 1] = regressors.get(r).value().applyAsDouble(row);
      }
      int unit = units.get(row.unit());
      int period = periods.get(row.period());
      if (unit > 0) {
        x[i][unitOffset + unit] = 1;
      }
      if (period > 0) {
        x[i][periodOffset + period] = 1;
      }
      y[i] = row.outcome();
      clusters[i] = unit;
    }
    return new TwoWayDesign(List.copyOf(names), x, y, clusters, units.size());
  }

  LinearModel fit() {
    return LinearModel.fit(names, x, y);
  }
}
