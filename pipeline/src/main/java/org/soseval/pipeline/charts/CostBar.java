package org.soseval.pipeline.charts;

import java.util.List;
import java.util.Objects;
import org.soseval.pipeline.stats.disclosure.PublishedValue;

/**
 * One bar of a {@link CostChart}: an LA's published costs by category and its published total, in
 * pounds of one price year (a number, or a symbol such as {@code c}).
 *
 * @param label the bar's label, e.g. the LA's name
 * @param amounts one published amount per category of the chart, in the chart's category order
 * @param total the published total
 */
public record CostBar(String label, List<PublishedValue> amounts, PublishedValue total) {
  static final String CHART = "cost chart";

  public CostBar {
    Checks.text(CHART, "bar label", label);
    amounts = List.copyOf(amounts);
    Objects.requireNonNull(total, "total is null");
    for (PublishedValue amount : amounts) {
      if (amount.number().isPresent() && amount.number().get().signum() < 0) {
        throw Checks.invalid(CHART, "bar '%s' has a negative cost: %s", label, amount.text());
      }
    }
  }

  /** True when every amount and the total are published numbers, so the bar can be drawn. */
  public boolean shown() {
    return total.number().isPresent()
        && amounts.stream().allMatch(amount -> amount.number().isPresent());
  }

  double amount(int category) {
    return amounts.get(category).number().orElseThrow().doubleValue();
  }

  double totalValue() {
    return total.number().orElseThrow().doubleValue();
  }
}
