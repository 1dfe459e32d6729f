package org.soseval.pipeline.panel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.soseval.pipeline.geography.LaCodeEntry;

/** Tiny panel rows for unit tests. */
final class PanelRows {
  static final LaCodeEntry LEICESTERSHIRE =
      new LaCodeEntry(
          "855",
          "E10000018",
          "Leicestershire",
          "E12000004",
          "East Midlands",
          OptionalInt.empty(),
          OptionalInt.empty(),
          List.of(),
          List.of(),
          List.of());

  private PanelRows() {}

  /** A Leicestershire row with every indicator {@code x} except one count and the population. */
  static PanelRow withCount(int year, Indicator count, double value, double population) {
    Map<Indicator, PublishedValue> values = new EnumMap<>(Indicator.class);
    for (Indicator indicator : Indicator.values()) {
      values.put(indicator, PublishedValue.missing("x"));
    }
    values.put(count, PublishedValue.of(value));
    values.put(Indicator.POPULATION_0_17, PublishedValue.of(population));
    return new PanelRow(year, LEICESTERSHIRE, values, Map.of(), Map.of(), List.of());
  }
}
