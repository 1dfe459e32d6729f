package org.soseval.pipeline.panel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soseval.pipeline.geography.LaCodeEntry;

/**
 * One LA in one reporting year: every indicator of {@code la_indicators.csv} (a number or a missing
 * value with its symbol), unrounded and unsuppressed, with where each came from and the
 * data-quality flags raised on it.
 *
 * @param year the reporting year (ending 31 March)
 * @param la the LA's codes and name in that year
 * @param values every indicator, in {@link Indicator} order
 * @param supporting counts used to compute percentages that are not columns themselves (e.g. {@code
 *     cpp_subsequent_count}), by name
 * @param sources the published file each indicator came from, or why it is missing
 * @param flags the data-quality flags on this row
 */
public record PanelRow(
    int year,
    LaCodeEntry la,
    Map<Indicator, PublishedValue> values,
    Map<String, PublishedValue> supporting,
    Map<Indicator, String> sources,
    List<QualityFlag> flags) {
  public PanelRow {
    Objects.requireNonNull(la, "la is null");
    EnumMap<Indicator, PublishedValue> all = new EnumMap<>(Indicator.class);
    all.putAll(values);
    for (Indicator indicator : Indicator.values()) {
      if (!all.containsKey(indicator)) {
        throw new IllegalArgumentException(
            "Panel row " + la.oldLaCode() + " " + year + " lacks " + indicator.column());
      }
    }
    values = Collections.unmodifiableMap(all);
    supporting = Collections.unmodifiableMap(new LinkedHashMap<>(supporting));
    EnumMap<Indicator, String> from = new EnumMap<>(Indicator.class);
    from.putAll(sources);
    sources = Collections.unmodifiableMap(from);
    flags = List.copyOf(flags);
  }

  public PublishedValue value(Indicator indicator) {
    return values.get(indicator);
  }

  /** A copy with {@code flags}. */
  public PanelRow withFlags(List<QualityFlag> newFlags) {
    return new PanelRow(year, la, values, supporting, sources, newFlags);
  }
}
