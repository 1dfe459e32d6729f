package org.soseval.pipeline.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.compare.StatisticalNeighbours;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;
import org.soseval.pipeline.stats.compare.Benchmarks;
import org.soseval.pipeline.stats.compare.Polarity;
import org.soseval.pipeline.stats.compare.RecentTrend;
import org.soseval.pipeline.stats.compare.TrendMarker;
import org.soseval.pipeline.stats.funnel.FunnelSignificance;
import org.soseval.pipeline.stats.funnel.PheFunnels;
import org.soseval.pipeline.stats.interval.ProportionIntervals;
import org.soseval.pipeline.stats.interval.RateIntervals;

/**
 * One LA's benchmark pack from published statistics: for every indicator and year, the LA beside
 * England, its region and its statistical neighbours, with rank, quartile band, change, trend,
 * significance against England and funnel position. Only aggregates of other LAs are used.
 *
 * <p>Conventions (docs/benchmark.md): England and region values are recomputed from the LAs' counts
 * (a rate from summed counts over summed populations; a percentage from summed numerators over
 * summed denominators; a sum of counts; no median), over the LAs with data; the neighbours' mean
 * and median are of their values, with the number that had data; rank 1 is the best value by
 * polarity (the lowest where there is none), ties take the lower rank; quartile band A is the best
 * quarter by polarity (the lowest where there is none), from the rank; change is from the previous
 * year only when both years have values; the trend is Fingertips' 5-point chi-square test at 99.8%;
 * significance against England compares the LA's 95% interval (Byars/exact for rates, Wilson for
 * percentages) with England's value; the funnel position is PHEindicatormethods' (proportions
 * against the pooled percentage; rates as observed/expected counts at England's rate).
 */
public record BenchmarkPack(
    LaCodeEntry la, String neighboursModel, List<String> neighbours, List<Row> rows) {

  /** One indicator in one year. */
  public record Row(
      Indicator indicator,
      int year,
      PublishedValue value,
      OptionalDouble england,
      OptionalDouble region,
      OptionalDouble neighboursMean,
      OptionalDouble neighboursMedian,
      int neighboursWithData,
      OptionalInt rank,
      int rankedAuthorities,
      Optional<String> quartileBand,
      OptionalDouble change,
      TrendMarker trend,
      BenchmarkComparison comparedWithEngland,
      Optional<FunnelSignificance> funnel) {}

  public BenchmarkPack {
    Objects.requireNonNull(la, "la is null");
    neighbours = List.copyOf(neighbours);
    rows = List.copyOf(rows);
  }

  /** Indicators a pack covers: rates, percentages and medians (counts only support them). */
  public static List<Indicator> indicators() {
    return Arrays.stream(Indicator.values())
        .filter(indicator -> indicator.kind() != Indicator.Kind.COUNT)
        .toList();
  }

  /**
   * Builds the pack of {@code laCode} for every year of the panel, or only {@code year}.
   *
   * @throws org.soseval.pipeline.PipelineException if the panel has no row for the LA
   */
  public static BenchmarkPack build(
      PublishedPanel panel,
      String laCode,
      Optional<Integer> year,
      StatisticalNeighbours neighbours) {
    TreeSet<Integer> years = new TreeSet<>();
    LaCodeEntry la = null;
    for (PanelRow row : panel.rows()) {
      if (row.la().oldLaCode().equals(laCode)) {
        years.add(row.year());
        la = row.la();
      }
    }
    if (la == null) {
      throw PipelineErrors.usage(
          "Cannot benchmark LA " + laCode,
          "the published statistics have no rows for it",
          "Give a 3-digit DfE LA code such as 855 (Leicestershire)");
    }
    if (year.isPresent() && !years.contains(year.get())) {
      throw PipelineErrors.usage(
          "Cannot benchmark LA " + laCode + " in " + year.get(),
          "the published statistics cover " + years.first() + "-" + years.last() + " for it",
          "Choose a --year in that range");
    }
    List<String> neighbourCodes = neighbours.of(laCode);
    List<Row> rows = new ArrayList<>();
    for (int y : years) {
      if (year.isPresent() && y != year.get()) {
        continue;
      }
      List<PanelRow> all = panel.rows().stream().filter(row -> row.year() == y).toList();
      PanelRow own = panel.row(laCode, y).orElseThrow();
      for (Indicator indicator : indicators()) {
        rows.add(row(panel, own, all, indicator, neighbourCodes));
      }
    }
    return new BenchmarkPack(la, neighbours.model(), neighbourCodes, rows);
  }

  private static Row row(
      PublishedPanel panel,
      PanelRow own,
      List<PanelRow> all,
      Indicator indicator,
      List<String> neighbourCodes) {
    PublishedValue value = own.value(indicator);
    Polarity polarity = indicator.polarity();
    OptionalDouble england = aggregate(all, indicator);
    OptionalDouble region =
        aggregate(
            all.stream()
                .filter(row -> row.la().regionCode().equals(own.la().regionCode()))
                .toList(),
            indicator);
    List<Double> neighbourValues = new ArrayList<>();
    for (PanelRow row : all) {
      if (neighbourCodes.contains(row.la().oldLaCode()) && row.value(indicator).isPresent()) {
        neighbourValues.add(row.value(indicator).number());
      }
    }
    List<Double> allValues = new ArrayList<>();
    all.forEach(
        row -> {
          if (row.value(indicator).isPresent()) {
            allValues.add(row.value(indicator).number());
          }
        });
    OptionalInt rank = OptionalInt.empty();
    Optional<String> band = Optional.empty();
    if (value.isPresent()) {
      int better = 0;
      for (double other : allValues) {
        if (polarity == Polarity.HIGHER_IS_BETTER
            ? other > value.number()
            : other < value.number()) {
          better++;
        }
      }
      int r = better + 1;
      rank = OptionalInt.of(r);
      int quarter = (int) Math.ceil(4.0 * r / allValues.size());
      band = Optional.of(String.valueOf((char) ('A' + Math.max(1, quarter) - 1)));
    }
    OptionalDouble change = OptionalDouble.empty();
    Optional<PanelRow> previous = panel.row(own.la().oldLaCode(), own.year() - 1);
    if (value.isPresent() && previous.isPresent() && previous.get().value(indicator).isPresent()) {
      change = OptionalDouble.of(value.number() - previous.get().value(indicator).number());
    }
    return new Row(
        indicator,
        own.year(),
        value,
        england,
        region,
        mean(neighbourValues),
        median(neighbourValues),
        neighbourValues.size(),
        rank,
        allValues.size(),
        band,
        change,
        trend(panel, own, indicator),
        comparedWithEngland(own, indicator, england),
        funnel(own, all, indicator, england));
  }

  /** Numerator and denominator counts of a rate or percentage, when both are published. */
  private static Optional<double[]> counts(PanelRow row, Indicator indicator) {
    if (indicator.numerator().isEmpty() || indicator.denominator().isEmpty()) {
      return Optional.empty();
    }
    Optional<PublishedValue> numerator = count(row, indicator.numerator().get());
    Optional<PublishedValue> denominator = count(row, indicator.denominator().get());
    if (numerator.isEmpty()
        || denominator.isEmpty()
        || !numerator.get().isPresent()
        || !denominator.get().isPresent()
        || !(denominator.get().number() > 0)) {
      return Optional.empty();
    }
    return Optional.of(new double[] {numerator.get().number(), denominator.get().number()});
  }

  private static Optional<PublishedValue> count(PanelRow row, String name) {
    return Indicator.byColumn(name)
        .map(row::value)
        .or(() -> Optional.ofNullable(row.supporting().get(name)));
  }

  private static double scale(Indicator indicator) {
    return indicator.kind() == Indicator.Kind.RATE ? 10_000 : 100;
  }

  private static OptionalDouble aggregate(List<PanelRow> rows, Indicator indicator) {
    if (indicator.kind() == Indicator.Kind.MEDIAN) {
      return OptionalDouble.empty();
    }
    double numerator = 0;
    double denominator = 0;
    int used = 0;
    for (PanelRow row : rows) {
      Optional<double[]> pair = counts(row, indicator);
      if (pair.isPresent()) {
        numerator += pair.get()[0];
        denominator += pair.get()[1];
        used++;
      }
    }
    return used == 0 || !(denominator > 0)
        ? OptionalDouble.empty()
        : OptionalDouble.of(numerator / denominator * scale(indicator));
  }

  private static TrendMarker trend(PublishedPanel panel, PanelRow own, Indicator indicator) {
    double[] numerators = new double[RecentTrend.POINTS];
    double[] denominators = new double[RecentTrend.POINTS];
    for (int i = 0; i < RecentTrend.POINTS; i++) {
      int y = own.year() - (RecentTrend.POINTS - 1) + i;
      Optional<double[]> pair =
          panel.row(own.la().oldLaCode(), y).flatMap(row -> counts(row, indicator));
      if (pair.isEmpty() || pair.get()[0] > pair.get()[1]) {
        return TrendMarker.CANNOT_BE_CALCULATED;
      }
      numerators[i] = pair.get()[0];
      denominators[i] = pair.get()[1];
    }
    return RecentTrend.of(numerators, denominators, indicator.polarity()).marker();
  }

  private static BenchmarkComparison comparedWithEngland(
      PanelRow own, Indicator indicator, OptionalDouble england) {
    Optional<double[]> pair = counts(own, indicator);
    if (pair.isEmpty() || england.isEmpty()) {
      return BenchmarkComparison.NOT_COMPARED;
    }
    double x = pair.get()[0];
    double n = pair.get()[1];
    Interval interval;
    if (indicator.kind() == Indicator.Kind.RATE) {
      interval = RateIntervals.rate(x, n, 10_000, 0.95).interval(0.95);
    } else {
      if (x > n) {
        return BenchmarkComparison.NOT_COMPARED;
      }
      Interval proportion = ProportionIntervals.wilson(x, n, 0.95);
      interval = Interval.of(proportion.lower() * 100, proportion.upper() * 100, 0.95);
    }
    return Benchmarks.compare(interval, england.getAsDouble(), indicator.polarity());
  }

  private static Optional<FunnelSignificance> funnel(
      PanelRow own, List<PanelRow> all, Indicator indicator, OptionalDouble england) {
    if (counts(own, indicator).isEmpty() || england.isEmpty()) {
      return Optional.empty();
    }
    List<double[]> pairs = new ArrayList<>();
    int ownIndex = -1;
    for (PanelRow row : all) {
      Optional<double[]> pair = counts(row, indicator);
      if (pair.isEmpty()
          || (indicator.kind() == Indicator.Kind.PERCENT && pair.get()[0] > pair.get()[1])) {
        continue;
      }
      if (row.la().oldLaCode().equals(own.la().oldLaCode())) {
        ownIndex = pairs.size();
      }
      pairs.add(pair.get());
    }
    if (ownIndex < 0) {
      return Optional.empty();
    }
    double[] numerators = pairs.stream().mapToDouble(pair -> pair[0]).toArray();
    double[] denominators = pairs.stream().mapToDouble(pair -> pair[1]).toArray();
    List<FunnelSignificance> labels;
    if (indicator.kind() == Indicator.Kind.RATE) {
      double englandRate = england.getAsDouble() / 10_000;
      double[] expected = Arrays.stream(denominators).map(n -> n * englandRate).toArray();
      labels = PheFunnels.ratioSignificance(numerators, expected);
    } else {
      labels = PheFunnels.proportionSignificance(numerators, denominators);
    }
    return Optional.of(labels.get(ownIndex));
  }

  private static OptionalDouble mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average();
  }

  /** R type 7 median: the mean of the two middle values of an even count. */
  private static OptionalDouble median(List<Double> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return OptionalDouble.of(
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
  }
}
