package org.soseval.pipeline.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.soseval.pipeline.panel.Arithmetic;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.stats.disclosure.CountTable;
import org.soseval.pipeline.stats.disclosure.Dimension;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;
import org.soseval.pipeline.stats.disclosure.DisplayRounding;
import org.soseval.pipeline.stats.disclosure.ProtectedTable;

/**
 * Disclosure control for an LA × year table computed from case-level returns, before {@link
 * EesWriter} writes it. For each year and count column, the LAs are the leaves of a hierarchy LA →
 * region → England and {@link ProtectedTable} applies the profile: primary suppression (DfE: counts
 * 1-5), secondary suppression until no suppressed count can be recovered from a region's or
 * England's total, and rounding of regional and national totals. Then a rate or percentage whose
 * numerator or denominator count is suppressed is suppressed too, and a median (or any statistic of
 * a base count) is suppressed when its base is suppressed or below the profile's minimum. A
 * percentage whose numerator is a supporting count ({@link PublicationTable.Row#supporting()}, e.g.
 * {@code cpp_subsequent_count}) would reveal it (3.0% of a published 100 is 3), so supporting
 * numerators go through the same suppression as the counts (never written) and the percentage is
 * suppressed when its numerator is, or is not given. Under a profile that rounds every count (ONS
 * 10-5) a rate or percentage is recomputed from the published, rounded counts (the population as
 * is): from the exact count, a 1-dp rate over a public LA population would give the exact count
 * back. Under DfE's profile LA counts are unrounded and rates stay as computed. Rows of aggregates
 * that are not in the hierarchy (e.g. London over Inner and Outer London) keep their values only as
 * rounded totals. Missing values keep their symbol.
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
    // supporting numerators (e.g. cpp_subsequent_count) are protected like published counts
    List<String> protectedCounts = new ArrayList<>(counts);
    for (IndicatorColumn column : table.indicators()) {
      Indicator.byColumn(column.name())
          .flatMap(Indicator::numerator)
          .filter(name -> !isColumn(table, name) && !protectedCounts.contains(name))
          .ifPresent(protectedCounts::add);
    }
    TreeSet<Integer> years = new TreeSet<>();
    table.rows().forEach(row -> years.add(row.year()));
    List<PublicationTable.Row> rows = new ArrayList<>();
    for (int year : years) {
      List<PublicationTable.Row> ofYear =
          table.rows().stream().filter(row -> row.year() == year).toList();
      rows.addAll(protectYear(ofYear, counts, protectedCounts, table.indicators()));
    }
    return table.withRows(rows);
  }

  private static boolean isColumn(PublicationTable table, String name) {
    return table.indicators().stream().anyMatch(column -> column.name().equals(name));
  }

  /**
   * Protects one year: {@code counts} are the published count columns, {@code protectedCounts}
   * those and the supporting numerators, which go through the same suppression and rounding but are
   * only read by {@link #derived}.
   */
  private List<PublicationTable.Row> protectYear(
      List<PublicationTable.Row> rows,
      List<String> counts,
      List<String> protectedCounts,
      List<IndicatorColumn> columns) {
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
    if (authorities.isEmpty() || protectedCounts.isEmpty()) {
      return rows;
    }
    for (PublicationTable.Row row : authorities) {
      locations.add(row.geography().oldLaCode(), regionKey(row.geography().regionCode()));
    }
    Dimension locationDimension = locations.build();
    CountTable.Builder builder =
        CountTable.builder(locationDimension, Dimension.of("indicator", protectedCounts));
    for (PublicationTable.Row row : authorities) {
      for (String count : protectedCounts) {
        PublishedValue value = countOf(row, count);
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
      Map<String, PublishedValue> supporting = new LinkedHashMap<>();
      for (String count : protectedCounts) {
        PublishedValue value = countOf(row, count);
        if (value.isPresent()) {
          value =
              known
                  ? fromProtected(protectedTable, location, count)
                  : PublishedValue.of(rounded(Math.round(value.number())));
        }
        (counts.contains(count) ? values : supporting).put(count, value);
      }
      for (IndicatorColumn column : columns) {
        Indicator.byColumn(column.name())
            .ifPresent(indicator -> derived(indicator, values, supporting, row, counts));
      }
      out.add(new PublicationTable.Row(row.year(), row.geography(), values));
    }
    return out;
  }

  /**
   * Suppresses a rate, percentage or median whose counts are suppressed or too few; under a profile
   * that rounds every count, recomputes a rate or percentage from the published counts.
   */
  private void derived(
      Indicator indicator,
      Map<String, PublishedValue> values,
      Map<String, PublishedValue> supporting,
      PublicationTable.Row row,
      List<String> counts) {
    if (indicator.kind() == Indicator.Kind.COUNT || !values.get(indicator.column()).isPresent()) {
      return;
    }
    if (indicator.kind() == Indicator.Kind.MEDIAN) {
      String base = indicator.base().orElse("");
      if (counts.contains(base)) {
        PublishedValue count = values.get(base);
        if (isSuppressed(count)
            || count.isPresent() && count.number() < profile.minimumAverageBase()) {
          values.put(indicator.column(), PublishedValue.missing("c"));
        }
      }
      return;
    }
    OptionalDouble top =
        part(indicator.numerator().orElseThrow(), true, indicator, values, supporting, row, counts);
    OptionalDouble bottom =
        part(
            indicator.denominator().orElseThrow(),
            false,
            indicator,
            values,
            supporting,
            row,
            counts);
    if (top.isEmpty() || bottom.isEmpty()) {
      values.put(indicator.column(), PublishedValue.missing("c"));
    } else if (roundsEveryCount()) {
      values.put(
          indicator.column(),
          bottom.getAsDouble() > 0
              ? PublishedValue.of(
                  indicator.kind() == Indicator.Kind.RATE
                      ? Arithmetic.ratePer10k(top.getAsDouble(), bottom.getAsDouble())
                      : Arithmetic.percent(top.getAsDouble(), bottom.getAsDouble()))
              : PublishedValue.missing("c"));
    }
  }

  /**
   * A numerator or denominator of a rate or percentage as published, or empty when the derived
   * value must be {@code c}. A published count column, or a supporting numerator, is taken after
   * protection (empty when suppressed, e.g. in the primary range or to protect another LA's; a
   * percentage's denominator below the minimum base is too few). A supporting denominator is
   * checked against the minimum base and rounded as a published count would be. The population
   * (public) is used as it is.
   */
  private OptionalDouble part(
      String name,
      boolean numerator,
      Indicator indicator,
      Map<String, PublishedValue> values,
      Map<String, PublishedValue> supporting,
      PublicationTable.Row row,
      List<String> counts) {
    boolean percentBase = !numerator && indicator.kind() == Indicator.Kind.PERCENT;
    if (counts.contains(name) || supporting.containsKey(name)) {
      PublishedValue count = counts.contains(name) ? values.get(name) : supporting.get(name);
      if (!count.isPresent()) {
        return OptionalDouble.empty();
      }
      return percentBase && count.number() < profile.minimumPercentBase()
          ? OptionalDouble.empty()
          : OptionalDouble.of(count.number());
    }
    if (values.containsKey(name)) {
      PublishedValue column = values.get(name);
      return column.isPresent() ? OptionalDouble.of(column.number()) : OptionalDouble.empty();
    }
    PublishedValue base = row.supporting().get(name);
    if (numerator || base == null || !base.isPresent()) {
      return OptionalDouble.empty();
    }
    long count = Math.round(base.number());
    if (count < profile.minimumPercentBase()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        roundsEveryCount() ? DisplayRounding.toNearest(count, profile.countRoundingBase()) : count);
  }

  /** True under a profile that rounds every published count, LA counts included (ONS 10-5). */
  private boolean roundsEveryCount() {
    return profile.countRoundingBase() > 1;
  }

  private static boolean isSuppressed(PublishedValue value) {
    return value.symbol().filter(symbol -> symbol.equals("c")).isPresent();
  }

  /** A count column's value, or a supporting count ({@code x} when the row does not give it). */
  private static PublishedValue countOf(PublicationTable.Row row, String name) {
    PublishedValue value = row.values().get(name);
    return value != null ? value : row.supporting().getOrDefault(name, PublishedValue.missing("x"));
  }

  private static PublishedValue fromProtected(ProtectedTable table, String location, String count) {
    if (table.isSuppressed(location, count)) {
      return PublishedValue.missing("c");
    }
    return PublishedValue.of(table.published(location, count).number().orElseThrow().doubleValue());
  }

  /** A total outside the hierarchy, rounded as an aggregate count is published. */
  private double rounded(long count) {
    return DisplayRounding.toNearest(
        count, Math.max(profile.aggregateRoundingBase(), profile.countRoundingBase()));
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
