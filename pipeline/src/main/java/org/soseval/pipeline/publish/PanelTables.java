package org.soseval.pipeline.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.soseval.pipeline.panel.Arithmetic;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedValue;

/**
 * Turns panel rows into the {@code la_indicators} publication table: the LA rows plus, for each
 * year, a total row for England and for each region (DfE's regions, London as a whole and Inner and
 * Outer London), marked by their {@code geographic_level}.
 *
 * <p>Totals are over the LAs present in the panel. A count total is the sum, or {@code x} when any
 * LA's count is missing or suppressed (a sum without it would understate); rates and percentages
 * are recomputed from the total counts; medians cannot be combined from LA medians and are {@code
 * x}.
 */
public final class PanelTables {
  /** The file name of the LA indicators table. */
  public static final String LA_INDICATORS = "la_indicators";

  private static final String LONDON_CODE = "E12000007";

  private PanelTables() {}

  public static PublicationTable laIndicators(List<PanelRow> panel) {
    List<IndicatorColumn> columns = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      columns.add(IndicatorColumn.of(indicator));
    }
    Map<Integer, List<PanelRow>> byYear = new TreeMap<>();
    for (PanelRow row : panel) {
      byYear.computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row);
    }
    List<PublicationTable.Row> rows = new ArrayList<>();
    for (Map.Entry<Integer, List<PanelRow>> year : byYear.entrySet()) {
      List<PanelRow> las = new ArrayList<>(year.getValue());
      las.sort((a, b) -> a.la().oldLaCode().compareTo(b.la().oldLaCode()));
      rows.add(total(year.getKey(), Geography.england(), las));
      Map<String, String> regionNames = new TreeMap<>();
      Map<String, List<PanelRow>> byRegion = new TreeMap<>();
      for (PanelRow row : las) {
        regionNames.put(row.la().regionCode(), row.la().regionName());
        byRegion.computeIfAbsent(row.la().regionCode(), r -> new ArrayList<>()).add(row);
        if (row.la().regionCode().startsWith("E13")) {
          regionNames.put(LONDON_CODE, "London");
          byRegion.computeIfAbsent(LONDON_CODE, r -> new ArrayList<>()).add(row);
        }
      }
      for (Map.Entry<String, List<PanelRow>> region : byRegion.entrySet()) {
        rows.add(
            total(
                year.getKey(),
                Geography.region(region.getKey(), regionNames.get(region.getKey())),
                region.getValue()));
      }
      for (PanelRow row : las) {
        Map<String, PublishedValue> values = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
          values.put(indicator.column(), row.value(indicator));
        }
        rows.add(
            new PublicationTable.Row(
                row.year(),
                Geography.localAuthority(
                    row.la().regionCode(),
                    row.la().regionName(),
                    row.la().oldLaCode(),
                    row.la().newLaCode(),
                    row.la().name()),
                values,
                row.supporting()));
      }
    }
    return new PublicationTable(LA_INDICATORS, columns, rows);
  }

  private static PublicationTable.Row total(int year, Geography geography, List<PanelRow> las) {
    Map<String, PublishedValue> counts = new LinkedHashMap<>();
    for (PanelRow row : las) {
      Map<String, PublishedValue> named = new LinkedHashMap<>(row.supporting());
      for (Indicator indicator : Indicator.values()) {
        if (indicator.kind() == Indicator.Kind.COUNT) {
          named.put(indicator.column(), row.value(indicator));
        }
      }
      for (Map.Entry<String, PublishedValue> entry : named.entrySet()) {
        counts.merge(entry.getKey(), entry.getValue(), PanelTables::sum);
      }
    }
    for (String name : new ArrayList<>(counts.keySet())) {
      // a count some LAs lack entirely (e.g. supporting counts) is incomplete
      long have = las.stream().filter(r -> has(r, name)).count();
      if (have < las.size()) {
        counts.put(name, PublishedValue.missing("x"));
      }
    }
    Map<String, PublishedValue> values = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      values.put(
          indicator.column(),
          switch (indicator.kind()) {
            case COUNT -> counts.getOrDefault(indicator.column(), PublishedValue.missing("x"));
            case MEDIAN -> PublishedValue.missing("x");
            case RATE, PERCENT -> ratio(indicator, counts);
          });
    }
    Map<String, PublishedValue> supporting = new LinkedHashMap<>(counts);
    supporting.keySet().removeIf(name -> Indicator.byColumn(name).isPresent());
    return new PublicationTable.Row(year, geography, values, supporting);
  }

  private static boolean has(PanelRow row, String name) {
    return row.supporting().containsKey(name) || Indicator.byColumn(name).isPresent();
  }

  private static PublishedValue sum(PublishedValue a, PublishedValue b) {
    return a.isPresent() && b.isPresent()
        ? PublishedValue.of(a.number() + b.number())
        : PublishedValue.missing("x");
  }

  private static PublishedValue ratio(Indicator indicator, Map<String, PublishedValue> counts) {
    PublishedValue top =
        counts.getOrDefault(indicator.numerator().orElseThrow(), PublishedValue.missing("x"));
    PublishedValue bottom =
        counts.getOrDefault(indicator.denominator().orElseThrow(), PublishedValue.missing("x"));
    if (!top.isPresent() || !bottom.isPresent()) {
      return PublishedValue.missing("x");
    }
    if (!(bottom.number() > 0)) {
      return PublishedValue.missing("z");
    }
    return PublishedValue.of(
        indicator.kind() == Indicator.Kind.RATE
            ? Arithmetic.ratePer10k(top.number(), bottom.number())
            : Arithmetic.percent(top.number(), bottom.number()));
  }
}
