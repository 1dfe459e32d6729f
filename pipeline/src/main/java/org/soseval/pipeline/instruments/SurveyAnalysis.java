package org.soseval.pipeline.instruments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
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
import org.soseval.pipeline.stats.disclosure.Cell;
import org.soseval.pipeline.stats.disclosure.CountTable;
import org.soseval.pipeline.stats.disclosure.DerivedValues;
import org.soseval.pipeline.stats.disclosure.Dimension;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;
import org.soseval.pipeline.stats.disclosure.DisplayRounding;
import org.soseval.pipeline.stats.disclosure.LinearDisclosureAudit;
import org.soseval.pipeline.stats.disclosure.ProtectedTable;
import org.soseval.pipeline.stats.disclosure.PublishedValue;
import org.soseval.pipeline.stats.survey.CronbachAlpha;
import org.soseval.pipeline.stats.survey.LikertCounts;
import org.soseval.pipeline.stats.survey.LikertResponse;

/**
 * Family and practitioner surveys (methods.md section 6): percent agreeing per item with Wilson 95%
 * intervals by LA and wave and pooled per comparison group, change from the first wave (Newcombe
 * interval), item and unit non-response, and Cronbach's alpha per scale.
 *
 * <p>Definitions. The file lists every sampled respondent; a respondent with every item blank is
 * unit non-response; among responding units a blank item (or no row for it) is item non-response;
 * {@code DK} is an answer excluded from the base. Percent agreeing = (4 + 5) / (1..5). A scale's
 * percent positive pools its items' valid answers, counting disagreement (1 or 2) with a negatively
 * worded item as positive. Alpha reverse-scores negative items and uses complete cases.
 */
public final class SurveyAnalysis {
  static final String ITEMS_FILE = "survey_items.csv";
  static final String RELIABILITY_FILE = "survey_reliability.csv";
  static final String RESPONSES_FILE = "survey_responses.csv";

  /** The {@code response} filter's values, score 1 first. */
  static final List<String> RESPONSES =
      List.of("strongly_disagree", "disagree", "neither", "agree", "strongly_agree");

  private static final String TOTAL = "Total";

  private SurveyAnalysis() {}

  /**
   * A scale's pooled positive answers for one LA and wave: a mechanism indicator for EMMIE.
   *
   * @param respondents the LA wave's responding units
   * @param usable whether the respondents reach the survey minimum base (at least 10, methods.md
   *     6): only then may a statistic over pilots use the score, as one beside the LAs' published
   *     percentages could give a small LA's answers back
   */
  public record ScaleScore(
      String survey,
      String scale,
      String la,
      int wave,
      long positive,
      long base,
      long respondents,
      boolean usable) {
    public double percent() {
      return base == 0 ? Double.NaN : 100.0 * positive / base;
    }
  }

  /** Per survey: the responses of one LA and wave, by respondent then item. */
  private record Wave(
      String la, int wave, int reportingYear, Map<String, Map<String, String>> answers) {}

  /** Writes both tables to {@code publish}; returns the scale scores. */
  public static List<ScaleScore> run(
      InstrumentSet set, LaGroups groups, DisclosureProfile profile, Path publish) {
    List<List<String>> itemRows = new ArrayList<>();
    List<List<String>> responseRows = new ArrayList<>();
    List<List<String>> reliabilityRows = new ArrayList<>();
    List<ScaleScore> scores = new ArrayList<>();
    long minimumBase = surveyProfile(profile).minimumPercentBase();
    for (String survey :
        List.of(InstrumentSchema.FAMILY_SURVEY, InstrumentSchema.PRACTITIONER_SURVEY)) {
      InstrumentSchema schema = InstrumentSchema.of(survey);
      Map<String, Map<Integer, Wave>> waves = waves(set.rows(survey));
      if (waves.isEmpty()) {
        continue;
      }
      itemRows.addAll(itemRows(schema, waves, groups, profile, responseRows));
      reliabilityRows.addAll(reliabilityRows(schema, waves, groups, profile));
      waves.forEach(
          (la, byWave) ->
              byWave.forEach(
                  (wave, data) -> {
                    long respondents = unitResponse(List.of(data))[1];
                    for (InstrumentSchema.Scale scale : schema.scales()) {
                      long positive = 0;
                      long base = 0;
                      for (Item item : schema.itemsOfScale(scale.id())) {
                        LikertCounts counts = counts(data, item.id());
                        base += counts.valid();
                        positive +=
                            item.negative()
                                ? counts.stronglyDisagree() + counts.disagree()
                                : counts.agreeing();
                      }
                      scores.add(
                          new ScaleScore(
                              survey,
                              scale.id(),
                              la,
                              wave,
                              positive,
                              base,
                              respondents,
                              respondents >= minimumBase));
                    }
                  }));
    }
    if (!itemRows.isEmpty()) {
      EesFile.write(publish.resolve(ITEMS_FILE), ITEM_COLUMNS, itemRows);
      EesFile.write(publish.resolve(RESPONSES_FILE), RESPONSE_COLUMNS, responseRows);
      EesFile.write(publish.resolve(RELIABILITY_FILE), RELIABILITY_COLUMNS, reliabilityRows);
    }
    return scores;
  }

  /** The filters every survey table starts with. */
  private static final List<Column> SCALE_FILTERS =
      List.of(
          Column.filter("survey", "Survey"),
          Column.filter("wave", "Survey wave"),
          EesRows.GROUP,
          Column.filter("scale", "Scale (domain)"));

  private static final Column ITEM = Column.filter("item", "Survey item");

  private static final List<Column> ITEM_COLUMNS =
      EesRows.columns(
          SCALE_FILTERS,
          List.of(
              ITEM,
              Column.indicator("respondents", "Responding units", "Counts", "", 0),
              Column.indicator("base", "Valid answers (1-5): the base", "Counts", "", 0),
              Column.indicator("agreeing", "Agree or strongly agree", "Counts", "", 0)),
          Share.columns("percent_agreeing", "Percent agreeing", "Agreement"),
          List.of(
              Column.indicator("dont_know", "Don't know", "Counts", "", 0),
              Column.indicator("item_nonresponse", "Item left blank", "Counts", "", 0),
              Column.indicator("unit_response_rate", "Unit response rate", "Response", "%", 1)),
          Share.changeColumns("wave"));

  private static final List<Column> RESPONSE_COLUMNS =
      EesRows.columns(
          SCALE_FILTERS,
          List.of(
              ITEM,
              Column.filter("response", "Answer (1 strongly disagree to 5 strongly agree)"),
              Column.indicator(
                  "percent",
                  "Percent of the valid answers (1-5) giving this answer",
                  "Answers",
                  "%",
                  1)));

  private static final List<Column> RELIABILITY_COLUMNS =
      EesRows.columns(
          SCALE_FILTERS,
          List.of(
              Column.indicator("items", "Items in the scale", "Scale", "", 0),
              Column.indicator(
                  "complete_cases", "Respondents answering every item", "Scale", "", 0),
              Column.indicator("cronbach_alpha", "Cronbach's alpha (raw)", "Reliability", "", 2),
              Column.indicator(
                  "standardised_alpha", "Cronbach's alpha (standardised)", "Reliability", "", 2)));

  private static Map<String, Map<Integer, Wave>> waves(List<InstrumentRow> rows) {
    Map<String, Map<Integer, Wave>> waves = new TreeMap<>();
    for (InstrumentRow row : rows) {
      int wave = row.integer("wave");
      int year = ReportingYears.of(row.date("wave_date"));
      Map<Integer, Wave> byWave = waves.computeIfAbsent(row.la(), key -> new TreeMap<>());
      Wave data = byWave.get(wave);
      if (data == null || data.reportingYear() < year) {
        Wave replaced =
            new Wave(row.la(), wave, year, data == null ? new TreeMap<>() : data.answers());
        byWave.put(wave, replaced);
        data = replaced;
      }
      data.answers()
          .computeIfAbsent(row.text("respondent_id"), key -> new TreeMap<>())
          .put(row.text("item_id"), row.text("response"));
    }
    return waves;
  }

  /** Counts over responding units (those with at least one non-blank answer). */
  static LikertCounts counts(Wave data, String item) {
    List<LikertResponse> responses = new ArrayList<>();
    for (Map<String, String> answers : data.answers().values()) {
      if (answers.values().stream().allMatch(String::isEmpty)) {
        continue;
      }
      String answer = answers.getOrDefault(item, "");
      responses.add(
          switch (answer) {
            case "" -> LikertResponse.MISSING;
            case "DK" -> LikertResponse.DONT_KNOW;
            default -> LikertResponse.ofScore(Integer.parseInt(answer));
          });
    }
    return LikertCounts.tally(responses);
  }

  private static long[] unitResponse(List<Wave> waves) {
    long eligible = 0;
    long responding = 0;
    for (Wave wave : waves) {
      for (Map<String, String> answers : wave.answers().values()) {
        eligible++;
        responding += answers.values().stream().allMatch(String::isEmpty) ? 0 : 1;
      }
    }
    return new long[] {eligible, responding};
  }

  /** The profile with the survey minimum base: at least 10 (methods.md section 6). */
  static DisclosureProfile surveyProfile(DisclosureProfile profile) {
    return profile.withMinimumPercentBase(Math.max(10, profile.minimumPercentBase()));
  }

  private static List<List<String>> itemRows(
      InstrumentSchema schema,
      Map<String, Map<Integer, Wave>> waves,
      LaGroups groups,
      DisclosureProfile profile,
      List<List<String>> responseRows) {
    DisclosureProfile surveyProfile = surveyProfile(profile);
    Set<Integer> waveNumbers = new TreeSet<>();
    waves.values().forEach(byWave -> waveNumbers.addAll(byWave.keySet()));
    int firstWave = waveNumbers.iterator().next();
    List<List<String>> rows = new ArrayList<>();
    for (String group : LaGroups.order()) {
      List<String> las = waves.keySet().stream().filter(la -> groups.of(la).equals(group)).toList();
      if (las.isEmpty()) {
        continue;
      }
      for (int wave : waveNumbers) {
        List<String> present = las.stream().filter(la -> waves.get(la).containsKey(wave)).toList();
        if (present.isEmpty()) {
          continue;
        }
        for (Item item : schema.items()) {
          Unit national = unit(schema, item, waves, present, wave, surveyProfile);
          Optional<Unit> nationalFirst =
              wave == firstWave
                  ? Optional.empty()
                  : Optional.of(
                          las.stream().filter(la -> waves.get(la).containsKey(firstWave)).toList())
                      .filter(list -> !list.isEmpty())
                      .map(list -> unit(schema, item, waves, list, firstWave, surveyProfile));
          rows.add(
              row(schema, item, wave, group, Optional.empty(), national, nationalFirst, "Total"));
          Set<Cell> hidden = hiddenAnswers(national.counts(), national.hidden(), surveyProfile);
          responseRows.addAll(
              responseRows(schema, item, wave, group, Optional.empty(), national, hidden));
          for (String la : present) {
            Optional<Unit> first =
                wave == firstWave || !waves.get(la).containsKey(firstWave)
                    ? Optional.empty()
                    : nationalFirst;
            rows.add(
                row(
                    schema,
                    item,
                    wave,
                    group,
                    Optional.of(la),
                    national.forLa(la),
                    first.map(u -> u.forLa(la)),
                    la));
            responseRows.addAll(
                responseRows(
                    schema, item, wave, group, Optional.of(la), national.forLa(la), hidden));
          }
        }
      }
    }
    return rows;
  }

  /**
   * The counts of one item and wave over a set of LAs ({@code row} = an LA or the Total).
   *
   * <p>Disclosure rule for surveys (methods.md section 6): responses are opinions of anonymous
   * respondents, not events about identifiable children, so the rule is the small-base rule: a
   * percentage, and the base and count it is made of, are published only when the base is at least
   * 10 (or the profile's larger minimum); the don't-know and item non-response counts are
   * suppressed in the profile's primary range; counts of a pooled (national) row are rounded as the
   * profile rounds aggregate rows.
   */
  private record Unit(
      Map<String, LikertCounts> counts,
      Map<String, long[]> response,
      int reportingYear,
      String row,
      DisclosureProfile profile,
      Set<String> hidden) {
    Unit forLa(String la) {
      return new Unit(counts, response, reportingYear, la, profile, hidden);
    }

    boolean pooled() {
      return row.equals(TOTAL);
    }

    LikertCounts count() {
      return pooled()
          ? counts.values().stream().reduce(LikertCounts.EMPTY, LikertCounts::combine)
          : counts.get(row);
    }

    long[] unitResponse() {
      if (!pooled()) {
        return response.get(row);
      }
      long[] total = new long[2];
      response
          .values()
          .forEach(
              r -> {
                total[0] += r[0];
                total[1] += r[1];
              });
      return total;
    }

    PublishedValue percent() {
      LikertCounts count = count();
      return DerivedValues.percent(
          count.agreeing(), !pooled() && hidden.contains(row), count.valid(), false, profile);
    }

    Share share() {
      LikertCounts count = count();
      return new Share(percent(), count.agreeing(), count.valid());
    }

    /** A count shown with the percentage: c when the percentage is not published. */
    String withPercent(long value) {
      PublishedValue percent = percent();
      return percent.number().isPresent() || percent.text().equals("z")
          ? rounded(value)
          : percent.text();
    }

    /** A count standing alone: c in the profile's primary range. */
    String alone(long value) {
      return profile.isPrimary(value) ? "c" : rounded(value);
    }

    private String rounded(long value) {
      long base =
          profile.countRoundingBase() > 1
              ? profile.countRoundingBase()
              : pooled() ? profile.aggregateRoundingBase() : 1;
      return Long.toString(DisplayRounding.toNearest(value, base));
    }
  }

  private static Unit unit(
      InstrumentSchema schema,
      Item item,
      Map<String, Map<Integer, Wave>> waves,
      List<String> las,
      int wave,
      DisclosureProfile profile) {
    Map<String, LikertCounts> counts = new TreeMap<>();
    Map<String, long[]> response = new TreeMap<>();
    int year = 0;
    for (String la : las) {
      Wave data = waves.get(la).get(wave);
      year = Math.max(year, data.reportingYear());
      counts.put(la, counts(data, item.id()));
      response.put(la, unitResponse(List.of(data)));
    }
    return new Unit(counts, response, year, TOTAL, profile, hiddenLas(counts, profile));
  }

  /**
   * The LAs whose percentage, base and count are {@code c} in one item, wave and group: those with
   * a base below the survey minimum, and, when the Total is published beside them, further LAs
   * (smallest base first) until the hidden LAs' bases add up to the minimum. Otherwise the Total
   * minus the published LAs would give a small LA's base and agreeing count (the percentage and
   * Wilson limits of the Total pin down its unrounded counts): the secondary suppression of
   * methods.md section 7.2 rule 2 over the LA/Total margin.
   */
  static Set<String> hiddenLas(Map<String, LikertCounts> byLa, DisclosureProfile profile) {
    long minimum = profile.minimumPercentBase();
    Set<String> hidden = new TreeSet<>();
    long hiddenBase = 0;
    for (Map.Entry<String, LikertCounts> la : byLa.entrySet()) {
      long base = la.getValue().valid();
      if (base > 0 && base < minimum) {
        hidden.add(la.getKey());
        hiddenBase += base;
      }
    }
    List<Map.Entry<String, LikertCounts>> published =
        byLa.entrySet().stream()
            .filter(la -> !hidden.contains(la.getKey()) && la.getValue().valid() > 0)
            .sorted(
                Comparator.comparingLong(
                        (Map.Entry<String, LikertCounts> la) -> la.getValue().valid())
                    .thenComparing(Map.Entry::getKey))
            .toList();
    for (int k = 0; k < published.size() && hiddenBase > 0 && hiddenBase < minimum; k++) {
      hidden.add(published.get(k).getKey());
      hiddenBase += published.get(k).getValue().valid();
    }
    return hidden;
  }

  private static List<String> row(
      InstrumentSchema schema,
      Item item,
      int wave,
      String group,
      Optional<String> la,
      Unit unit,
      Optional<Unit> first,
      String rowLabel) {
    List<String> cells = itemCells(schema, item, wave, group, la, unit);
    LikertCounts counts = unit.count();
    cells.add(unit.withPercent(counts.respondents()));
    cells.add(unit.withPercent(counts.valid()));
    cells.add(unit.withPercent(counts.agreeing()));
    Share share = unit.share();
    cells.addAll(share.cells());
    cells.add(unit.alone(counts.dontKnow() + counts.notApplicable()));
    cells.add(unit.alone(counts.missing()));
    long[] response = unit.unitResponse();
    cells.add(DerivedValues.percent(response[1], false, response[0], false, unit.profile()).text());
    cells.addAll(share.changeSince(first.map(Unit::share)));
    return cells;
  }

  /**
   * The five answer percentages of one unit (an LA or the Total): {@code c} where {@link
   * #hiddenAnswers} hides the answer's count, else the count over the base as {@link
   * DerivedValues#percent} publishes it (so {@code c} on a base below the survey minimum, as the
   * percent agreeing).
   */
  private static List<List<String>> responseRows(
      InstrumentSchema schema,
      Item item,
      int wave,
      String group,
      Optional<String> la,
      Unit unit,
      Set<Cell> hidden) {
    long[] answers = answers(unit.count());
    long base = unit.count().valid();
    List<List<String>> rows = new ArrayList<>();
    for (int k = 0; k < RESPONSES.size(); k++) {
      List<String> cells = itemCells(schema, item, wave, group, la, unit);
      cells.add(RESPONSES.get(k));
      cells.add(
          hidden.contains(Cell.of(unit.row(), RESPONSES.get(k)))
              ? "c"
              : DerivedValues.percent(answers[k], false, base, false, unit.profile()).text());
      rows.add(cells);
    }
    return rows;
  }

  /**
   * The identifiers and the filters both item tables start with: survey, wave, group, scale, item.
   */
  private static List<String> itemCells(
      InstrumentSchema schema, Item item, int wave, String group, Optional<String> la, Unit unit) {
    List<String> cells = EesRows.identifiers(unit.reportingYear(), la);
    cells.add(schema.instrument());
    cells.add(Integer.toString(wave));
    cells.add(group);
    cells.add(item.scale() == null ? "z" : item.scale());
    cells.add(item.id());
    return cells;
  }

  private static long[] answers(LikertCounts counts) {
    return new long[] {
      counts.stronglyDisagree(),
      counts.disagree(),
      counts.neither(),
      counts.agree(),
      counts.stronglyAgree()
    };
  }

  private static final String BASE = "base";
  private static final String AGREEING = "agreeing";
  private static final String NOT_AGREEING = "not_agreeing";

  /**
   * The answer cells (row = LA or {@code Total}, column = a {@link #RESPONSES} value) whose
   * percentage is published as {@code c}, for one item, wave and group.
   *
   * <p>Rule (methods.md section 6, docs/instruments.md): a percentage with its base gives the
   * count, so the answers are protected as counts. The table is the LAs and their Total by the five
   * answers, with the margins {@code survey_items.csv} already publishes: the base, agreeing (4 +
   * 5) and so not agreeing (1 + 2 + 3), and the Total row. {@link ProtectedTable#protect}
   * suppresses answers in the profile's primary range and the secondary cells that stop them being
   * recovered by subtraction; the answers of a unit whose base is below the survey minimum are
   * hidden too (their percentages are {@code c}). As the margins stay published whatever the
   * protection chose, {@link LinearDisclosureAudit} then checks the hidden answers against every
   * margin of the table. If one could still be recovered, the LAs' answers are all hidden and the
   * Total row is protected on its own (then checked again); failing that, every answer is hidden.
   */
  static Set<Cell> hiddenAnswers(
      Map<String, LikertCounts> byLa, Set<String> hiddenLas, DisclosureProfile profile) {
    CountTable table = answerTable(byLa);
    Set<Cell> hidden = protectedAnswers(table, hiddenLas, profile);
    if (LinearDisclosureAudit.recoverableCells(table, hidden).isEmpty()) {
      return hidden;
    }
    LikertCounts total = byLa.values().stream().reduce(LikertCounts.EMPTY, LikertCounts::combine);
    Set<Cell> pooledOnly = new LinkedHashSet<>();
    for (String la : byLa.keySet()) {
      RESPONSES.forEach(answer -> pooledOnly.add(Cell.of(la, answer)));
    }
    // a one-row table: the Total's answers against its own margins
    pooledOnly.addAll(protectedAnswers(answerTable(Map.of(TOTAL, total)), Set.of(), profile));
    if (LinearDisclosureAudit.recoverableCells(table, pooledOnly).isEmpty()) {
      return pooledOnly;
    }
    Set<Cell> all = new LinkedHashSet<>();
    for (String row : table.rows().labels()) {
      RESPONSES.forEach(answer -> all.add(Cell.of(row, answer)));
    }
    return all;
  }

  /** Rows: the LAs under their Total (a single row when {@code byUnit} is the Total alone). */
  private static CountTable answerTable(Map<String, LikertCounts> byUnit) {
    List<String> units = List.copyOf(byUnit.keySet());
    Dimension rows =
        units.equals(List.of(TOTAL))
            ? Dimension.of("units", units)
            : Dimension.withTotal("units", TOTAL, units);
    Dimension columns =
        Dimension.builder("answers")
            .add(BASE)
            .add(NOT_AGREEING, BASE)
            .add(RESPONSES.get(0), NOT_AGREEING)
            .add(RESPONSES.get(1), NOT_AGREEING)
            .add(RESPONSES.get(2), NOT_AGREEING)
            .add(AGREEING, BASE)
            .add(RESPONSES.get(3), AGREEING)
            .add(RESPONSES.get(4), AGREEING)
            .build();
    CountTable.Builder builder = CountTable.builder(rows, columns);
    byUnit.forEach(
        (unit, counts) -> {
          long[] answers = answers(counts);
          for (int k = 0; k < RESPONSES.size(); k++) {
            builder.count(unit, RESPONSES.get(k), answers[k]);
          }
        });
    return builder.build();
  }

  /**
   * The answers {@link ProtectedTable} suppresses, and all five of a unit on a small base or among
   * {@code hiddenLas} (whose base {@code survey_items.csv} hides).
   */
  private static Set<Cell> protectedAnswers(
      CountTable table, Set<String> hiddenLas, DisclosureProfile profile) {
    ProtectedTable protectedTable = ProtectedTable.protect(table, profile);
    Set<Cell> hidden = new LinkedHashSet<>();
    for (String row : table.rows().labels()) {
      boolean smallBase =
          table.count(Cell.of(row, BASE)) < profile.minimumPercentBase() || hiddenLas.contains(row);
      for (String answer : RESPONSES) {
        if (smallBase || protectedTable.isSuppressed(row, answer)) {
          hidden.add(Cell.of(row, answer));
        }
      }
    }
    return hidden;
  }

  private static List<List<String>> reliabilityRows(
      InstrumentSchema schema,
      Map<String, Map<Integer, Wave>> waves,
      LaGroups groups,
      DisclosureProfile profile) {
    List<List<String>> rows = new ArrayList<>();
    Set<Integer> waveNumbers = new TreeSet<>();
    waves.values().forEach(byWave -> waveNumbers.addAll(byWave.keySet()));
    for (String group : LaGroups.order()) {
      for (int wave : waveNumbers) {
        List<Wave> data = new ArrayList<>();
        waves.forEach(
            (la, byWave) -> {
              if (groups.of(la).equals(group) && byWave.containsKey(wave)) {
                data.add(byWave.get(wave));
              }
            });
        if (data.isEmpty()) {
          continue;
        }
        int year = data.stream().mapToInt(Wave::reportingYear).max().orElseThrow();
        for (InstrumentSchema.Scale scale : schema.scales()) {
          List<Item> items = schema.itemsOfScale(scale.id());
          List<String> cells = EesRows.identifiers(year, Optional.empty());
          cells.addAll(List.of(schema.instrument(), Integer.toString(wave), group, scale.id()));
          cells.add(Integer.toString(items.size()));
          Optional<CronbachAlpha> alpha = alpha(items, data);
          long complete = alpha.map(CronbachAlpha::completeCases).orElse(0);
          cells.add(complete > 0 && profile.isPrimary(complete) ? "c" : Long.toString(complete));
          cells.add(
              alpha
                  .map(
                      a -> DerivedValues.average(a.raw(), a.completeCases(), alphaProfile(profile)))
                  .map(PublishedValue::text)
                  .orElse("x"));
          cells.add(
              alpha
                  .map(
                      a ->
                          DerivedValues.average(
                              a.standardised(), a.completeCases(), alphaProfile(profile)))
                  .map(PublishedValue::text)
                  .orElse("x"));
          rows.add(cells);
        }
      }
    }
    return rows;
  }

  private static DisclosureProfile alphaProfile(DisclosureProfile profile) {
    return new DisclosureProfile(
        profile.name(),
        profile.suppressFrom(),
        profile.suppressTo(),
        profile.aggregateRoundingBase(),
        profile.countRoundingBase(),
        profile.minimumPercentBase(),
        profile.minimumAverageBase(),
        2);
  }

  /**
   * Alpha over the scale's items (negative items reversed), complete cases; empty if not defined.
   */
  static Optional<CronbachAlpha> alpha(List<Item> items, List<Wave> data) {
    if (items.size() < 2) {
      return Optional.empty();
    }
    List<double[]> matrix = new ArrayList<>();
    for (Wave wave : data) {
      for (Map<String, String> answers : wave.answers().values()) {
        if (answers.values().stream().allMatch(String::isEmpty)) {
          continue;
        }
        double[] scores = new double[items.size()];
        for (int j = 0; j < items.size(); j++) {
          String answer = answers.getOrDefault(items.get(j).id(), "");
          double score =
              answer.isEmpty() || answer.equals("DK") ? Double.NaN : Integer.parseInt(answer);
          scores[j] = items.get(j).negative() ? 6 - score : score;
        }
        matrix.add(scores);
      }
    }
    try {
      CronbachAlpha alpha = CronbachAlpha.of(matrix.toArray(double[][]::new));
      return Double.isFinite(alpha.raw()) ? Optional.of(alpha) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
