package org.soseval.pipeline.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.panel.Arithmetic;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PublishedValue;

/**
 * Early years of LAs created by a reorganisation ({@code comparison.use_predecessors}).
 *
 * <p>An LA of the comparison whose DfE code starts after the first reporting year (North and West
 * Northamptonshire 2022, Bournemouth, Christchurch and Poole and the new Dorset 2020, Cumberland
 * and Westmorland and Furness 2024; see {@code data-schemas/reference/la_code_crosswalk.csv}) has
 * no data for the years before. With {@code use_predecessors: false} those LA-years are missing.
 * With {@code true} they take the series of the LA's predecessors, under these rules
 * (docs/evaluate.md):
 *
 * <ul>
 *   <li>The series comes from the predecessors whose whole area went to the LA (Bournemouth and
 *       Poole for BCP); only when there are none, from the predecessor it was split from
 *       (Northamptonshire for North and for West Northamptonshire; old Dorset for Dorset, which
 *       keeps most of it). Several predecessors are combined from their counts: a count is the sum,
 *       a rate the summed count per 10,000 of the summed population, a percentage the summed
 *       numerator over the summed denominator; a median or an outcome without counts cannot be
 *       combined and stays missing.
 *   <li>A predecessor's series is used at most once. When several comparison LAs would take it
 *       (both halves of Northamptonshire), they become one unit on the predecessor's boundaries,
 *       filed under the predecessor's code: its own values before the split and the successors'
 *       combined counts after, one cluster rather than two copies of the same pre-period. When a
 *       pilot is among them the pilot takes it and the others do not; two pilots sharing one
 *       predecessor take none of it.
 *   <li>A predecessor that is itself in the comparison keeps its series for itself.
 *   <li>An LA's own value always wins over a predecessor's for the same year.
 * </ul>
 *
 * An LA whose 3-digit code is unchanged (Buckinghamshire in 2021, North Yorkshire and Somerset in
 * 2024 changed only their GSS code and kept their area) is one series throughout.
 */
public final class PredecessorSeries {
  private PredecessorSeries() {}

  /**
   * An analysis unit whose values before {@code firstYear} come from other LAs.
   *
   * @param unit the code the unit is filed under in the panel and outputs
   * @param members the LAs of the comparison the unit stands for
   * @param predecessors the LAs whose series gives its earlier years
   * @param firstYear the first reporting year of the unit's own code(s)
   * @param yearsFilled by outcome of the config, the reporting years that took other LAs' values
   * @param rule what was done, in words
   */
  public record Link(
      String unit,
      List<String> members,
      List<String> predecessors,
      int firstYear,
      Map<String, List<Integer>> yearsFilled,
      String rule) {
    public Link {
      members = List.copyOf(members);
      predecessors = List.copyOf(predecessors);
      yearsFilled = Collections.unmodifiableMap(new TreeMap<>(yearsFilled));
    }
  }

  /**
   * The panel and group the estimators use.
   *
   * @param data the values, with predecessors' series filed under their successors
   * @param units the pilots and comparison units (merged successors under their predecessor)
   * @param links each unit that took other LAs' data
   * @param notes LA-years missing because an LA did not exist, and predecessors not used
   */
  public record Linked(
      LaYearPanel data, ComparisonGroup units, List<Link> links, List<String> notes) {
    public Linked {
      links = List.copyOf(links);
      notes = List.copyOf(notes);
    }
  }

  /** Applies {@code config.comparison().usePredecessors()} to {@code group} over {@code data}. */
  public static Linked apply(LaYearPanel data, ComparisonGroup group, EvaluationConfig config) {
    List<String> units = new ArrayList<>(group.pilots());
    units.addAll(group.comparators());
    List<String> notes = new ArrayList<>();
    List<String> claimants = new ArrayList<>();
    List<List<String>> claimed = new ArrayList<>();
    for (String unit : units) {
      Optional<LaCodeEntry> entry = LaCrosswalk.byOldCode(unit);
      if (entry.isEmpty()) {
        continue;
      }
      entry
          .get()
          .lastYear()
          .ifPresent(
              last -> {
                if (last < config.lastYear()) {
                  notes.add(
                      describe(unit)
                          + " ceased after reporting year "
                          + last
                          + "; its later years are missing");
                }
              });
      if (entry.get().firstYear().isEmpty()
          || entry.get().firstYear().getAsInt() <= config.firstYear()) {
        continue;
      }
      int first = entry.get().firstYear().getAsInt();
      List<String> predecessors = seriesPredecessors(entry.get());
      if (predecessors.isEmpty()) {
        continue;
      }
      String missingYears = config.firstYear() + "-" + Math.min(first - 1, config.lastYear());
      if (!config.comparison().usePredecessors()) {
        notes.add(
            describe(unit)
                + " exists from reporting year "
                + first
                + ": years "
                + missingYears
                + " are missing (comparison.use_predecessors is false)");
        continue;
      }
      List<String> inGroup = predecessors.stream().filter(units::contains).toList();
      if (!inGroup.isEmpty()) {
        notes.add(
            describe(unit)
                + " does not take the series of "
                + names(inGroup)
                + ", which is in the comparison itself: years "
                + missingYears
                + " are missing");
        continue;
      }
      claimants.add(unit);
      claimed.add(predecessors);
    }

    LaYearPanel linked = LaYearPanel.empty().overlaidWith(data);
    List<String> pilots = new ArrayList<>(group.pilots());
    TreeSet<String> comparators = new TreeSet<>(group.comparators());
    List<Link> links = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (int i = 0; i < claimants.size(); i++) {
      String unit = claimants.get(i);
      if (!done.add(unit)) {
        continue;
      }
      List<String> predecessors = claimed.get(i);
      List<String> siblings = new ArrayList<>(List.of(unit));
      for (int j = i + 1; j < claimants.size(); j++) {
        if (claimed.get(j).stream().anyMatch(predecessors::contains)) {
          siblings.add(claimants.get(j));
          done.add(claimants.get(j));
        }
      }
      int first = firstYear(unit);
      if (siblings.size() == 1) {
        links.add(
            fill(
                linked,
                data,
                unit,
                List.of(unit),
                predecessors,
                first,
                config,
                "takes the series of " + names(predecessors) + " before " + first));
        continue;
      }
      List<String> pilotSiblings = siblings.stream().filter(pilots::contains).toList();
      if (pilotSiblings.isEmpty() && predecessors.size() == 1) {
        String predecessor = predecessors.get(0);
        int split = siblings.stream().mapToInt(PredecessorSeries::firstYear).min().orElseThrow();
        siblings.forEach(comparators::remove);
        comparators.add(predecessor);
        links.add(
            merge(
                linked,
                data,
                predecessor,
                siblings,
                split,
                config,
                names(siblings)
                    + " are one comparison unit on the boundaries of "
                    + names(predecessors)
                    + ": its own values before "
                    + split
                    + ", theirs combined from "
                    + split));
      } else if (pilotSiblings.size() == 1) {
        String pilot = pilotSiblings.get(0);
        links.add(
            fill(
                linked,
                data,
                pilot,
                List.of(pilot),
                predecessors,
                firstYear(pilot),
                config,
                "pilot takes the series of "
                    + names(predecessors)
                    + " before "
                    + firstYear(pilot)));
        List<String> others = siblings.stream().filter(code -> !code.equals(pilot)).toList();
        notes.add(
            names(others)
                + " do not take the series of "
                + names(predecessors)
                + ", which pilot "
                + describe(pilot)
                + " takes: their years before "
                + first
                + " are missing");
      } else {
        notes.add(
            names(siblings)
                + " share the series of "
                + names(predecessors)
                + "; used for none of them (it cannot be split between units): their years"
                + " before "
                + first
                + " are missing");
      }
    }
    ComparisonGroup analysed =
        new ComparisonGroup(pilots, new ArrayList<>(comparators), group.rule());
    return new Linked(linked, analysed, links, notes);
  }

  /**
   * The predecessors whose whole area went to the LA; when there are none, all its predecessors
   * (those it was split from). Never the LA itself (a GSS-only change).
   */
  static List<String> seriesPredecessors(LaCodeEntry entry) {
    List<String> all =
        entry.predecessors().stream().filter(code -> !code.equals(entry.oldLaCode())).toList();
    List<String> whole =
        all.stream()
            .filter(
                code ->
                    LaCrosswalk.byOldCode(code)
                        .map(p -> p.successors().equals(List.of(entry.oldLaCode())))
                        .orElse(false))
            .toList();
    return whole.isEmpty() ? all : whole;
  }

  /** Files the combined series of {@code sources} under {@code unit} for years before first. */
  private static Link fill(
      LaYearPanel linked,
      LaYearPanel data,
      String unit,
      List<String> members,
      List<String> sources,
      int first,
      EvaluationConfig config,
      String rule) {
    Map<String, List<Integer>> filled =
        file(
            linked,
            data,
            unit,
            sources,
            config,
            config.firstYear(),
            Math.min(first - 1, config.lastYear()));
    return new Link(unit, members, sources, first, filled, describe(unit) + " " + rule);
  }

  /** Files the successors' combined values under their predecessor's code from the split. */
  private static Link merge(
      LaYearPanel linked,
      LaYearPanel data,
      String predecessor,
      List<String> successors,
      int split,
      EvaluationConfig config,
      String rule) {
    Map<String, List<Integer>> filled =
        file(
            linked,
            data,
            predecessor,
            successors,
            config,
            Math.max(split, config.firstYear()),
            config.lastYear());
    return new Link(predecessor, successors, List.of(predecessor), split, filled, rule);
  }

  /**
   * Files under {@code unit} the values of the config's outcomes combined from {@code sources} for
   * years {@code from}-{@code to} where {@code unit} has none of its own; returns the years filled.
   */
  private static Map<String, List<Integer>> file(
      LaYearPanel linked,
      LaYearPanel data,
      String unit,
      List<String> sources,
      EvaluationConfig config,
      int from,
      int to) {
    Map<String, List<Integer>> filled = new TreeMap<>();
    for (String outcome : config.outcomes()) {
      List<Integer> years = new ArrayList<>();
      for (int year = from; year <= to; year++) {
        if (data.get(outcome, unit, year).isPresent()) {
          continue;
        }
        Optional<LaYearPanel.Observation> combined = combine(data, outcome, sources, year);
        if (combined.isPresent()) {
          linked.put(outcome, unit, year, combined.get());
          years.add(year);
        }
      }
      filled.put(outcome, years);
    }
    return filled;
  }

  /**
   * One LA-year value from the values of {@code members}: a single member's value as it is, or
   * several combined from their counts (also what may be published of it, from what may be
   * published of theirs: {@code c} if any of those is withheld).
   */
  static Optional<LaYearPanel.Observation> combine(
      LaYearPanel data, String outcome, List<String> members, int year) {
    if (members.size() == 1) {
      String member = members.get(0);
      return data.get(outcome, member, year)
          .map(
              observation ->
                  new LaYearPanel.Observation(
                      observation.value(),
                      observation.source() + " (from " + describe(member) + ")",
                      observation.published(),
                      List.of(member)));
    }
    Optional<Indicator> indicator = Indicator.byColumn(outcome);
    if (indicator.isEmpty() || indicator.get().kind() == Indicator.Kind.MEDIAN) {
      return Optional.empty();
    }
    Indicator.Kind kind = indicator.get().kind();
    String top = kind == Indicator.Kind.COUNT ? outcome : indicator.get().numerator().orElseThrow();
    Optional<String> bottom =
        kind == Indicator.Kind.COUNT ? Optional.empty() : indicator.get().denominator();
    double[] sums = new double[2];
    double[] publishedSums = new double[2];
    boolean publishable = true;
    Set<String> sources = new LinkedHashSet<>();
    List<String> parts = new ArrayList<>(List.of(top));
    bottom.ifPresent(parts::add);
    for (String member : members) {
      for (int part = 0; part < parts.size(); part++) {
        Optional<LaYearPanel.Observation> count = data.get(parts.get(part), member, year);
        if (count.isEmpty()) {
          return Optional.empty();
        }
        sums[part] += count.get().value();
        PublishedValue published = count.get().published();
        publishable &= published.isPresent();
        publishedSums[part] += published.isPresent() ? published.number() : 0;
        sources.add(count.get().source());
      }
    }
    if (bottom.isPresent() && !(sums[1] > 0)) {
      return Optional.empty();
    }
    double value = ratio(kind, sums);
    PublishedValue published =
        publishable && (bottom.isEmpty() || publishedSums[1] > 0)
            ? PublishedValue.of(ratio(kind, publishedSums))
            : PublishedValue.missing("c");
    return Optional.of(
        new LaYearPanel.Observation(
            value,
            String.join("; ", sources) + " (" + names(members) + " combined)",
            published,
            members));
  }

  private static double ratio(Indicator.Kind kind, double[] sums) {
    return switch (kind) {
      case COUNT -> sums[0];
      case RATE -> Arithmetic.ratePer10k(sums[0], sums[1]);
      case PERCENT -> Arithmetic.percent(sums[0], sums[1]);
      case MEDIAN -> throw new IllegalArgumentException("medians cannot be combined");
    };
  }

  private static int firstYear(String code) {
    return LaCrosswalk.byOldCode(code)
        .map(entry -> entry.firstYear().orElse(Integer.MIN_VALUE))
        .orElse(Integer.MIN_VALUE);
  }

  private static String describe(String code) {
    return code + LaCrosswalk.byOldCode(code).map(entry -> " " + entry.name()).orElse("");
  }

  private static String names(List<String> codes) {
    return codes.stream().map(PredecessorSeries::describe).collect(Collectors.joining(" + "));
  }
}
