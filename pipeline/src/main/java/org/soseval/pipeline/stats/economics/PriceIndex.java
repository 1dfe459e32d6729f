package org.soseval.pipeline.stats.economics;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.soseval.pipeline.stats.Arguments;

/**
 * A price index series given as data (year to index value), such as the PSSRU pay and prices (PSS)
 * index or the HM Treasury GDP deflator, used to express costs in one price year.
 *
 * <p>Uprating (methods.md section 8): {@code cost_target = cost_priceYear x index[target] /
 * index[priceYear]}. Years are whatever key the series uses consistently (e.g. 2013 for the
 * financial year 2013/14); a year missing from the series is an error, never interpolated.
 */
public final class PriceIndex {
  private final String name;
  private final SortedMap<Integer, Double> values;

  private PriceIndex(String name, SortedMap<Integer, Double> values) {
    this.name = name;
    this.values = values;
  }

  /**
   * A named index series.
   *
   * @throws IllegalArgumentException if the series is empty or a value is not finite and > 0
   */
  public static PriceIndex of(String name, Map<Integer, Double> valuesByYear) {
    Objects.requireNonNull(name, "name is null");
    if (valuesByYear.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "Cannot create price index %s: no values", name));
    }
    SortedMap<Integer, Double> copy = new TreeMap<>();
    valuesByYear.forEach(
        (year, value) -> {
          Arguments.positive(String.format(Locale.ROOT, "%s index for %d", name, year), value);
          Arguments.finite(String.format(Locale.ROOT, "%s index for %d", name, year), value);
          copy.put(year, value);
        });
    return new PriceIndex(name, Collections.unmodifiableSortedMap(copy));
  }

  public String name() {
    return name;
  }

  /** The series in year order. */
  public SortedMap<Integer, Double> values() {
    return values;
  }

  /**
   * The index value for {@code year}.
   *
   * @throws IllegalArgumentException if the series has no value for the year
   */
  public double index(int year) {
    Double value = values.get(year);
    if (value == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Price index %s has no value for %d: it has %d values from %d to %d; add the year"
                  + " to the index table",
              name,
              year,
              values.size(),
              values.firstKey(),
              values.lastKey()));
    }
    return value;
  }

  /**
   * {@code amount x index[targetYear] / index[priceYear]}; the amount unchanged when the years are
   * equal.
   *
   * @throws IllegalArgumentException if the amount is not finite or either year is missing
   */
  public double uprate(double amount, int priceYear, int targetYear) {
    Arguments.finite("amount", amount);
    double from = index(priceYear);
    double to = index(targetYear);
    return priceYear == targetYear ? amount : amount * to / from;
  }
}
