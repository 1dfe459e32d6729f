package org.soseval.pipeline.stats.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inline 12-unit x 8-period panel of golden/stats/did_panel.R: units U01..U12, periods 1..8,
 * U01, U02 and U03 adopt at periods 4, 5 and 6; U07 period 3 is missing (NaN).
 */
final class GoldenPanel {
  static final double[] Y = {
    37.67, 34.04, 41.76, 33.08, 29.70, 34.61, 34.20, 29.98, 34.25, 37.06, 32.95, 33.59, 31.94,
    33.01, 32.65, 28.42, 44.79, 44.06, 42.95, 42.50, 41.46, 41.24, 38.72, 40.12, 44.74, 43.65,
    43.42, 40.23, 43.76, 45.69, 43.46, 42.23, 48.16, 47.64, 51.37, 45.91, 47.82, 48.88, 46.88,
    45.19, 35.28, 34.28, 36.48, 31.25, 33.61, 35.09, 35.58, 32.22, 38.76, 39.50, Double.NaN, 37.40,
    41.13, 40.46, 38.08, 40.51, 41.49, 39.80, 40.60, 38.74, 37.90, 40.32, 39.55, 36.90, 50.77,
    51.14, 50.22, 46.33, 49.37, 51.84, 49.18, 48.66, 36.10, 35.72, 39.21, 37.29, 35.82, 38.73,
    38.22, 35.67, 48.20, 47.27, 50.25, 46.73, 49.44, 48.81, 47.85, 48.62, 44.18, 39.18, 41.44,
    41.30, 41.98, 42.29, 43.77, 42.77
  };
  static final Map<String, Integer> ADOPTION = Map.of("U01", 4, "U02", 5, "U03", 6);

  private GoldenPanel() {}

  static String unit(int index) {
    return String.format(Locale.ROOT, "U%02d", index);
  }

  static double outcome(int unit, int period) {
    return Y[(unit - 1) * 8 + period - 1];
  }

  static List<PanelRow> rows() {
    List<PanelRow> rows = new ArrayList<>();
    for (int u = 1; u <= 12; u++) {
      Integer adoption = ADOPTION.get(unit(u));
      for (int p = 1; p <= 8; p++) {
        rows.add(PanelRow.of(unit(u), p, outcome(u, p), adoption != null && p >= adoption));
      }
    }
    return rows;
  }

  static Panel panel() {
    return Panel.of(rows());
  }
}
