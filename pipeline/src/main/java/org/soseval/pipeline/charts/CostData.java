package org.soseval.pipeline.charts;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Input for {@link CostChart}: costs by category for each LA, in one price year.
 *
 * @param title chart title
 * @param prices the price year as the axis says it, e.g. {@code "2023-24 prices"}
 * @param categories the cost categories, stacked in this order from the left
 * @param bars one per LA, drawn top to bottom in this order; labels must differ
 * @param note an optional note under the chart, e.g. the source and the price index
 */
public record CostData(
    String title,
    String prices,
    List<String> categories,
    List<CostBar> bars,
    Optional<String> note) {
  /** Published amounts are whole pounds, so a total may differ from its parts by this much. */
  private static final double POUND = 0.5;

  public CostData {
    String chart = CostBar.CHART;
    Checks.text(chart, "title", title);
    Checks.text(chart, "price year", prices);
    Objects.requireNonNull(note, "note is null");
    categories = Checks.nonEmpty(chart, "categories", categories);
    bars = Checks.nonEmpty(chart, "bars", bars);
    if (categories.size() > ChartStyle.SERIES.size()) {
      throw Checks.invalid(
          chart,
          "at most %d categories can be told apart: %d",
          ChartStyle.SERIES.size(),
          categories.size());
    }
    Set<String> labels = new HashSet<>();
    for (CostBar bar : bars) {
      Objects.requireNonNull(bar, "bar is null");
      if (!labels.add(bar.label())) {
        throw Checks.invalid(chart, "two bars are labelled '%s'", bar.label());
      }
      if (bar.amounts().size() != categories.size()) {
        throw Checks.invalid(
            chart,
            "bar '%s' must have one amount per category (%d): %d",
            bar.label(),
            categories.size(),
            bar.amounts().size());
      }
      if (bar.shown()) {
        double sum = 0;
        for (int i = 0; i < categories.size(); i++) {
          sum += bar.amount(i);
        }
        if (Math.abs(sum - bar.totalValue()) > POUND * categories.size()) {
          throw Checks.invalid(
              chart,
              "bar '%s' total %s is not the sum of its categories (%s)",
              bar.label(),
              bar.total().text(),
              DataTable.number(sum));
        }
      }
    }
  }
}
