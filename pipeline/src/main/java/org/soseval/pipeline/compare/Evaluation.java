package org.soseval.pipeline.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.geography.LocalAuthorities;
import org.soseval.pipeline.geography.LocalAuthority;

/**
 * Runs the comparison an evaluation config describes and writes {@code OUT/publish/effects.csv},
 * {@code OUT/publish/panel.csv} and {@code OUT/evaluation.json} (the LAs and years used, the
 * comparison rule, and what could not be estimated and why).
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
   * Runs the evaluation on an already assembled panel.
   *
   * @param publishedPanel builds the panel from published statistics in a folder, for configs with
   *     {@code sources.public}
   */
  public static Result run(
      EvaluationConfig config,
      Path out,
      Function<Path, LaYearPanel> publishedPanel,
      Progress progress) {
    LaYearPanel data = assemble(config, publishedPanel);
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
    List<EffectEstimator.OutcomeEffects> outcomes = new ArrayList<>();
    for (String outcome : config.outcomes()) {
      if (!data.outcomes().contains(outcome)) {
        throw PipelineErrors.usage(
            "Cannot evaluate outcome " + outcome,
            "no source gives it; the sources give " + data.outcomes(),
            "Choose outcomes the sources provide, or add a sources.panel with that column");
      }
      progress.report("evaluate: " + outcome);
      outcomes.add(EffectEstimator.estimate(outcome, data, group, config));
    }
    Path publish = out.resolve("publish");
    try {
      Files.createDirectories(publish);
      Path effects = publish.resolve(EFFECTS);
      Path panel = publish.resolve(PANEL);
      Path summary = out.resolve(SUMMARY);
      writeEffects(effects, config, data, outcomes);
      writePanel(panel, data, outcomes);
      writeSummary(summary, config, group, outcomes);
      return new Result(group, outcomes, effects, panel, summary);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the evaluation to " + out, e);
    }
  }

  /** Deposits win over the evaluator's panel, which wins over published statistics. */
  static LaYearPanel assemble(EvaluationConfig config, Function<Path, LaYearPanel> published) {
    LaYearPanel data = LaYearPanel.empty();
    if (config.sources().publicDir().isPresent()) {
      data = data.overlaidWith(published.apply(config.sources().publicDir().get()));
    }
    if (config.sources().panel().isPresent()) {
      data = data.overlaidWith(LaYearPanel.fromCsv(config.sources().panel().get(), "panel"));
    }
    if (config.sources().deposits().isPresent()) {
      throw PipelineErrors.usage(
          "Cannot use sources.deposits yet",
          "indicators from case-level deposits are not built in this version",
          "Use sources.public or sources.panel");
    }
    return data;
  }

  private static final List<String> EFFECT_COLUMNS =
      List.of(
          "outcome",
          "unit",
          "method",
          "term",
          "estimate",
          "std_error",
          "lower_ci",
          "upper_ci",
          "p_value",
          "p_value_wild_bootstrap",
          "n_units",
          "n_obs",
          "direction",
          "note");

  private static void writeEffects(
      Path file,
      EvaluationConfig config,
      LaYearPanel data,
      List<EffectEstimator.OutcomeEffects> outcomes)
      throws IOException {
    List<String> header = new ArrayList<>(LaYearPanel.EES_COLUMNS);
    header.addAll(EFFECT_COLUMNS);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv =
            CSVFormat.RFC4180
                .builder()
                .setRecordSeparator('\n')
                .setHeader(header.toArray(String[]::new))
                .get()
                .print(writer)) {
      for (EffectEstimator.OutcomeEffects outcome : outcomes) {
        for (EffectRow row : outcome.rows()) {
          List<String> values = geography(config.lastYear(), row.unit(), data);
          values.add(row.outcome());
          values.add(row.unit());
          values.add(row.method());
          values.add(row.term().isPresent() ? Integer.toString(row.term().getAsInt()) : "");
          values.add(number(row.estimate()));
          values.add(number(row.standardError()));
          values.add(number(row.lowerCi()));
          values.add(number(row.upperCi()));
          values.add(number(row.pValue()));
          values.add(optional(row.pValueWildBootstrap()));
          values.add(Integer.toString(row.nUnits()));
          values.add(Integer.toString(row.nObs()));
          values.add(row.direction().label());
          values.add(row.note().orElse(""));
          csv.printRecord(values);
        }
      }
    }
  }

  private static void writePanel(
      Path file, LaYearPanel data, List<EffectEstimator.OutcomeEffects> outcomes)
      throws IOException {
    List<String> header = new ArrayList<>(LaYearPanel.EES_COLUMNS);
    header.addAll(List.of("comparison_group", "outcome", "value", "treated", "source"));
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv =
            CSVFormat.RFC4180
                .builder()
                .setRecordSeparator('\n')
                .setHeader(header.toArray(String[]::new))
                .get()
                .print(writer)) {
      for (EffectEstimator.OutcomeEffects outcome : outcomes) {
        for (EffectEstimator.UsedObservation used : outcome.panel()) {
          List<String> values = geography(used.year(), used.la(), data);
          values.add(used.pilot() ? "Pilot" : "Comparison");
          values.add(used.outcome());
          values.add(number(used.value()));
          values.add(used.treated() ? "1" : "0");
          values.add(used.source());
          csv.printRecord(values);
        }
      }
    }
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
    Optional<LocalAuthority> la = LocalAuthorities.byCode(unit);
    cells.addAll(List.of("Local authority", "E92000001", "England"));
    cells.add(la.map(LocalAuthority::regionCode).orElse(""));
    cells.add(la.map(LocalAuthority::regionName).orElse(""));
    cells.add(unit);
    cells.add(la.map(LocalAuthority::gssCode).orElse(""));
    cells.add(la.map(LocalAuthority::name).or(() -> data.nameOf(unit)).orElse(""));
    return cells;
  }

  private static void writeSummary(
      Path file,
      EvaluationConfig config,
      ComparisonGroup group,
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
    List<String> notes = new ArrayList<>();
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

  private static String optional(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : "z";
  }
}
