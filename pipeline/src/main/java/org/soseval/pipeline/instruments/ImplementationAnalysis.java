package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.publish.EesFile;
import org.soseval.pipeline.publish.EesFile.Column;

/**
 * Implementation self-ratings (0-10) by element and wave. An LA's waves are its distinct {@code
 * wave_date}s in date order (1, 2, ...). An LA's element score is the mean over its raters; its
 * overall score ({@code Total}) the mean of its element scores; pooled rows are the mean over the
 * group's LAs (each LA counts once). Change is from the LA's (or group's) first wave.
 *
 * <p>Disclosure: the ratings are organisational self-assessments, not counts of people, so no count
 * threshold applies; an LA element score from a single rater is shown as {@code c} so that no
 * individual's rating is published.
 */
public final class ImplementationAnalysis {
  static final String FILE = "implementation_ratings.csv";
  static final String TOTAL = "Total";
  static final int MINIMUM_RATERS = 2;

  private ImplementationAnalysis() {}

  /** An LA's overall score (mean of element means) in one wave, for EMMIE. */
  public record LaWave(String la, int wave, int reportingYear, double score, int raters) {}

  private record Cell(double sum, int raters) {}

  public static List<LaWave> run(InstrumentSet set, LaGroups groups, Path publish) {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.IMPLEMENTATION_RATING);
    Map<String, TreeMap<String, Map<String, List<Double>>>> byLa = new TreeMap<>();
    for (InstrumentRow row : set.rows(InstrumentSchema.IMPLEMENTATION_RATING)) {
      byLa.computeIfAbsent(row.la(), key -> new TreeMap<>())
          .computeIfAbsent(row.text("wave_date"), key -> new TreeMap<>())
          .computeIfAbsent(row.text("element"), key -> new ArrayList<>())
          .add(row.number("score"));
    }
    List<LaWave> results = new ArrayList<>();
    if (byLa.isEmpty()) {
      return results;
    }
    // la -> wave -> element (and Total) -> [mean, raters]; year per la-wave
    Map<String, Map<Integer, Map<String, double[]>>> means = new TreeMap<>();
    Map<String, Map<Integer, Integer>> years = new TreeMap<>();
    byLa.forEach(
        (la, byDate) -> {
          int wave = 0;
          for (Map.Entry<String, Map<String, List<Double>>> date : byDate.entrySet()) {
            wave++;
            Map<String, double[]> elements = new TreeMap<>();
            double total = 0;
            int raters = 0;
            for (Map.Entry<String, List<Double>> element : date.getValue().entrySet()) {
              double mean =
                  element.getValue().stream()
                      .mapToDouble(Double::doubleValue)
                      .average()
                      .orElseThrow();
              elements.put(element.getKey(), new double[] {mean, element.getValue().size()});
              total += mean;
              raters = Math.max(raters, element.getValue().size());
            }
            double overall = total / date.getValue().size();
            elements.put(TOTAL, new double[] {overall, raters});
            means.computeIfAbsent(la, key -> new TreeMap<>()).put(wave, elements);
            int year = ReportingYears.of(java.time.LocalDate.parse(date.getKey()));
            years.computeIfAbsent(la, key -> new TreeMap<>()).put(wave, year);
            results.add(new LaWave(la, wave, year, overall, raters));
          }
        });
    List<String> elements = new ArrayList<>();
    elements.add(TOTAL);
    schema.items().forEach(item -> elements.add(item.id()));
    TreeSet<Integer> waves = new TreeSet<>();
    means.values().forEach(m -> waves.addAll(m.keySet()));
    List<List<String>> rows = new ArrayList<>();
    for (String group : LaGroups.order()) {
      List<String> las = means.keySet().stream().filter(la -> groups.of(la).equals(group)).toList();
      for (int wave : waves) {
        List<String> present = las.stream().filter(la -> means.get(la).containsKey(wave)).toList();
        if (present.isEmpty()) {
          continue;
        }
        int year = present.stream().mapToInt(la -> years.get(la).get(wave)).max().orElseThrow();
        for (String element : elements) {
          double[] now = pooled(means, present, wave, element);
          double[] first = pooled(means, present, waves.first(), element);
          if (now[1] == 0) {
            continue;
          }
          List<String> cells = EesRows.identifiers(year, Optional.empty());
          cells.addAll(List.of(Integer.toString(wave), group, element));
          cells.add(Integer.toString((int) now[1]));
          cells.add(EesRows.number(now[0], 1));
          cells.add(
              wave == waves.first() || first[1] == 0 ? "z" : EesRows.number(now[0] - first[0], 1));
          rows.add(cells);
          for (String la : present) {
            double[] value = means.get(la).get(wave).get(element);
            if (value == null) {
              continue;
            }
            double[] before =
                means.get(la).containsKey(1) ? means.get(la).get(1).get(element) : null;
            List<String> laCells = EesRows.identifiers(years.get(la).get(wave), Optional.of(la));
            laCells.addAll(List.of(Integer.toString(wave), group, element));
            boolean shown = value[1] >= MINIMUM_RATERS;
            laCells.add(Integer.toString((int) value[1]));
            laCells.add(shown ? EesRows.number(value[0], 1) : "c");
            laCells.add(
                wave == 1 || before == null
                    ? "z"
                    : shown && before[1] >= MINIMUM_RATERS
                        ? EesRows.number(value[0] - before[0], 1)
                        : "c");
            rows.add(laCells);
          }
        }
      }
    }
    EesFile.write(
        publish.resolve(FILE),
        List.of(
            Column.filter("wave", "Rating wave"),
            EesRows.GROUP,
            Column.filter("element", "Implementation element (Total = mean of elements)"),
            Column.indicator("raters", "Raters (LA rows) or LAs (national rows)", "Counts", "", 0),
            Column.indicator("score", "Mean score (0-10)", "Score", "", 1),
            Column.indicator("change", "Change since the first wave", "Change", "", 1)),
        rows);
    return results;
  }

  /** Mean over LAs of the element's LA means: [mean, number of LAs]. */
  private static double[] pooled(
      Map<String, Map<Integer, Map<String, double[]>>> means,
      List<String> las,
      int wave,
      String element) {
    double sum = 0;
    int n = 0;
    for (String la : las) {
      Map<String, double[]> elements = means.get(la).get(wave);
      if (elements != null && elements.containsKey(element)) {
        sum += elements.get(element)[0];
        n++;
      }
    }
    return new double[] {n == 0 ? Double.NaN : sum / n, n};
  }
}
