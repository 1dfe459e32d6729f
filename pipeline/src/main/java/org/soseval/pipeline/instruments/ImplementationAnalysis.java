package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.publish.EesFile;
import org.soseval.pipeline.publish.EesFile.Column;
import org.soseval.pipeline.stats.disclosure.Cell;
import org.soseval.pipeline.stats.disclosure.LinearDisclosureAudit;
import org.soseval.pipeline.stats.disclosure.LinearRelation;

/**
 * Implementation self-ratings (0-10) by element and wave. An LA's waves are its distinct {@code
 * wave_date}s in date order (1, 2, ...). An LA's element score is the mean over its raters; its
 * overall score ({@code Total}) the mean of its element scores; pooled rows are the mean over the
 * group's LAs (each LA counts once). Change is from wave 1: for an LA the difference of its two
 * cells, for a pooled row the mean over the LAs rated at both waves.
 *
 * <p>Disclosure ({@link #hidden}, docs/instruments.md): an LA cell from fewer than {@link
 * #MINIMUM_RATERS} raters is {@code c}, and further cells are hidden so that no published
 * combination (pooled rows, Totals, change) gives it back.
 */
public final class ImplementationAnalysis {
  static final String FILE = "implementation_ratings.csv";
  static final String TOTAL = "Total";

  /** Raters an LA cell needs to be shown: one rater's score is never published. */
  static final int MINIMUM_RATERS = 2;

  /** Row label of the pooled (group) row in {@link #hidden}'s cells. */
  static final String POOLED = "";

  private ImplementationAnalysis() {}

  /**
   * An LA's overall score (mean of element means) in one wave, for EMMIE; {@code published} when
   * its {@code Total} is shown in {@code implementation_ratings.csv} (not {@code c}).
   */
  public record LaWave(
      String la, int wave, int reportingYear, double score, int raters, boolean published) {}

  /** An LA's mean score over its raters of one element (or its Total), and the raters. */
  record Score(double mean, int raters) {}

  public static List<LaWave> run(InstrumentSet set, LaGroups groups, Path publish) {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.IMPLEMENTATION_RATING);
    Map<String, TreeMap<String, Map<String, List<Double>>>> byLa = new TreeMap<>();
    for (InstrumentRow row : set.rows(InstrumentSchema.IMPLEMENTATION_RATING)) {
      byLa.computeIfAbsent(row.la(), key -> new TreeMap<>())
          .computeIfAbsent(row.text("wave_date"), key -> new TreeMap<>())
          .computeIfAbsent(row.text("element"), key -> new ArrayList<>())
          .add(row.number("score"));
    }
    if (byLa.isEmpty()) {
      return new ArrayList<>();
    }
    // la -> wave -> element -> score (elements only); year per la-wave
    Map<String, Map<Integer, Map<String, Score>>> scores = new TreeMap<>();
    Map<String, Map<Integer, Integer>> years = new TreeMap<>();
    byLa.forEach(
        (la, byDate) -> {
          int wave = 0;
          for (Map.Entry<String, Map<String, List<Double>>> date : byDate.entrySet()) {
            wave++;
            Map<String, Score> elements = new TreeMap<>();
            date.getValue()
                .forEach(
                    (element, values) ->
                        elements.put(
                            element,
                            new Score(
                                values.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .average()
                                    .orElseThrow(),
                                values.size())));
            scores.computeIfAbsent(la, key -> new TreeMap<>()).put(wave, elements);
            years
                .computeIfAbsent(la, key -> new TreeMap<>())
                .put(wave, ReportingYears.of(LocalDate.parse(date.getKey())));
          }
        });
    List<String> elements = new ArrayList<>();
    elements.add(TOTAL);
    schema.items().forEach(item -> elements.add(item.id()));
    TreeSet<Integer> waves = new TreeSet<>();
    scores.values().forEach(m -> waves.addAll(m.keySet()));
    List<List<String>> rows = new ArrayList<>();
    Set<String> hiddenTotals = new HashSet<>(); // "la|wave"
    for (String group : LaGroups.order()) {
      List<String> las =
          scores.keySet().stream().filter(la -> groups.of(la).equals(group)).toList();
      // wave -> la -> element (and Total) -> score; wave -> hidden cells
      Map<Integer, Map<String, Map<String, Score>>> blocks = new TreeMap<>();
      Map<Integer, Set<Cell>> hidden = new TreeMap<>();
      for (int wave : waves) {
        Map<String, Map<String, Score>> block = new LinkedHashMap<>();
        las.stream()
            .filter(la -> scores.get(la).containsKey(wave))
            .forEach(la -> block.put(la, withTotal(scores.get(la).get(wave))));
        if (!block.isEmpty()) {
          blocks.put(wave, block);
          hidden.put(wave, hidden(block));
          block.keySet().stream()
              .filter(la -> hidden.get(wave).contains(Cell.of(la, TOTAL)))
              .forEach(la -> hiddenTotals.add(la + "|" + wave));
        }
      }
      int first = waves.first();
      for (Map.Entry<Integer, Map<String, Map<String, Score>>> entry : blocks.entrySet()) {
        int wave = entry.getKey();
        Map<String, Map<String, Score>> block = entry.getValue();
        Set<Cell> shut = hidden.get(wave);
        Map<String, Map<String, Score>> base = blocks.getOrDefault(first, Map.of());
        Set<Cell> baseShut = hidden.getOrDefault(first, Set.of());
        int year =
            block.keySet().stream().mapToInt(la -> years.get(la).get(wave)).max().orElseThrow();
        for (String element : elements) {
          List<String> rated =
              block.keySet().stream().filter(la -> block.get(la).containsKey(element)).toList();
          if (rated.isEmpty()) {
            continue;
          }
          double pooled =
              rated.stream()
                  .mapToDouble(la -> block.get(la).get(element).mean())
                  .average()
                  .orElseThrow();
          List<String> cells = EesRows.identifiers(year, Optional.empty());
          cells.addAll(List.of(Integer.toString(wave), group, element));
          cells.add(Integer.toString(rated.size()));
          cells.add(shut.contains(Cell.of(POOLED, element)) ? "c" : EesRows.number(pooled, 1));
          cells.add(
              wave == first ? "z" : pooledChange(element, block, shut, base, baseShut).orElse("c"));
          rows.add(cells);
          for (String la : rated) {
            Score value = block.get(la).get(element);
            Score before = base.containsKey(la) ? base.get(la).get(element) : null;
            boolean shown = !shut.contains(Cell.of(la, element));
            List<String> laCells = EesRows.identifiers(years.get(la).get(wave), Optional.of(la));
            laCells.addAll(List.of(Integer.toString(wave), group, element));
            laCells.add(Integer.toString(value.raters()));
            laCells.add(shown ? EesRows.number(value.mean(), 1) : "c");
            laCells.add(
                wave == first || before == null
                    ? "z"
                    : shown && !baseShut.contains(Cell.of(la, element))
                        ? EesRows.number(value.mean() - before.mean(), 1)
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
    List<LaWave> results = new ArrayList<>();
    scores.forEach(
        (la, byWave) ->
            byWave.forEach(
                (wave, elementScores) -> {
                  Score total = withTotal(elementScores).get(TOTAL);
                  results.add(
                      new LaWave(
                          la,
                          wave,
                          years.get(la).get(wave),
                          total.mean(),
                          total.raters(),
                          !hiddenTotals.contains(la + "|" + wave)));
                }));
    return results;
  }

  /** The element scores with the LA's Total: the mean of the element means, the most raters. */
  private static Map<String, Score> withTotal(Map<String, Score> elementScores) {
    Map<String, Score> all = new TreeMap<>(elementScores);
    all.put(
        TOTAL,
        new Score(
            elementScores.values().stream().mapToDouble(Score::mean).average().orElseThrow(),
            elementScores.values().stream().mapToInt(Score::raters).max().orElseThrow()));
    return all;
  }

  /**
   * A pooled row's change since the first wave: the mean over the LAs rated at both waves of their
   * scores now minus their scores then. Shown only when it follows from published cells: both
   * pooled cells are shown and every LA cell in only one of the two pooled rows is shown (so the
   * two means over the common LAs are the pooled rows less published cells); otherwise empty.
   */
  private static Optional<String> pooledChange(
      String element,
      Map<String, Map<String, Score>> now,
      Set<Cell> nowHidden,
      Map<String, Map<String, Score>> first,
      Set<Cell> firstHidden) {
    Set<String> nowLas = ratedLas(now, element);
    Set<String> firstLas = ratedLas(first, element);
    List<String> both = nowLas.stream().filter(firstLas::contains).toList();
    if (both.isEmpty()) {
      return Optional.of("z");
    }
    boolean shown =
        !nowHidden.contains(Cell.of(POOLED, element))
            && !firstHidden.contains(Cell.of(POOLED, element))
            && nowLas.stream()
                .filter(la -> !firstLas.contains(la))
                .noneMatch(la -> nowHidden.contains(Cell.of(la, element)))
            && firstLas.stream()
                .filter(la -> !nowLas.contains(la))
                .noneMatch(la -> firstHidden.contains(Cell.of(la, element)));
    if (!shown) {
      return Optional.empty();
    }
    double change =
        both.stream()
            .mapToDouble(la -> now.get(la).get(element).mean() - first.get(la).get(element).mean())
            .average()
            .orElseThrow();
    return Optional.of(EesRows.number(change, 1));
  }

  private static Set<String> ratedLas(Map<String, Map<String, Score>> block, String element) {
    Set<String> las = new TreeSet<>();
    block.forEach(
        (la, elementScores) -> {
          if (elementScores.containsKey(element)) {
            las.add(la);
          }
        });
    return las;
  }

  /**
   * The cells of one group's table at one wave that are {@code c}; rows are LAs and {@link
   * #POOLED}, columns elements and {@link #TOTAL}. {@code block}: LA -> element (and Total) ->
   * score.
   *
   * <ol>
   *   <li>Primary: an LA cell from fewer than {@link #MINIMUM_RATERS} raters.
   *   <li>An LA's Total is hidden when any of its elements is (a mean with a suppressed part,
   *       methods.md 7.2 rule 3), as its Total times its number of elements less the published
   *       elements would give the hidden one back.
   *   <li>A pooled cell times its number of LAs less the published LAs gives a lone hidden LA back
   *       (methods.md 7.2 rule 2), so in each element column with one hidden LA the LA with the
   *       fewest raters (then by code) among the shown ones is hidden too; with no other LA the
   *       pooled cell is hidden. In the Total column a lone hidden LA hides the pooled Total.
   *       Repeated until nothing changes.
   *   <li>Check: {@link LinearDisclosureAudit} solves the relations (LA Total = mean of its
   *       elements, pooled cell = mean of its LAs) for every combination of each LA's primary
   *       cells. LAs with different numbers of elements weight the relations unequally and can
   *       still give one back; then the pooled Total is hidden as well; failing that every LA cell,
   *       and failing that every cell of the table.
   * </ol>
   */
  static Set<Cell> hidden(Map<String, Map<String, Score>> block) {
    Set<Cell> hidden = new HashSet<>();
    Map<String, Set<Cell>> primary = new LinkedHashMap<>();
    block.forEach(
        (la, elementScores) ->
            elementScores.forEach(
                (element, score) -> {
                  if (score.raters() < MINIMUM_RATERS) {
                    primary.computeIfAbsent(la, key -> new HashSet<>()).add(Cell.of(la, element));
                  }
                }));
    primary.values().forEach(hidden::addAll);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String la : block.keySet()) {
        boolean anyElement =
            block.get(la).keySet().stream()
                .anyMatch(
                    element -> !element.equals(TOTAL) && hidden.contains(Cell.of(la, element)));
        changed |= anyElement && hidden.add(Cell.of(la, TOTAL));
      }
      // element columns before the Total column, and the Totals again after each step: a lone
      // hidden Total is usually joined by the Total of the LA hidden beside it in an element
      List<String> columns = new ArrayList<>(columns(block));
      columns.remove(TOTAL);
      columns.add(TOTAL);
      for (String element : columns) {
        if (changed) {
          break;
        }
        List<String> rated = new ArrayList<>(ratedLas(block, element));
        long hiddenLas = rated.stream().filter(la -> hidden.contains(Cell.of(la, element))).count();
        if (hiddenLas != 1 || hidden.contains(Cell.of(POOLED, element))) {
          continue;
        }
        Optional<String> next =
            element.equals(TOTAL)
                ? Optional.empty()
                : rated.stream()
                    .filter(la -> !hidden.contains(Cell.of(la, element)))
                    .min(
                        Comparator.comparingInt((String la) -> block.get(la).get(element).raters())
                            .thenComparing(la -> la));
        hidden.add(next.map(la -> Cell.of(la, element)).orElse(Cell.of(POOLED, element)));
        changed = true;
      }
    }
    if (!leaks(block, primary, hidden)) {
      return hidden;
    }
    hidden.add(Cell.of(POOLED, TOTAL));
    if (!leaks(block, primary, hidden)) {
      return hidden;
    }
    block.forEach(
        (la, elementScores) -> elementScores.keySet().forEach(e -> hidden.add(Cell.of(la, e))));
    if (!leaks(block, primary, hidden)) {
      return hidden;
    }
    columns(block).forEach(element -> hidden.add(Cell.of(POOLED, element)));
    return hidden;
  }

  /** Elements rated by any LA of the block, and Total. */
  private static Set<String> columns(Map<String, Map<String, Score>> block) {
    Set<String> columns = new TreeSet<>();
    block.values().forEach(elementScores -> columns.addAll(elementScores.keySet()));
    return columns;
  }

  /**
   * Whether the published cells determine some combination of one LA's primary cells: the relations
   * are each LA's Total times its elements = the sum of its elements, and each pooled cell times
   * its LAs = the sum of its LAs' cells.
   */
  private static boolean leaks(
      Map<String, Map<String, Score>> block, Map<String, Set<Cell>> primary, Set<Cell> hidden) {
    Map<Cell, Integer> number = new HashMap<>();
    block.forEach(
        (la, elementScores) ->
            elementScores.keySet().forEach(e -> number.put(Cell.of(la, e), number.size())));
    columns(block).forEach(element -> number.put(Cell.of(POOLED, element), number.size()));
    List<LinearRelation> relations = new ArrayList<>();
    block.forEach(
        (la, elementScores) ->
            relations.add(
                LinearRelation.mean(
                    number.get(Cell.of(la, TOTAL)),
                    elementScores.keySet().stream()
                        .filter(e -> !e.equals(TOTAL))
                        .mapToInt(e -> number.get(Cell.of(la, e)))
                        .toArray())));
    for (String element : columns(block)) {
      relations.add(
          LinearRelation.mean(
              number.get(Cell.of(POOLED, element)),
              ratedLas(block, element).stream()
                  .mapToInt(la -> number.get(Cell.of(la, element)))
                  .toArray()));
    }
    boolean[] suppressed = new boolean[number.size()];
    hidden.forEach(cell -> suppressed[number.get(cell)] = true);
    return primary.values().stream()
        .anyMatch(
            cells ->
                LinearDisclosureAudit.revealsCombination(
                    relations,
                    suppressed,
                    cells.stream().map(number::get).collect(java.util.stream.Collectors.toSet())));
  }
}
