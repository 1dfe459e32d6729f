package org.soseval.pipeline.publish;

import java.util.Objects;
import org.soseval.pipeline.panel.Indicator;

/**
 * An indicator column of an EES table with its metadata.
 *
 * @param name the column name ({@code {title}_{type}})
 * @param kind count, rate, percentage or median: decides the rounding
 * @param label the human-readable label (at most 100 characters)
 * @param grouping the {@code indicator_grouping}
 */
public record IndicatorColumn(String name, Indicator.Kind kind, String label, String grouping) {
  public IndicatorColumn {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(label, "label is null");
    Objects.requireNonNull(grouping, "grouping is null");
  }

  public static IndicatorColumn of(Indicator indicator) {
    return new IndicatorColumn(
        indicator.column(), indicator.kind(), indicator.label(), indicator.grouping());
  }

  /** {@code indicator_unit}: {@code %} for percentages, blank (a number) otherwise. */
  public String unit() {
    return kind == Indicator.Kind.PERCENT ? "%" : "";
  }

  /** {@code indicator_dp}: 0 for counts, 1 for rates, percentages and medians. */
  public int decimalPlaces() {
    return kind == Indicator.Kind.COUNT ? 0 : 1;
  }
}
