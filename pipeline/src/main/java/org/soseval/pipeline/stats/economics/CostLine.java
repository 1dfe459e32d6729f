package org.soseval.pipeline.stats.economics;

import java.util.Objects;
import org.soseval.pipeline.stats.Arguments;

/**
 * One component of the cost of a case: a quantity (e.g. hours of client-related work) times a unit
 * cost, in the prices of {@code priceYear}. A direct cost (placement, service) has quantity 1.
 *
 * @param label activity or cost item, for audit
 * @param quantity hours or units, finite and >= 0
 * @param unitCost cost per hour or unit, finite and >= 0
 * @param priceYear year whose prices {@code unitCost} is in
 */
public record CostLine(String label, double quantity, double unitCost, int priceYear) {
  public CostLine {
    Objects.requireNonNull(label, "label is null");
    Arguments.nonNegative("quantity", Arguments.finite("quantity", quantity));
    Arguments.nonNegative("unitCost", Arguments.finite("unitCost", unitCost));
  }

  /** Hours of an activity at a cost per hour, e.g. 18 h of client-related work at 55 (2013). */
  public static CostLine hours(String activity, double hours, double costPerHour, int priceYear) {
    return new CostLine(activity, hours, costPerHour, priceYear);
  }

  /** A direct amount, e.g. a placement cost. */
  public static CostLine direct(String label, double amount, int priceYear) {
    return new CostLine(label, 1, amount, priceYear);
  }

  /** {@code quantity x unitCost}, in {@code priceYear} prices. */
  public double amount() {
    return quantity * unitCost;
  }
}
