package org.soseval.pipeline.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Data-quality flags: a value far outside the LA's own series.
 *
 * <p>For each LA (by 3-digit code) and indicator, the series is the LA's values over all reporting
 * years; counts are tested as rates per 10,000 children (so population growth is not an outlier),
 * percentages and medians as they are; rates are not tested separately (their count is). With at
 * least {@value #MIN_YEARS} values, a year is flagged when {@code |x - median| / s >} {@value
 * #THRESHOLD}, where {@code s = max(1.4826 * MAD, 0.05 * |median|)}: the median absolute deviation
 * scaled to a standard deviation under normality (a robust z-score; Iglewicz and Hoaglin's 3.5 cut
 * off), floored at 5% of the median so that a very steady series does not flag ordinary noise.
 * Median and MAD ignore the tested value's own influence only as much as any robust estimate does:
 * up to half the series can be outlying before the rule breaks down.
 */
public final class QualityFlags {
  /** The rule name carried on flags. */
  public static final String OUTLIER_RULE = "outlier_own_series";

  /** Fewer values than this and no flag is raised. */
  public static final int MIN_YEARS = 5;

  /** The robust z-score above which a value is flagged. */
  public static final double THRESHOLD = 3.5;

  private static final double MAD_TO_SD = 1.4826;
  private static final double FLOOR_FRACTION = 0.05;

  private QualityFlags() {}

  /** The rows with their flags set (any earlier flags are replaced), in the same order. */
  public static List<PanelRow> apply(List<PanelRow> rows) {
    Map<String, List<QualityFlag>> flagsByRow = new HashMap<>();
    Map<String, List<PanelRow>> byLa = new TreeMap<>();
    for (PanelRow row : rows) {
      byLa.computeIfAbsent(row.la().oldLaCode(), k -> new ArrayList<>()).add(row);
    }
    for (List<PanelRow> series : byLa.values()) {
      for (Indicator indicator : Indicator.values()) {
        if (indicator.kind() == Indicator.Kind.RATE || indicator == Indicator.POPULATION_0_17) {
          continue;
        }
        Map<PanelRow, Double> tested = new HashMap<>();
        for (PanelRow row : series) {
          testedValue(row, indicator).ifPresent(v -> tested.put(row, v));
        }
        if (tested.size() < MIN_YEARS) {
          continue;
        }
        double[] values = tested.values().stream().mapToDouble(Double::doubleValue).toArray();
        double median = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double scale = Math.max(MAD_TO_SD * median(deviations), FLOOR_FRACTION * Math.abs(median));
        if (!(scale > 0)) {
          continue;
        }
        for (Map.Entry<PanelRow, Double> entry : tested.entrySet()) {
          double score = (entry.getValue() - median) / scale;
          if (Math.abs(score) > THRESHOLD) {
            flagsByRow
                .computeIfAbsent(key(entry.getKey()), k -> new ArrayList<>())
                .add(
                    new QualityFlag(
                        indicator, OUTLIER_RULE, entry.getValue(), median, scale, score));
          }
        }
      }
    }
    List<PanelRow> flagged = new ArrayList<>(rows.size());
    for (PanelRow row : rows) {
      List<QualityFlag> flags = new ArrayList<>(flagsByRow.getOrDefault(key(row), List.of()));
      flags.sort((a, b) -> a.indicator().compareTo(b.indicator()));
      flagged.add(row.withFlags(flags));
    }
    return flagged;
  }

  private static Optional<Double> testedValue(PanelRow row, Indicator indicator) {
    PublishedValue value = row.value(indicator);
    if (!value.isPresent()) {
      return Optional.empty();
    }
    if (indicator.kind() != Indicator.Kind.COUNT) {
      return Optional.of(value.number());
    }
    PublishedValue population = row.value(Indicator.POPULATION_0_17);
    if (!population.isPresent() || !(population.number() > 0)) {
      return Optional.empty();
    }
    return Optional.of(Arithmetic.ratePer10k(value.number(), population.number()));
  }

  private static String key(PanelRow row) {
    return row.la().oldLaCode() + "/" + row.year();
  }

  /** The median; an even number of values gives the mean of the middle two. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
