package org.soseval.pipeline.derive;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.panel.Arithmetic;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PopulationEstimates;
import org.soseval.pipeline.panel.PublishedValue;

/**
 * Turns the tallies of facts by LA and reporting year into panel rows: one per LA and year that the
 * lake holds a CIN census or an SSDA903 return for. CIN indicators are {@code x} for years without
 * a census, CLA indicators for years without a return; counts are 0 when the data is there and
 * nothing was counted; a percentage over zero and a median of nothing are {@code z}; rates are
 * {@code x} without a population estimate.
 */
final class PanelBuilder {
  /** Where the values came from, as the panel's source column says it. */
  static final String CIN_SOURCE = "lake:cin_census";

  static final String CLA_SOURCE = "lake:ssda903";

  /** Supporting counts written beside the indicators (numerators of percentages). */
  static final List<String> SUPPORTING =
      List.of(
          "assessments_within_45wd_count",
          "icpc_within_15wd_count",
          "icpc_with_s47_duration_count",
          "cpp_subsequent_count");

  /** An LA and reporting year. */
  record Key(String la, int year) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byLa = la.compareTo(other.la);
      return byLa != 0 ? byLa : Integer.compare(year, other.year);
    }
  }

  private PanelBuilder() {}

  static List<PanelRow> rows(
      Map<Key, IndicatorTally> tallies,
      Map<String, Set<Integer>> cinYears,
      Map<String, Set<Integer>> claYears,
      Optional<PopulationEstimates> population,
      List<String> notes) {
    Set<Key> keys = new TreeSet<>();
    cinYears.forEach((la, years) -> years.forEach(y -> keys.add(new Key(la, y))));
    claYears.forEach((la, years) -> years.forEach(y -> keys.add(new Key(la, y))));
    List<PanelRow> rows = new ArrayList<>();
    for (Key key : keys) {
      IndicatorTally tally = tallies.getOrDefault(key, new IndicatorTally());
      Set<Integer> cin = cinYears.getOrDefault(key.la(), Set.of());
      Set<Integer> cla = claYears.getOrDefault(key.la(), Set.of());
      OptionalDouble children =
          population.isPresent()
              ? population.get().forReportingYear(key.la(), key.year())
              : OptionalDouble.empty();
      rows.add(
          row(
              key,
              entry(key, notes),
              tally,
              cin.contains(key.year()),
              cla.contains(key.year()),
              firstYear(cin, key.year()),
              firstYear(cla, key.year()),
              children,
              population.map(PopulationEstimates::source)));
    }
    return rows;
  }

  private static boolean firstYear(Set<Integer> years, int year) {
    return years.contains(year) && years.stream().noneMatch(y -> y < year);
  }

  static PanelRow row(
      Key key,
      LaCodeEntry la,
      IndicatorTally t,
      boolean hasCin,
      boolean hasCla,
      boolean firstCinYear,
      boolean firstClaYear,
      OptionalDouble children,
      Optional<String> populationSource) {
    Map<Indicator, PublishedValue> v = new EnumMap<>(Indicator.class);
    Map<String, PublishedValue> supporting = new LinkedHashMap<>();
    Map<Indicator, String> sources = new EnumMap<>(Indicator.class);
    PublishedValue population =
        children.isPresent() ? PublishedValue.of(children.getAsDouble()) : missing();
    v.put(Indicator.POPULATION_0_17, population);
    sources.put(
        Indicator.POPULATION_0_17,
        children.isPresent()
            ? populationSource.orElse("population") + " mid-" + (key.year() - 1)
            : populationSource.isPresent()
                ? "no estimate for mid-" + (key.year() - 1) + " in " + populationSource.get()
                : "no population file");

    long referrals = t.count(Measure.REFERRAL);
    long rereferrals = t.countOf(Measure.REFERRAL, 1);
    long assessments = t.count(Measure.ASSESSMENT) + t.count(Measure.ASSESSMENT_UNTIMED);
    long within45 = t.countAtMost(Measure.ASSESSMENT, 45);
    long timedConferences = t.count(Measure.ICPC_S47_DAYS);
    long within15 = t.countAtMost(Measure.ICPC_S47_DAYS, 15);
    long planStarts = t.count(Measure.CPP_START);
    long subsequentPlans = t.countOf(Measure.CPP_START, 1);
    String cinSource =
        CIN_SOURCE + (firstCinYear ? " (first census in the lake: no earlier history)" : "");
    if (hasCin) {
      put(v, sources, Indicator.REFERRALS_COUNT, count(referrals), cinSource);
      put(v, sources, Indicator.REREFERRALS_12M_COUNT, count(rereferrals), cinSource);
      put(v, sources, Indicator.REREFERRAL_12M_PERCENT, percent(rereferrals, referrals), cinSource);
      put(v, sources, Indicator.ASSESSMENTS_COMPLETED_COUNT, count(assessments), cinSource);
      put(v, sources, Indicator.ASSESSMENTS_COMPLETED_RATE, rate(assessments, children), cinSource);
      put(
          v,
          sources,
          Indicator.ASSESSMENT_DURATION_MEDIAN_WORKING_DAYS,
          median(t.median(Measure.ASSESSMENT)),
          cinSource);
      put(
          v,
          sources,
          Indicator.ASSESSMENTS_WITHIN_45WD_PERCENT,
          percent(within45, assessments),
          cinSource);
      put(v, sources, Indicator.S47_COUNT, count(t.count(Measure.S47)), cinSource);
      put(v, sources, Indicator.S47_RATE, rate(t.count(Measure.S47), children), cinSource);
      put(v, sources, Indicator.ICPC_COUNT, count(t.count(Measure.ICPC)), cinSource);
      put(v, sources, Indicator.ICPC_RATE, rate(t.count(Measure.ICPC), children), cinSource);
      put(
          v,
          sources,
          Indicator.S47_TO_ICPC_MEDIAN_WORKING_DAYS,
          median(t.median(Measure.ICPC_S47_DAYS)),
          cinSource);
      put(
          v,
          sources,
          Indicator.ICPC_WITHIN_15WD_PERCENT,
          percent(within15, timedConferences),
          cinSource);
      put(v, sources, Indicator.CPP_START_COUNT, count(planStarts), cinSource);
      put(v, sources, Indicator.CPP_START_RATE, rate(planStarts, children), cinSource);
      put(
          v,
          sources,
          Indicator.CPP_SUBSEQUENT_PERCENT,
          percent(subsequentPlans, planStarts),
          cinSource);
      put(v, sources, Indicator.CPP_AT31_COUNT, count(t.count(Measure.CPP_AT31)), cinSource);
      put(
          v,
          sources,
          Indicator.CPP_AT31_RATE,
          rate(t.count(Measure.CPP_AT31), children),
          cinSource);
      put(v, sources, Indicator.CIN_AT31_COUNT, count(t.count(Measure.CIN_AT31)), cinSource);
      put(
          v,
          sources,
          Indicator.CIN_AT31_RATE,
          rate(t.count(Measure.CIN_AT31), children),
          cinSource);
      supporting.put("assessments_within_45wd_count", count(within45));
      supporting.put("icpc_within_15wd_count", count(within15));
      supporting.put("icpc_with_s47_duration_count", count(timedConferences));
      supporting.put("cpp_subsequent_count", count(subsequentPlans));
    } else {
      for (String name : SUPPORTING) {
        supporting.put(name, missing());
      }
    }
    long starts = t.count(Measure.CLA_START);
    long ceased = t.count(Measure.CLA_CEASED);
    long reunified = t.countOf(Measure.CLA_CEASED, 1);
    String claSource =
        CLA_SOURCE + (firstClaYear ? " (first return in the lake: no earlier history)" : "");
    if (hasCla) {
      put(v, sources, Indicator.CLA_START_COUNT, count(starts), claSource);
      put(v, sources, Indicator.CLA_START_RATE, rate(starts, children), claSource);
      put(v, sources, Indicator.CLA_AT31_COUNT, count(t.count(Measure.CLA_AT31)), claSource);
      put(
          v,
          sources,
          Indicator.CLA_AT31_RATE,
          rate(t.count(Measure.CLA_AT31), children),
          claSource);
      put(v, sources, Indicator.CLA_CEASED_COUNT, count(ceased), claSource);
      put(v, sources, Indicator.CLA_REUNIFIED_COUNT, count(reunified), claSource);
      put(v, sources, Indicator.CLA_REUNIFIED_PERCENT, percent(reunified, ceased), claSource);
      put(
          v,
          sources,
          Indicator.CLA_REENTRY_12M_COUNT,
          count(t.countOf(Measure.CLA_START, 1)),
          claSource);
    }
    for (Indicator indicator : Indicator.values()) {
      if (!v.containsKey(indicator)) {
        v.put(indicator, missing());
        sources.put(
            indicator,
            indicator.grouping().equals("Children looked after")
                ? "no SSDA903 return for this year in the lake"
                : "no CIN census for this year in the lake");
      }
    }
    return new PanelRow(key.year(), la, v, supporting, sources, List.of());
  }

  /** The crosswalk's entry for the LA (in the year, or its latest); a bare entry if unknown. */
  static LaCodeEntry entry(Key key, List<String> notes) {
    Optional<LaCodeEntry> known = LaCrosswalk.byOldCode(key.la(), key.year());
    if (known.isEmpty()) {
      known = LaCrosswalk.byOldCode(key.la());
    }
    if (known.isPresent()) {
      return known.get();
    }
    notes.add("LA code " + key.la() + " is not in the crosswalk: its row has no names or region");
    return new LaCodeEntry(
        key.la(),
        "E00000000",
        "",
        "",
        "",
        OptionalInt.empty(),
        OptionalInt.empty(),
        List.of(),
        List.of(),
        List.of());
  }

  private static void put(
      Map<Indicator, PublishedValue> values,
      Map<Indicator, String> sources,
      Indicator indicator,
      PublishedValue value,
      String source) {
    values.put(indicator, value);
    sources.put(indicator, source);
  }

  private static PublishedValue count(long count) {
    return PublishedValue.of(count);
  }

  private static PublishedValue percent(long numerator, long denominator) {
    return denominator == 0
        ? PublishedValue.missing("z")
        : PublishedValue.of(Arithmetic.percent(numerator, denominator));
  }

  private static PublishedValue rate(long count, OptionalDouble children) {
    if (children.isEmpty()) {
      return missing();
    }
    return children.getAsDouble() > 0
        ? PublishedValue.of(Arithmetic.ratePer10k(count, children.getAsDouble()))
        : PublishedValue.missing("z");
  }

  private static PublishedValue median(OptionalDouble median) {
    return median.isPresent()
        ? PublishedValue.of(median.getAsDouble())
        : PublishedValue.missing("z");
  }

  private static PublishedValue missing() {
    return PublishedValue.missing("x");
  }
}
