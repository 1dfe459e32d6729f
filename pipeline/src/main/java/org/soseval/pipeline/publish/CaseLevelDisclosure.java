package org.soseval.pipeline.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.stats.disclosure.CountTable;
import org.soseval.pipeline.stats.disclosure.Dimension;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;
import org.soseval.pipeline.stats.disclosure.ProtectedTable;

/**
 * Disclosure control for an LA × year table computed from case-level returns, before {@link
 * EesWriter} writes it. For each year and count column, the LAs are the leaves of a hierarchy LA →
 * region → England and {@link ProtectedTable} applies the profile: primary suppression (DfE: counts
 * 1-5), secondary suppression until no suppressed count can be recovered from a region's or
 * England's total, and rounding of regional and national totals. Then a rate or percentage whose
 * numerator or denominator count is suppressed is suppressed too, and a median (or any statistic of
 * a base count) is suppressed when its base is suppressed or below the profile's minimum. Rows of
 * aggregates that are not in the hierarchy (e.g. London over Inner and Outer London) keep their
 * values only as rounded totals. Missing values keep their symbol.
 */
public final class CaseLevelDisclosure implements DisclosureControl {
  private static final String ENGLAND = "England";

  private final DisclosureProfile profile;

  private CaseLevelDisclosure(DisclosureProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile is null");
  }

  public static CaseLevelDisclosure of(DisclosureProfile profile) {
    return new CaseLevelDisclosure(profile);
  }

  @Override
  public PublicationTable apply(PublicationTable table) {
    List<String> counts = new ArrayList<>();
    for (IndicatorColumn column : table.indicators()) {
      if (column.kind() == Indicator.Kind.COUNT && !column.name().equals("population_0_17")) {
        counts.add(column.name());
      }
    }
    TreeSet<Integer> years = new TreeSet<>();
    table.rows().forEach(row -> years.add(row.year()));
    List<PublicationTable.Row> rows = new ArrayList<>();
    for (int year : years) {
      List<PublicationTable.Row> ofYear =
          table.rows().stream().filter(row -> row.year() == year).toList();
      rows.addAll(protectYear(ofYear, counts, table.indicators()));
    }
    return table.withRows(rows);
  }

  private List<PublicationTable.Row> protectYear(
      List<PublicationTable.Row> rows, List<String> counts, List<IndicatorColumn> columns) {
    Dimension.Builder locations = Dimension.builder("location").add(ENGLAND);
    List<String> regions = new ArrayList<>();
    List<PublicationTable.Row> authorities = new ArrayList<>();
    for (PublicationTable.Row row : rows) {
      Geography geography = row.geography();
      if (geography.level() == Geography.Level.LOCAL_AUTHORITY) {
        authorities.add(row);
        String region = regionKey(geography.regionCode());
        if (!regions.contains(region)) {
          regions.add(region);
          locations.add(region, ENGLAND);
        }
      }
    }
    if (authorities.isEmpty() || counts.isEmpty()) {
      return rows;
    }
    for (PublicationTable.Row row : authorities) {
      locations.add(row.geography().oldLaCode(), regionKey(row.geography().regionCode()));
    }
    Dimension locationDimension = locations.build();
    CountTable.Builder builder =
        CountTable.builder(locationDimension, Dimension.of("indicator", counts));
    for (PublicationTable.Row row : authorities) {
      for (String count : counts) {
        PublishedValue value = row.values().get(count);
        builder.count(
            row.geography().oldLaCode(), count, value.isPresent() ? Math.round(value.number()) : 0);
      }
    }
    ProtectedTable protectedTable = ProtectedTable.protect(builder.build(), profile);
    List<PublicationTable.Row> out = new ArrayList<>();
    for (PublicationTable.Row row : rows) {
      String location = location(row.geography());
      boolean known = location != null && locationDimension.labels().contains(location);
      Map<String, PublishedValue> values = new LinkedHashMap<>(row.values());
      for (String count : counts) {
        PublishedValue value = values.get(count);
        if (!value.isPresent()) {
          continue;
        }
        if (known) {
          values.put(count, fromProtected(protectedTable, location, count));
        } else {
          values.put(count, PublishedValue.of(rounded(Math.round(value.number()))));
        }
      }
      for (IndicatorColumn column : columns) {
        Indicator.byColumn(column.name())
            .ifPresent(indicator -> derived(indicator, values, counts, known));
      }
      out.add(new PublicationTable.Row(row.year(), row.geography(), values));
    }
    return out;
  }

  /** Suppresses a rate, percentage or median whose counts are suppressed or too few. */
  private void derived(
      Indicator indicator, Map<String, PublishedValue> values, List<String> counts, boolean known) {
    if (indicator.kind() == Indicator.Kind.COUNT || !values.get(indicator.column()).isPresent()) {
      return;
    }
    for (String part :
        List.of(
            indicator.numerator().orElse(""),
            indicator.denominator().orElse(""),
            indicator.base().orElse(""))) {
      if (!counts.contains(part)) {
        continue;
      }
      PublishedValue count = values.get(part);
      boolean suppressed = count.symbol().filter(symbol -> symbol.equals("c")).isPresent();
      boolean tooFew =
          count.isPresent()
              && (part.equals(indicator.base().orElse(""))
                  ? count.number() < profile.minimumAverageBase()
                  : part.equals(indicator.denominator().orElse(""))
                      && indicator.kind() == Indicator.Kind.PERCENT
                      && count.number() < profile.minimumPercentBase());
      if (suppressed || tooFew) {
        values.put(indicator.column(), PublishedValue.missing("c"));
        return;
      }
    }
  }

  private static PublishedValue fromProtected(ProtectedTable table, String location, String count) {
    if (table.isSuppressed(location, count)) {
      return PublishedValue.missing("c");
    }
    return PublishedValue.of(table.published(location, count).number().orElseThrow().doubleValue());
  }

  private double rounded(long count) {
    long base = profile.aggregateRoundingBase();
    return Math.floorDiv(count + base / 2, base) * base;
  }

  private static String location(Geography geography) {
    return switch (geography.level()) {
      case NATIONAL -> ENGLAND;
      case REGIONAL -> regionKey(geography.regionCode());
      case LOCAL_AUTHORITY -> geography.oldLaCode();
    };
  }

  private static String regionKey(String regionCode) {
    return "region " + regionCode;
  }
}
