package org.soseval.pipeline.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.publish.EesFile;
import org.soseval.pipeline.publish.EesFile.Column;

/**
 * Runs the comparison an evaluation config describes and writes {@code OUT/publish/effects.csv},
 * {@code OUT/publish/panel.csv} and {@code OUT/evaluation.json} (the LAs and years used, the
 * comparison rule, predecessors' series used ({@link PredecessorSeries}), disclosure control, and
 * what could not be estimated and why). The estimators use the unrounded values; {@code panel.csv}
 * shows what may be published of each ({@link LaYearPanel.Observation#published()}).
 */
public final class Evaluation {
  static final String EFFECTS = "effects.csv";
  static final String PANEL = "panel.csv";
  static final String SUMMARY = "evaluation.json";

  private Evaluation() {}

  /** What an evaluation produced. */
  public record Result(
      ComparisonGroup group,
      List<EffectEstimator.OutcomeEffects> outcomes,
      Path effects,
      Path panel,
      Path summary) {
    public Result {
      outcomes = List.copyOf(outcomes);
    }

    public List<EffectRow> rows() {
      List<EffectRow> rows = new ArrayList<>();
      outcomes.forEach(outcome -> rows.addAll(outcome.rows()));
      return rows;
    }
  }

  /**
   * How the sources of a config become LA × year values: DfE's published statistics in a folder
   * ({@code sources.public}), and case-level deposits in a folder ({@code sources.deposits}, which
   * the caller ingests and derives indicators from). {@code sources.panel} is read here.
   */
  public record Sources(
      Function<Path, LaYearPanel> published, Function<Path, LaYearPanel> deposits) {}

  /** Runs the evaluation a config describes, on the values its sources give. */
  public static Result run(EvaluationConfig config, Path out, Sources sources, Progress progress) {
    return run(config, assemble(config, sources), out, progress);
  }

  /** Runs the evaluation a config describes on an assembled panel (its sources are not read). */
  public static Result run(EvaluationConfig config, LaYearPanel data, Path out, Progress progress) {
    Optional<StatisticalNeighbours> neighbours =
        config
            .sources()
            .publicDir()
            .map(dir -> StatisticalNeighbours.load(dir, config.comparison().neighboursModel()));
    ComparisonGroup group = ComparisonGroup.of(config, neighbours);
    progress.report(
        "evaluate: "
            + group.pilots().size()
            + " pilots against "
            + group.comparators().size()
            + " comparison LAs ("
            + group.rule()
            + ")");
    PredecessorSeries.Linked linked = PredecessorSeries.apply(data, group, config);
    linked.links().forEach(link -> progress.report("evaluate: " + link.rule()));
    List<EffectEstimator.OutcomeEffects> outcomes = new ArrayList<>();
    for (int i = 0; i < config.outcomes().size(); i++) {
      String outcome = config.outcomes().get(i);
      checkAvailable(config, linked.data(), "outcomes[" + i + "]", outcome);
      progress.report("evaluate: " + outcome);
      EffectEstimator.OutcomeEffects effects =
          EffectEstimator.estimate(outcome, linked.data(), linked.units(), config);
      for (boolean pilots : new boolean[] {true, false}) {
        if (effects.panel().stream().noneMatch(used -> used.pilot() == pilots)) {
          throw config.invalid(
              "outcomes[" + i + "]",
              String.format(
                  Locale.ROOT,
                  "no %s has a value of %s in reporting years %d-%d (the sources give it for %s)",
                  pilots ? "pilot" : "comparison LA",
                  outcome,
                  config.firstYear(),
                  config.lastYear(),
                  years(linked.data().years(outcome))));
        }
      }
      effects.notes().forEach(note -> progress.report("evaluate: note: " + note));
      outcomes.add(effects);
    }
    for (int i = 0; i < config.pilots().size(); i++) {
      String pilot = config.pilots().get(i).la();
      if (outcomes.stream()
          .flatMap(effects -> effects.panel().stream())
          .noneMatch(used -> used.la().equals(pilot))) {
        throw config.invalid(
            "pilots[" + i + "].la",
            String.format(
                Locale.ROOT,
                "no source gives LA %s a value of any outcome in reporting years %d-%d; %s",
                pilot,
                config.firstYear(),
                config.lastYear(),
                linked.data().hasMissing(pilot)
                    ? "its values are all missing or suppressed: remove it from the pilots, or"
                        + " give its values in a sources.panel"
                    : "check the code (a DfE 3-digit code such as 855, or the code the panel"
                        + " uses)"));
      }
    }
    Path publish = out.resolve("publish");
    try {
      Files.createDirectories(publish);
      Path effects = publish.resolve(EFFECTS);
      Path panel = publish.resolve(PANEL);
      Path summary = out.resolve(SUMMARY);
      writeEffects(effects, config, linked.data(), outcomes);
      writePanel(panel, linked.data(), outcomes);
      writeSummary(summary, config, group, linked, outcomes);
      return new Result(group, outcomes, effects, panel, summary);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the evaluation to " + out, e);
    }
  }

  /** Refuses an outcome no source gives, saying whether it is absent, unreadable or all missing. */
  private static void checkAvailable(
      EvaluationConfig config, LaYearPanel data, String field, String outcome) {
    if (data.outcomes().contains(outcome)) {
      return;
    }
    Optional<String> unreadable = data.unreadable(outcome);
    if (unreadable.isPresent()) {
      throw PipelineErrors.inputRejected(
          "Cannot evaluate outcome " + outcome,
          "its column in sources.panel is not numeric: " + unreadable.get(),
          "Write numbers without separators, or a GSS symbol (c, x, z, u, low)");
    }
    if (data.missingCount(outcome) > 0) {
      throw config.invalid(
          field,
          "every value of "
              + outcome
              + " in the sources is missing or suppressed ("
              + data.missingCount(outcome)
              + " LA-years); choose another outcome");
    }
    String near =
        data.outcomes().stream()
            .filter(known -> closeTo(known, outcome))
            .findFirst()
            .map(known -> " (did you mean " + known + "?)")
            .orElse("");
    throw config.invalid(
        field, "no source gives " + outcome + near + "; the sources give " + data.outcomes());
  }

  /** Two names at most two edits apart (Levenshtein distance), as a typo leaves them. */
  private static boolean closeTo(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()] <= 2;
  }

  private static String years(java.util.SortedSet<Integer> years) {
    return years.isEmpty() ? "no year" : years.first() + "-" + years.last();
  }

  /** Deposits win over the evaluator's panel, which wins over published statistics. */
  static LaYearPanel assemble(EvaluationConfig config, Sources sources) {
    LaYearPanel data = LaYearPanel.empty();
    if (config.sources().publicDir().isPresent()) {
      data = data.overlaidWith(sources.published().apply(config.sources().publicDir().get()));
    }
    if (config.sources().panel().isPresent()) {
      data = data.overlaidWith(LaYearPanel.fromCsv(config.sources().panel().get(), "panel"));
    }
    if (config.sources().deposits().isPresent()) {
      data = data.overlaidWith(sources.deposits().apply(config.sources().deposits().get()));
    }
    return data;
  }

  private static final List<Column> EFFECT_COLUMNS =
      List.of(
          Column.filter("outcome", "Outcome"),
          Column.filter("unit", "Pilot (LA code) or all pilots"),
          Column.filter("method", "Estimation method"),
          Column.filter("term", "Year relative to the implementation year (event study)"),
          Column.indicator("estimate", "Estimated effect", "Estimate", "", 3),
          Column.indicator("std_error", "Standard error", "Estimate", "", 3),
          Column.indicator("lower_ci", "Lower 95% confidence limit", "Estimate", "", 3),
          Column.indicator("upper_ci", "Upper 95% confidence limit", "Estimate", "", 3),
          Column.indicator("p_value", "p-value", "Tests", "", 4),
          Column.indicator(
              "p_value_wild_bootstrap", "Wild-cluster bootstrap p-value", "Tests", "", 4),
          Column.indicator("p_value_placebo", "Placebo-in-space p-value", "Tests", "", 4),
          Column.indicator("n_units", "Number of LAs", "Data", "", 0),
          Column.indicator("n_obs", "Number of LA-years", "Data", "", 0),
          Column.indicator("i2_percent", "I-squared heterogeneity", "Heterogeneity", "%", 1),
          Column.indicator("tau2", "Between-pilot variance (tau-squared)", "Heterogeneity", "", 3),
          Column.indicator("q_statistic", "Cochran's Q", "Heterogeneity", "", 3),
          Column.indicator("durbin_watson", "Durbin-Watson statistic", "Diagnostics", "", 3),
          Column.filter("direction", "Direction (EMMIE effect scale)"));

  private static final List<Column> PANEL_COLUMNS =
      List.of(
          Column.filter("comparison_group", "Pilot or comparison LA"),
          Column.filter("outcome", "Outcome"),
          Column.indicator("value", "Outcome value", "Outcome", "", 1),
          Column.indicator("treated", "After go-live (1) or before (0)", "Design", "", 0),
          Column.filter("source", "Where the value came from"),
          Column.filter(
              "data_from",
              "LA whose data gave the value (its predecessors' codes for years before it"
                  + " existed)"));

  /** How {@code panel.csv} was controlled, for the summary (docs/evaluate.md "Disclosure"). */
  static final String PANEL_DISCLOSURE =
      "values from case-level deposits as la_indicators.csv publishes them after the disclosure"
          + " control of privacy.disclosure (suppressed cells c, rates and percentages to 1 dp);"
          + " values from DfE's published statistics as published; values from the evaluator's"
          + " panel as given (the evaluator's responsibility); the estimates use the unrounded,"
          + " unsuppressed values";

  /** {@code term} of rows that are not event-study terms: the aggregate over relative years. */
  static final String ALL_TERMS = "Total";

  private static void writeEffects(
      Path file,
      EvaluationConfig config,
      LaYearPanel data,
      List<EffectEstimator.OutcomeEffects> outcomes)
      throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (EffectEstimator.OutcomeEffects outcome : outcomes) {
      for (EffectRow row : outcome.rows()) {
        List<String> values = geography(config.lastYear(), row.unit(), data);
        values.add(row.outcome());
        values.add(row.unit());
        values.add(row.method());
        values.add(row.term().isPresent() ? Integer.toString(row.term().getAsInt()) : ALL_TERMS);
        values.add(number(row.estimate()));
        values.add(number(row.standardError()));
        values.add(number(row.lowerCi()));
        values.add(number(row.upperCi()));
        values.add(number(row.pValue()));
        values.add(optional(row.pValueWildBootstrap()));
        values.add(optional(row.diagnostics().placeboPValue()));
        values.add(Integer.toString(row.nUnits()));
        values.add(Integer.toString(row.nObs()));
        values.add(optional(row.diagnostics().i2Percent()));
        values.add(optional(row.diagnostics().tau2()));
        values.add(optional(row.diagnostics().q()));
        values.add(optional(row.diagnostics().durbinWatson()));
        values.add(row.direction().label());
        rows.add(values);
      }
    }
    EesFile.write(file, EFFECT_COLUMNS, rows);
  }

  private static void writePanel(
      Path file, LaYearPanel data, List<EffectEstimator.OutcomeEffects> outcomes)
      throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (EffectEstimator.OutcomeEffects outcome : outcomes) {
      for (EffectEstimator.UsedObservation used : outcome.panel()) {
        List<String> values = geography(used.year(), used.la(), data);
        values.add(used.pilot() ? "Pilot" : "Comparison");
        values.add(used.outcome());
        // what may be published: case-level values as la_indicators.csv publishes them
        values.add(
            used.published().isPresent()
                ? exact(used.published().number())
                : used.published().symbol().orElseThrow());
        values.add(used.treated() ? "1" : "0");
        values.add(used.source());
        values.add(used.from().isEmpty() ? used.la() : String.join(" + ", used.from()));
        rows.add(values);
      }
    }
    EesFile.write(file, PANEL_COLUMNS, rows);
  }

  /** The EES time and geography cells of a row about {@code unit} (an LA, or all pilots). */
  private static List<String> geography(int year, String unit, LaYearPanel data) {
    List<String> cells = new ArrayList<>();
    cells.add(Integer.toString(year));
    cells.add("Reporting year");
    if (unit.equals(EffectRow.ALL_PILOTS)) {
      cells.addAll(List.of("National", "E92000001", "England", "", "", "", "", ""));
      return cells;
    }
    Optional<LaCodeEntry> la =
        LaCrosswalk.byOldCode(unit, year).or(() -> LaCrosswalk.byOldCode(unit));
    cells.addAll(List.of("Local authority", "E92000001", "England"));
    cells.add(la.map(LaCodeEntry::regionCode).orElse(""));
    cells.add(la.map(LaCodeEntry::regionName).orElse(""));
    cells.add(unit);
    cells.add(la.map(LaCodeEntry::newLaCode).orElse(""));
    cells.add(la.map(LaCodeEntry::name).or(() -> data.nameOf(unit)).orElse(""));
    return cells;
  }

  private static void writeSummary(
      Path file,
      EvaluationConfig config,
      ComparisonGroup group,
      PredecessorSeries.Linked linked,
      List<EffectEstimator.OutcomeEffects> outcomes)
      throws IOException {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("name", config.name());
    summary.put("reporting_years", config.firstYear() + "-" + config.lastYear());
    summary.put("exclude_implementation_year", config.excludeImplementationYear());
    List<Map<String, Object>> pilots = new ArrayList<>();
    for (EvaluationConfig.PilotSpec pilot : config.pilots()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("la", pilot.la());
      entry.put("start", pilot.start().toString());
      entry.put("implementation_year", pilot.implementationYear());
      entry.put("group", pilot.group());
      pilots.add(entry);
    }
    summary.put("pilots", pilots);
    summary.put("comparison_rule", group.rule());
    summary.put("comparators", group.comparators());
    summary.put("use_predecessors", config.comparison().usePredecessors());
    summary.put("comparison_units", linked.units().comparators());
    List<Map<String, Object>> links = new ArrayList<>();
    for (PredecessorSeries.Link link : linked.links()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("unit", link.unit());
      entry.put("members", link.members());
      entry.put("series_from", link.predecessors());
      entry.put("first_year_of_own_code", link.firstYear());
      entry.put("years_from_other_las", link.yearsFilled());
      entry.put("rule", link.rule());
      links.add(entry);
    }
    summary.put("predecessor_series", links);
    Map<String, Object> used = new LinkedHashMap<>();
    for (EffectEstimator.OutcomeEffects outcome : outcomes) {
      Map<String, TreeSet<Integer>> years = new TreeMap<>();
      outcome
          .panel()
          .forEach(
              observation ->
                  years
                      .computeIfAbsent(observation.la(), key -> new TreeSet<>())
                      .add(observation.year()));
      Map<String, Object> byLa = new LinkedHashMap<>();
      years.forEach((la, set) -> byLa.put(la, new ArrayList<>(set)));
      used.put(outcome.outcome(), byLa);
    }
    summary.put("years_used", used);
    long withheld =
        outcomes.stream()
            .flatMap(outcome -> outcome.panel().stream())
            .filter(observation -> !observation.published().isPresent())
            .count();
    Map<String, Object> disclosure = new LinkedHashMap<>();
    disclosure.put("profile", config.disclosure());
    disclosure.put("panel_csv", PANEL_DISCLOSURE);
    disclosure.put("values_used_but_withheld", withheld);
    summary.put("disclosure", disclosure);
    List<String> notes = new ArrayList<>(linked.notes());
    notes.addAll(linked.data().notes());
    outcomes.forEach(outcome -> notes.addAll(outcome.notes()));
    summary.put("notes", notes);
    Map<String, Object> bootstrap = new LinkedHashMap<>();
    bootstrap.put("weights", "rademacher");
    bootstrap.put("draws", config.bootstrapDraws());
    bootstrap.put("seed", config.bootstrapSeed());
    summary.put("bootstrap", bootstrap);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(file, json.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
  }

  /** Unrounded, 15 significant digits, plain notation; {@code x} when not a number. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "x";
    }
    return new BigDecimal(value).round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
  }

  /** The shortest decimal that reads back as the same double (64.4, not 64.40000000000001). */
  static String exact(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String optional(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : "z";
  }
}
