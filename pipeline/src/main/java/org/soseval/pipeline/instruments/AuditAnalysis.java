package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.soseval.pipeline.calendar.ReportingYears;
import org.soseval.pipeline.instruments.InstrumentSchema.Item;
import org.soseval.pipeline.publish.EesFile;
import org.soseval.pipeline.publish.EesFile.Column;
import org.soseval.pipeline.stats.Interval;
import org.soseval.pipeline.stats.disclosure.Cell;
import org.soseval.pipeline.stats.disclosure.CountTable;
import org.soseval.pipeline.stats.disclosure.DerivedValues;
import org.soseval.pipeline.stats.disclosure.Dimension;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;
import org.soseval.pipeline.stats.disclosure.ProtectedTable;
import org.soseval.pipeline.stats.disclosure.PublishedValue;

/**
 * Case audits: the share of audited cases meeting each criterion (Wilson 95% interval; n/a excluded
 * from the base) by LA, round and comparison group, with change from the first round (Newcombe);
 * and a composite mapping-quality score per audit, the mean over the applicable mapping criteria of
 * met = 100, partly = 50, not met = 0, summarised per LA and round as a mean with a t interval and
 * the change from the first round (Welch interval).
 */
public final class AuditAnalysis {
  static final String CRITERIA_FILE = "audit_criteria.csv";
  static final String COMPOSITE_FILE = "audit_composite.csv";
  static final String MAPPING = "mapping";
  private static final double LEVEL = 0.95;
  private static final String TOTAL = "Total";

  private AuditAnalysis() {}

  /** One audit of one case: its round, reporting year and rating per criterion. */
  record Audit(String la, String id, int round, int reportingYear, Map<String, String> ratings) {
    /** The composite mapping-quality score (0-100), NaN when no mapping criterion applies. */
    double mappingScore(InstrumentSchema schema) {
      double sum = 0;
      int n = 0;
      for (Map.Entry<String, String> rating : ratings.entrySet()) {
        Item item = schema.item(rating.getKey()).orElseThrow();
        if (!MAPPING.equals(item.group()) || rating.getValue().equals("n/a")) {
          continue;
        }
        sum +=
            switch (rating.getValue()) {
              case "met" -> 100;
              case "partly" -> 50;
              default -> 0;
            };
        n++;
      }
      return n == 0 ? Double.NaN : sum / n;
    }
  }

  /**
   * An LA's audit results in one round, for EMMIE; {@code scored} audits have a mapping score (the
   * cases behind {@code meanMappingScore}, which {@code audit_composite.csv} publishes only from
   * the profile's minimum of 10).
   */
  public record LaRound(
      String la, int round, int audits, double meanMappingScore, double percentMet, int scored) {}

  public static List<LaRound> run(
      InstrumentSet set, LaGroups groups, DisclosureProfile profile, Path publish) {
    InstrumentSchema schema = InstrumentSchema.of(InstrumentSchema.CASE_AUDIT);
    Map<String, Map<Integer, List<Audit>>> audits = audits(set.rows(InstrumentSchema.CASE_AUDIT));
    List<LaRound> results = new ArrayList<>();
    if (audits.isEmpty()) {
      return results;
    }
    Set<Integer> rounds = new TreeSet<>();
    audits.values().forEach(byRound -> rounds.addAll(byRound.keySet()));
    int firstRound = rounds.iterator().next();
    List<List<String>> criteria = new ArrayList<>();
    List<List<String>> composite = new ArrayList<>();
    for (String group : LaGroups.order()) {
      List<String> las =
          audits.keySet().stream().filter(la -> groups.of(la).equals(group)).toList();
      for (int round : rounds) {
        List<String> present =
            las.stream().filter(la -> audits.get(la).containsKey(round)).toList();
        if (present.isEmpty()) {
          continue;
        }
        for (Item item : schema.items()) {
          Criterion now = criterion(item.id(), audits, present, round, profile);
          if (now.total()[0] == 0 && now.total()[3] == 0) {
            continue; // criterion not used in this round (another tool version)
          }
          List<String> earlierLas =
              las.stream().filter(la -> audits.get(la).containsKey(firstRound)).toList();
          Optional<Criterion> before =
              round == firstRound || earlierLas.isEmpty()
                  ? Optional.empty()
                  : Optional.of(criterion(item.id(), audits, earlierLas, firstRound, profile));
          criteria.add(criterionRow(item, round, group, Optional.empty(), TOTAL, now, before));
          for (String la : present) {
            Optional<Criterion> laBefore =
                before.filter(c -> c.table().table().rows().labels().contains(la));
            criteria.add(criterionRow(item, round, group, Optional.of(la), la, now, laBefore));
          }
        }
        composite.add(
            compositeRow(
                schema, audits, present, las, round, firstRound, group, Optional.empty(), profile));
        for (String la : present) {
          composite.add(
              compositeRow(
                  schema,
                  audits,
                  List.of(la),
                  List.of(la),
                  round,
                  firstRound,
                  group,
                  Optional.of(la),
                  profile));
          List<Audit> laAudits = audits.get(la).get(round);
          double[] scores = scores(schema, laAudits);
          long met = 0;
          long applicable = 0;
          for (Audit audit : laAudits) {
            for (String rating : audit.ratings().values()) {
              met += rating.equals("met") ? 1 : 0;
              applicable += rating.equals("n/a") ? 0 : 1;
            }
          }
          results.add(
              new LaRound(
                  la,
                  round,
                  laAudits.size(),
                  SmallSampleIntervals.mean(scores),
                  applicable == 0 ? Double.NaN : 100.0 * met / applicable,
                  scores.length));
        }
      }
    }
    EesFile.write(publish.resolve(CRITERIA_FILE), CRITERIA_COLUMNS, criteria);
    EesFile.write(publish.resolve(COMPOSITE_FILE), COMPOSITE_COLUMNS, composite);
    return results;
  }

  private static final List<Column> CRITERIA_COLUMNS =
      EesRows.columns(
          List.of(
              Column.filter("audit_round", "Audit round"),
              EesRows.GROUP,
              Column.filter("criterion_group", "Mapping or safety plan"),
              Column.filter("criterion", "Audit criterion"),
              Column.indicator("cases_rated", "Cases where the criterion applies", "Counts", "", 0),
              Column.indicator("met", "Cases meeting the criterion", "Counts", "", 0),
              Column.indicator("partly", "Cases partly meeting the criterion", "Counts", "", 0)),
          Share.columns("percent_met", "Percent of cases meeting the criterion", "Met"),
          Share.changeColumns("round"));

  private static final List<Column> COMPOSITE_COLUMNS =
      List.of(
          Column.filter("audit_round", "Audit round"),
          EesRows.GROUP,
          Column.indicator("audits", "Audits with a mapping score", "Counts", "", 0),
          Column.indicator("mapping_score", "Mean mapping-quality score (0-100)", "Score", "", 1),
          Column.indicator("lower_ci", "Lower 95% limit (t)", "Score", "", 1),
          Column.indicator("upper_ci", "Upper 95% limit (t)", "Score", "", 1),
          Column.indicator("change", "Change since the first round", "Change", "", 1),
          Column.indicator("change_lower_ci", "Lower 95% limit of change (Welch)", "Change", "", 1),
          Column.indicator(
              "change_upper_ci", "Upper 95% limit of change (Welch)", "Change", "", 1));

  static Map<String, Map<Integer, List<Audit>>> audits(List<InstrumentRow> rows) {
    Map<String, Map<String, Audit>> byId = new TreeMap<>();
    for (InstrumentRow row : rows) {
      Map<String, Audit> las = byId.computeIfAbsent(row.la(), key -> new TreeMap<>());
      int round = row.optionalInteger("audit_round").orElse(1);
      int year = ReportingYears.of(row.date("audit_date"));
      Audit audit =
          las.computeIfAbsent(
              row.text("audit_id"), id -> new Audit(row.la(), id, round, year, new TreeMap<>()));
      audit.ratings().put(row.text("criterion_id"), row.text("rating"));
    }
    Map<String, Map<Integer, List<Audit>>> audits = new TreeMap<>();
    byId.forEach(
        (la, map) ->
            map.values()
                .forEach(
                    audit ->
                        audits
                            .computeIfAbsent(la, key -> new TreeMap<>())
                            .computeIfAbsent(audit.round(), key -> new ArrayList<>())
                            .add(audit)));
    return audits;
  }

  /** Counts of one criterion: [met, partly, not met, n/a] per LA, protected. */
  private record Criterion(ProtectedTable table, Map<String, long[]> counts, int reportingYear) {
    long[] total() {
      long[] total = new long[4];
      counts
          .values()
          .forEach(
              c -> {
                for (int i = 0; i < 4; i++) {
                  total[i] += c[i];
                }
              });
      return total;
    }

    long[] of(String row) {
      return row.equals(TOTAL) ? total() : counts.get(row);
    }
  }

  private static Criterion criterion(
      String criterion,
      Map<String, Map<Integer, List<Audit>>> audits,
      List<String> las,
      int round,
      DisclosureProfile profile) {
    Dimension.Builder rows = Dimension.builder("la").add(TOTAL);
    las.forEach(la -> rows.add(la, TOTAL));
    Dimension columns =
        Dimension.builder("rating")
            .add("applicable")
            .add("met", "applicable")
            .add("partly", "applicable")
            .add("not_met", "applicable")
            .build();
    CountTable.Builder table = CountTable.builder(rows.build(), columns);
    Map<String, long[]> counts = new TreeMap<>();
    int year = 0;
    for (String la : las) {
      long[] c = new long[4];
      for (Audit audit : audits.get(la).get(round)) {
        year = Math.max(year, audit.reportingYear());
        String rating = audit.ratings().get(criterion);
        if (rating != null) {
          c[
              switch (rating) {
                case "met" -> 0;
                case "partly" -> 1;
                case "not_met" -> 2;
                default -> 3;
              }]++;
        }
      }
      counts.put(la, c);
      table.count(la, "met", c[0]).count(la, "partly", c[1]).count(la, "not_met", c[2]);
    }
    return new Criterion(ProtectedTable.protect(table.build(), profile), counts, year);
  }

  private static List<String> criterionRow(
      Item item,
      int round,
      String group,
      Optional<String> la,
      String row,
      Criterion now,
      Optional<Criterion> before) {
    List<String> cells = EesRows.identifiers(now.reportingYear(), la);
    cells.addAll(List.of(Integer.toString(round), group, item.group(), item.id()));
    ProtectedTable table = now.table();
    cells.add(table.published(row, "applicable").text());
    cells.add(table.published(row, "met").text());
    cells.add(table.published(row, "partly").text());
    long[] c = now.of(row);
    Share share =
        new Share(
            table.percent(Cell.of(row, "met"), Cell.of(row, "applicable")),
            c[0],
            c[0] + c[1] + c[2]);
    cells.addAll(share.cells());
    cells.addAll(
        share.changeSince(
            before.map(
                earlier -> {
                  long[] b = earlier.of(row);
                  return new Share(
                      earlier.table().percent(Cell.of(row, "met"), Cell.of(row, "applicable")),
                      b[0],
                      b[0] + b[1] + b[2]);
                })));
    return cells;
  }

  /**
   * The audits' mapping scores in ascending order: sums over them then do not depend on the order
   * of the audits (by pseudonymised id, so by the key), and the same audits give the same digits.
   */
  static double[] scores(InstrumentSchema schema, List<Audit> audits) {
    return audits.stream()
        .mapToDouble(audit -> audit.mappingScore(schema))
        .filter(Double::isFinite)
        .sorted()
        .toArray();
  }

  private static List<String> compositeRow(
      InstrumentSchema schema,
      Map<String, Map<Integer, List<Audit>>> audits,
      List<String> las,
      List<String> firstLas,
      int round,
      int firstRound,
      String group,
      Optional<String> la,
      DisclosureProfile profile) {
    List<Audit> now = new ArrayList<>();
    las.forEach(code -> now.addAll(audits.get(code).get(round)));
    double[] scores = scores(schema, now);
    int year = now.stream().mapToInt(Audit::reportingYear).max().orElseThrow();
    List<String> cells = EesRows.identifiers(year, la);
    cells.addAll(List.of(Integer.toString(round), group));
    cells.add(profile.isPrimary(scores.length) ? "c" : Integer.toString(scores.length));
    PublishedValue mean =
        DerivedValues.average(SmallSampleIntervals.mean(scores), scores.length, profile);
    cells.add(mean.text());
    Interval interval = SmallSampleIntervals.mean(scores, LEVEL);
    cells.add(EesRows.gated(mean, interval.lower(), 1));
    cells.add(EesRows.gated(mean, interval.upper(), 1));
    List<Audit> first = new ArrayList<>();
    firstLas.stream()
        .filter(code -> audits.get(code).containsKey(firstRound))
        .forEach(code -> first.addAll(audits.get(code).get(firstRound)));
    if (round == firstRound || first.isEmpty()) {
      cells.addAll(List.of("z", "z", "z"));
      return cells;
    }
    double[] before = scores(schema, first);
    PublishedValue earlier =
        DerivedValues.average(SmallSampleIntervals.mean(before), before.length, profile);
    PublishedValue gate = earlier.number().isEmpty() ? earlier : mean;
    Interval change = SmallSampleIntervals.welch(before, scores, LEVEL);
    cells.add(
        EesRows.gated(
            gate, SmallSampleIntervals.mean(scores) - SmallSampleIntervals.mean(before), 1));
    cells.add(EesRows.gated(gate, change.lower(), 1));
    cells.add(EesRows.gated(gate, change.upper(), 1));
    return cells;
  }
}
