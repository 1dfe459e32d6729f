package org.soseval.pipeline.charts;

import java.util.List;
import java.util.Objects;

/**
 * One line of an outcome-over-time chart.
 *
 * @param name legend name, e.g. {@code "Pilots (mean)"} or an LA name
 * @param role what the line stands for; fixes its look
 * @param areas how many LAs it summarises (1 for one LA or England)
 * @param values finite values, at most one per year, in any order (sorted on construction); leave
 *     missing years out
 */
public record OutcomeSeries(String name, SeriesRole role, int areas, List<YearValue> values) {
  static final String CHART = "outcome over time";

  public OutcomeSeries {
    Checks.text(CHART, "series name", name);
    Objects.requireNonNull(role, "role is null");
    if (areas < 1) {
      throw Checks.invalid(CHART, "series '%s' must summarise at least 1 area: %d", name, areas);
    }
    Checks.nonEmpty(CHART, "series '" + name + "' values", values);
    values = Checks.series(CHART, name, values);
  }

  public static OutcomeSeries of(String name, SeriesRole role, int areas, List<YearValue> values) {
    return new OutcomeSeries(name, role, areas, values);
  }
}
