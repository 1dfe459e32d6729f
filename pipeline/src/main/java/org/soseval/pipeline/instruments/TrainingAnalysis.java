package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.instruments.InstrumentSchema.Item;
import org.soseval.pipeline.publish.EesFile;
import org.soseval.pipeline.publish.EesFile.Column;
import org.soseval.pipeline.stats.disclosure.Cell;
import org.soseval.pipeline.stats.disclosure.CountTable;
import org.soseval.pipeline.stats.disclosure.Dimension;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;
import org.soseval.pipeline.stats.disclosure.ProtectedTable;

/**
 * Training reach: for each LA and course, the latest record's {@code staff_trained /
 * staff_in_scope} (records are cumulative) with a Wilson 95% interval; pooled per group as the sum
 * of trained over the sum in scope.
 */
public final class TrainingAnalysis {
  static final String FILE = "training_reach.csv";
  private static final String TOTAL = "Total";

  private TrainingAnalysis() {}

  /** An LA's latest reach for one course. */
  public record Reach(
      String la, String course, boolean core, int reportingYear, long trained, long inScope) {
    public double percent() {
      return 100.0 * trained / inScope;
    }
  }

  public static List<Reach> run(
      InstrumentSet set, LaGroups groups, DisclosureProfile profile, Path publish) {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.TRAINING);
    Map<String, Map<String, InstrumentRow>> latest = new TreeMap<>();
    for (InstrumentRow row : set.rows(InstrumentSchema.TRAINING)) {
      Map<String, InstrumentRow> courses = latest.computeIfAbsent(row.la(), key -> new TreeMap<>());
      InstrumentRow current = courses.get(row.text("course"));
      if (current == null || current.date("date").isBefore(row.date("date"))) {
        courses.put(row.text("course"), row);
      }
    }
    List<Reach> reach = new ArrayList<>();
    latest.forEach(
        (la, courses) ->
            courses.forEach(
                (course, row) ->
                    reach.add(
                        new Reach(
                            la,
                            course,
                            schema.item(course).map(Item::core).orElse(false),
                            ReportingYears.of(row.date("date")),
                            row.integer("staff_trained"),
                            row.integer("staff_in_scope")))));
    if (reach.isEmpty()) {
      return reach;
    }
    List<List<String>> rows = new ArrayList<>();
    for (String group : LaGroups.order()) {
      for (Item item : schema.items()) {
        List<Reach> present =
            reach.stream()
                .filter(r -> r.course().equals(item.id()) && groups.of(r.la()).equals(group))
                .toList();
        if (present.isEmpty()) {
          continue;
        }
        Dimension.Builder dimension = Dimension.builder("la").add(TOTAL);
        present.forEach(r -> dimension.add(r.la(), TOTAL));
        CountTable.Builder counts =
            CountTable.builder(
                dimension.build(),
                Dimension.builder("staff")
                    .add("in_scope")
                    .add("trained", "in_scope")
                    .add("not_trained", "in_scope")
                    .build());
        present.forEach(
            r ->
                counts
                    .count(r.la(), "trained", r.trained())
                    .count(r.la(), "not_trained", r.inScope() - r.trained()));
        ProtectedTable table = ProtectedTable.protect(counts.build(), profile);
        long trained = present.stream().mapToLong(Reach::trained).sum();
        long inScope = present.stream().mapToLong(Reach::inScope).sum();
        int year = present.stream().mapToInt(Reach::reportingYear).max().orElseThrow();
        rows.add(row(table, TOTAL, Optional.empty(), year, group, item, trained, inScope));
        for (Reach r : present) {
          rows.add(
              row(
                  table,
                  r.la(),
                  Optional.of(r.la()),
                  r.reportingYear(),
                  group,
                  item,
                  r.trained(),
                  r.inScope()));
        }
      }
    }
    EesFile.write(
        publish.resolve(FILE),
        EesRows.columns(
            List.of(
                EesRows.GROUP,
                Column.filter("course", "Course"),
                Column.indicator("staff_in_scope", "Staff in scope", "Counts", "", 0),
                Column.indicator("staff_trained", "Staff trained", "Counts", "", 0)),
            Share.columns("reach_percent", "Percent of staff in scope trained", "Reach")),
        rows);
    return reach;
  }

  private static List<String> row(
      ProtectedTable table,
      String label,
      Optional<String> la,
      int year,
      String group,
      Item item,
      long trained,
      long inScope) {
    List<String> cells = EesRows.identifiers(year, la);
    cells.addAll(List.of(group, item.id()));
    cells.add(table.published(label, "in_scope").text());
    cells.add(table.published(label, "trained").text());
    cells.addAll(
        new Share(
                table.percent(Cell.of(label, "trained"), Cell.of(label, "in_scope")),
                trained,
                inScope)
            .cells());
    return cells;
  }
}
