package org.soseval.pipeline.charts;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Input for {@link OutcomeOverTimeChart}.
 *
 * @param title chart title
 * @param indicator the indicator and its unit, used as y-axis label and in the alt text, e.g.
 *     {@code "ICPC rate per 10,000 children"}
 * @param years how years are labelled
 * @param series the lines, drawn in order (individual LAs are drawn first, behind the rest)
 * @param implementation the go-live line and shaded implementation years, if any
 * @param yAxisFromZero whether the value axis must include zero (default false: fitted to data)
 * @param source a source note drawn under the chart, if any
 */
public record OutcomeOverTimeData(
    String title,
    String indicator,
    YearFormat years,
    List<OutcomeSeries> series,
    Optional<ImplementationPeriod> implementation,
    boolean yAxisFromZero,
    Optional<String> source) {
  public OutcomeOverTimeData {
    Checks.text(OutcomeSeries.CHART, "title", title);
    Checks.text(OutcomeSeries.CHART, "indicator", indicator);
    Objects.requireNonNull(years, "years is null");
    series = Checks.nonEmpty(OutcomeSeries.CHART, "series", series);
    Set<String> names = new HashSet<>();
    for (OutcomeSeries one : series) {
      if (!names.add(one.name())) {
        throw Checks.invalid(OutcomeSeries.CHART, "series names must be unique: '%s'", one.name());
      }
    }
    Objects.requireNonNull(implementation, "implementation is null");
    Objects.requireNonNull(source, "source is null");
  }

  /** Financial years, axis fitted to the data, no source note. */
  public static OutcomeOverTimeData of(
      String title,
      String indicator,
      List<OutcomeSeries> series,
      Optional<ImplementationPeriod> implementation) {
    return new OutcomeOverTimeData(
        title, indicator, YearFormat.FINANCIAL, series, implementation, false, Optional.empty());
  }

  int firstYear() {
    return series.stream().mapToInt(s -> s.values().get(0).year()).min().orElseThrow();
  }

  int lastYear() {
    return series.stream()
        .mapToInt(s -> s.values().get(s.values().size() - 1).year())
        .max()
        .orElseThrow();
  }
}
