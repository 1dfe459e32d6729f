package org.soseval.pipeline.stats.economics;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of one case in a single price year.
 *
 * <p>{@code cost = sum_a hours_a x unitCost_a + sum_d direct_d}, each line uprated from its own
 * price year to {@code priceYear} with a {@link PriceIndex} before summing (methods.md section 8:
 * PSSRU unit costs; e.g. 18 h x 55 = 990 in 2013/14 prices).
 *
 * @param priceYear the price year of {@code total} and of every uprated amount
 * @param total sum of the uprated line amounts; 0 for no lines
 * @param lines each input line with its amount in {@code priceYear} prices, in input order
 */
public record CaseCost(int priceYear, double total, List<UpratedLine> lines) {
  public CaseCost {
    lines = List.copyOf(lines);
  }

  /**
   * Costs the lines in {@code targetYear} prices.
   *
   * @throws IllegalArgumentException if the index has no value for a line's price year or for the
   *     target year
   */
  public static CaseCost of(List<CostLine> lines, PriceIndex index, int targetYear) {
    List<UpratedLine> uprated = new ArrayList<>(lines.size());
    double total = 0;
    for (CostLine line : lines) {
      double amount = index.uprate(line.amount(), line.priceYear(), targetYear);
      uprated.add(new UpratedLine(line, amount));
      total += amount;
    }
    return new CaseCost(targetYear, total, uprated);
  }

  /**
   * A cost line and its amount in the target price year.
   *
   * @param line the input line
   * @param amount {@code line.amount()} uprated to the case's price year
   */
  public record UpratedLine(CostLine line, double amount) {}
}
