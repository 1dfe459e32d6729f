package org.soseval.pipeline.emmie;

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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.compare.EffectDirection;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.compare.Evaluation;
import org.soseval.pipeline.compare.EvaluationConfig;
import org.soseval.pipeline.instruments.CostAnalysis;
import org.soseval.pipeline.instruments.InstrumentAnalysis;
import org.soseval.pipeline.instruments.InstrumentSchema;
import org.soseval.pipeline.instruments.InstrumentSet;
import org.soseval.pipeline.instruments.LaGroups;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.publish.EesFile;
import org.soseval.pipeline.publish.EesFile.Column;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;

/**
 * The EMMIE summary (methods.md 1.4): one entry per outcome and an overall one, each with the five
 * dimensions (Effect, Mechanisms, Moderators, Implementation, Economics), every dimension carrying
 * its numbers, an EMMIE-Q quality level 0-4 with the rule that produced it, and a narrative
 * sentence built from both; "no evidence" where the data cannot support a claim. Writes {@code
 * OUT/emmie.json} and {@code OUT/publish/emmie.csv} (EES layout).
 *
 * <p>Entry point for {@code evaluate} and {@code demo}: {@link #run}.
 */
public final class Emmie {
  static final List<String> DIMENSIONS =
      List.of("effect", "mechanisms", "moderators", "implementation", "economics");
  public static final String JSON = "emmie.json";
  public static final String CSV = "emmie.csv";
  public static final String OVERALL = "Overall";
  static final int MIN_PILOTS_ASSOCIATION = 5;
  static final int MIN_PILOTS_PER_SUBGROUP = 2;
  static final int STRONG_PILOTS = 10;
  static final int MIN_PILOTS_EFFECT = 3;
  static final int MIN_COMPARATORS_EFFECT = 5;
  static final double HIGH_I2 = 50;

  private Emmie() {}

  /** A number behind a dimension. Limits are NaN when not defined. */
  public record Measure(String name, double estimate, double lower, double upper, int nUnits) {
    public Measure {
      Objects.requireNonNull(name, "name is null");
    }

    static Measure of(String name, double estimate, int nUnits) {
      return new Measure(name, estimate, Double.NaN, Double.NaN, nUnits);
    }
  }

  /**
   * One dimension of one entry.
   *
   * @param evidence false for "no evidence": the data cannot support a claim
   * @param rule the conditions that set the quality level
   */
  public record Dimension(
      String dimension,
      int qualityLevel,
      String qualityLabel,
      String rule,
      boolean evidence,
      String narrative,
      List<Measure> measures,
      Map<String, Object> details) {
    public Dimension {
      measures = List.copyOf(measures);
      details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
  }

  /** The summary of one outcome (or {@link #OVERALL}). */
  public record Entry(
      String outcome, Optional<EffectDirection> direction, List<Dimension> dimensions) {
    public Entry {
      dimensions = List.copyOf(dimensions);
    }

    public Dimension dimension(String name) {
      return dimensions.stream()
          .filter(d -> d.dimension().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no dimension " + name));
    }
  }

  /**
   * What the summary is built from.
   *
   * @param pilotGroups each pilot's moderator label (blank when none), in pilot order
   * @param instruments the instrument analyses, if any instruments were found
   */
  public record Inputs(
      String intervention,
      int year,
      List<String> outcomes,
      List<EffectRow> rows,
      Map<String, String> pilotGroups,
      List<String> comparators,
      List<Cmo> cmos,
      Optional<InstrumentAnalysis.Results> instruments) {
    public Inputs {
      outcomes = List.copyOf(outcomes);
      rows = List.copyOf(rows);
      pilotGroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pilotGroups));
      comparators = List.copyOf(comparators);
      cmos = List.copyOf(cmos);
    }
  }

  /** What {@link #run} wrote. */
  public record Result(List<Entry> entries, Path json, Path csv, InstrumentSet instruments) {}

  /**
   * Analyses the instruments (read from the lake by {@code InstrumentLake.read}, or from files by
   * {@code InstrumentSet.read}) and publishes them under {@code out/publish/}, reads the config's
   * CMO file, and writes the EMMIE summary beside the evaluation's outputs.
   */
  public static Result run(
      EvaluationConfig config,
      Evaluation.Result evaluation,
      InstrumentSet set,
      Path out,
      Progress progress) {
    Path publish = out.resolve("publish");
    set.report().forEach(line -> progress.report("instruments: " + line));
    Optional<InstrumentAnalysis.Results> instruments = Optional.empty();
    if (!set.isEmpty()) {
      DisclosureProfile profile =
          config.disclosure().equals("ons-10-5")
              ? DisclosureProfile.ons10And5()
              : DisclosureProfile.dfe();
      instruments =
          Optional.of(
              InstrumentAnalysis.run(
                  set,
                  LaGroups.of(evaluation.group().pilots(), evaluation.group().comparators()),
                  profile,
                  CostAnalysis.priceIndex(),
                  OptionalInt.empty(),
                  publish));
    }
    Map<String, String> groups = new LinkedHashMap<>();
    config.pilots().forEach(pilot -> groups.put(pilot.la(), pilot.group()));
    List<Cmo> cmos = config.cmo().map(Cmo::load).orElse(List.of());
    Inputs inputs =
        new Inputs(
            config.name(),
            config.lastYear(),
            config.outcomes(),
            evaluation.rows(),
            groups,
            evaluation.group().comparators(),
            cmos,
            instruments);
    List<Entry> entries = summarise(inputs);
    Path json = out.resolve(JSON);
    Path csv = publish.resolve(CSV);
    write(inputs, entries, json, csv, set);
    progress.report("emmie: " + entries.size() + " entries in " + json);
    return new Result(entries, json, csv, set);
  }

  /** The summary entries: one per outcome, then {@link #OVERALL}. */
  public static List<Entry> summarise(Inputs inputs) {
    List<Entry> entries = new ArrayList<>();
    Dimension implementation = Implementation.of(inputs);
    for (String outcome : inputs.outcomes()) {
      Optional<EffectRow> main = mainEstimate(inputs.rows(), outcome);
      Dimension effect = Effects.of(inputs, outcome);
      entries.add(
          new Entry(
              outcome,
              main.map(EffectRow::direction),
              List.of(
                  effect,
                  Mechanisms.of(inputs, outcome),
                  Moderators.of(inputs, outcome),
                  implementation,
                  Economics.of(inputs, Optional.of(outcome), main))));
    }
    entries.add(overall(inputs, entries, implementation));
    return entries;
  }

  private static Entry overall(Inputs inputs, List<Entry> outcomes, Dimension implementation) {
    List<Dimension> dimensions = new ArrayList<>();
    for (String name : List.of("effect", "mechanisms", "moderators")) {
      int level = outcomes.stream().mapToInt(e -> e.dimension(name).qualityLevel()).min().orElse(0);
      Map<EffectDirection, Integer> counts = new TreeMap<>();
      outcomes.forEach(e -> e.direction().ifPresent(d -> counts.merge(d, 1, Integer::sum)));
      StringBuilder narrative = new StringBuilder();
      if (name.equals("effect")) {
        Map<String, Integer> byWord = new LinkedHashMap<>();
        List.of("fell", "rose", "showed no clear overall change").forEach(w -> byWord.put(w, 0));
        counts.forEach((direction, n) -> byWord.merge(overallWord(direction), n, Integer::sum));
        List<String> parts = new ArrayList<>();
        byWord.forEach((word, n) -> parts.add(n + " " + word));
        narrative
            .append(
                String.format(
                    Locale.ROOT,
                    "Across %d outcome%s, the pooled estimate: ",
                    outcomes.size(),
                    outcomes.size() == 1 ? "" : "s"))
            .append(counts.isEmpty() ? "none estimated" : String.join(", ", parts))
            .append(". ");
      } else {
        long withEvidence = outcomes.stream().filter(e -> e.dimension(name).evidence()).count();
        narrative.append(
            String.format(
                Locale.ROOT,
                "%d of %d outcomes have %s evidence. ",
                withEvidence,
                outcomes.size(),
                name.equals("mechanisms") ? "mechanism" : "moderator"));
      }
      narrative.append(levelSentence(name, level));
      dimensions.add(
          new Dimension(
              name,
              level,
              QualityLevels.label(name, level),
              "the lowest level across the outcomes (a conservative overall rating)",
              outcomes.stream().anyMatch(e -> e.dimension(name).evidence()),
              narrative.toString(),
              List.of(),
              Map.of()));
    }
    dimensions.add(implementation);
    dimensions.add(Economics.of(inputs, Optional.empty(), Optional.empty()));
    return new Entry(OVERALL, Optional.empty(), dimensions);
  }

  /** "fell", "rose" or "showed no clear overall change": the pooled estimate's own interval. */
  private static String overallWord(EffectDirection direction) {
    return switch (direction) {
      case REDUCED, REDUCED_SOME_INCREASE -> "fell";
      case INCREASED, INCREASED_SOME_REDUCTION -> "rose";
      default -> "showed no clear overall change";
    };
  }

  /**
   * An EMMIE effect-scale category in words, for readers who do not know the codes of {@code
   * effects.csv}: "fell", "no clear overall change; some pilots rose", and so on.
   */
  public static String directionInWords(EffectDirection direction) {
    return switch (direction) {
      case REDUCED -> "fell";
      case REDUCED_SOME_INCREASE -> "fell overall, though some pilots rose";
      case SOME_REDUCTION_NS -> "no clear overall change; some pilots fell";
      case MIXED_NS -> "no clear overall change; some pilots fell and some rose";
      case NO_EFFECT -> "no clear change";
      case SOME_INCREASE_NS -> "no clear overall change; some pilots rose";
      case INCREASED_SOME_REDUCTION -> "rose overall, though some pilots fell";
      case INCREASED -> "rose";
    };
  }

  /**
   * The outcome as a sentence names it: the catalogue's label with a lower-case first letter, "the
   * percentage of ..." for percentages ("initial child protection conferences per 10,000
   * children"); the column name for an outcome that is not in the catalogue.
   */
  static String outcomeInWords(String outcome) {
    return Indicator.byColumn(outcome)
        .map(
            indicator ->
                (indicator.kind() == Indicator.Kind.PERCENT ? "the " : "")
                    + lowerFirst(outcomeLabel(outcome)))
        .orElse(outcome);
  }

  /** The catalogue's label of the outcome, or its column name when it is not in the catalogue. */
  public static String outcomeLabel(String outcome) {
    return Indicator.byColumn(outcome).map(Indicator::label).orElse(outcome);
  }

  /** The unit of a change of one in the outcome: "1 percentage point" or "1". */
  static String oneUnitOf(String outcome) {
    return Indicator.byColumn(outcome)
        .filter(indicator -> indicator.kind() == Indicator.Kind.PERCENT)
        .map(indicator -> "1 percentage point")
        .orElse("1");
  }

  /** "p = 0.042" (three decimals), or "p < 0.001" rather than "p = 0.000". */
  static String pEquals(double p) {
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
  }

  /** The pooled two-way fixed-effects DiD, else the DerSimonian-Laird pool of per-pilot DiDs. */
  static Optional<EffectRow> mainEstimate(List<EffectRow> rows, String outcome) {
    Optional<EffectRow> twfe = find(rows, outcome, "did_twfe");
    return twfe.isPresent() ? twfe : find(rows, outcome, "pooled_dl");
  }

  static Optional<EffectRow> find(List<EffectRow> rows, String outcome, String method) {
    return rows.stream()
        .filter(row -> row.outcome().equals(outcome) && row.method().equals(method))
        .filter(row -> row.unit().equals(EffectRow.ALL_PILOTS))
        .findFirst();
  }

  /** Per-pilot DiD rows of an outcome, by LA. */
  static Map<String, EffectRow> perPilot(List<EffectRow> rows, String outcome) {
    Map<String, EffectRow> byLa = new LinkedHashMap<>();
    rows.stream()
        .filter(row -> row.outcome().equals(outcome) && row.method().equals("did_pilot"))
        .filter(row -> Double.isFinite(row.estimate()) && row.standardError() > 0)
        .forEach(row -> byLa.put(row.unit(), row));
    return byLa;
  }

  static String levelSentence(String dimension, int level) {
    return String.format(
        Locale.ROOT,
        "Evidence quality %d of 4: %s.",
        level,
        lowerFirst(QualityLevels.label(dimension, level)));
  }

  static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * A number as the narratives and the report print it: whole with thousands separators from 100,
   * else two decimals, and two significant figures below 0.01 (so a small p-value is not "0.00");
   * "n/a" when not finite.
   */
  static String number(double value) {
    return number(value, 2);
  }

  /** As {@link #number(double)} with {@code decimals} below 100. */
  static String number(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude > 0 && magnitude < 0.01) {
      return new BigDecimal(value).round(new MathContext(2)).toPlainString();
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /**
   * Decimals of the instrument measures: the instrument tables publish scores and percentages to
   * one decimal (docs/instruments.md), and the narrative and the report's measures table quote the
   * same rounded values.
   */
  static final int INSTRUMENT_DECIMALS = 1;

  private static final Set<String> INSTRUMENT_MEASURES =
      Set.of(
          "audit_mapping_score",
          "audit_percent_criteria_met",
          "audit_mapping_score_change",
          "self_rating",
          "self_rating_change",
          "training_reach_percent");

  /**
   * A value of a measure (its estimate or a limit) as the narrative quotes it: an instrument
   * measure to {@link #INSTRUMENT_DECIMALS}, others by {@link #number(double)}; empty when not
   * finite.
   */
  public static String formatted(Measure measure, double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    return INSTRUMENT_MEASURES.contains(measure.name())
        ? number(value, INSTRUMENT_DECIMALS)
        : number(value);
  }

  private static final List<Column> CSV_COLUMNS =
      List.of(
          Column.filter("outcome", "Outcome (Overall = across outcomes)"),
          Column.filter("dimension", "EMMIE dimension"),
          Column.filter("measure", "Measure"),
          Column.indicator("estimate", "Estimate", "Estimate", "", 3),
          Column.indicator("lower_ci", "Lower 95% confidence limit", "Estimate", "", 3),
          Column.indicator("upper_ci", "Upper 95% confidence limit", "Estimate", "", 3),
          Column.indicator("n_units", "LAs (pilots) the measure rests on", "Data", "", 0),
          Column.indicator("quality_level", "EMMIE-Q evidence quality (0-4)", "Quality", "", 0));

  private static void write(
      Inputs inputs, List<Entry> entries, Path json, Path csv, InstrumentSet set) {
    List<List<String>> rows = new ArrayList<>();
    for (Entry entry : entries) {
      for (Dimension dimension : entry.dimensions()) {
        List<Measure> measures = new ArrayList<>(dimension.measures());
        if (measures.isEmpty()) {
          measures.add(new Measure("quality_level", Double.NaN, Double.NaN, Double.NaN, 0));
        }
        for (Measure measure : measures) {
          List<String> cells = new ArrayList<>();
          cells.addAll(
              List.of(
                  Integer.toString(inputs.year()),
                  "Reporting year",
                  "National",
                  "E92000001",
                  "England",
                  "",
                  "",
                  "",
                  "",
                  ""));
          cells.add(entry.outcome());
          cells.add(dimension.dimension());
          cells.add(measure.name());
          cells.add(cell(measure.estimate()));
          cells.add(cell(measure.lower()));
          cells.add(cell(measure.upper()));
          cells.add(Integer.toString(measure.nUnits()));
          cells.add(Integer.toString(dimension.qualityLevel()));
          rows.add(cells);
        }
      }
    }
    EesFile.write(csv, CSV_COLUMNS, rows);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("intervention", inputs.intervention());
    root.put(
        "quality_scale",
        "EMMIE-Q 0-4 per dimension; wording in data-schemas/emmie/quality_levels.yaml");
    root.put("pilots", inputs.pilotGroups());
    root.put("comparators", inputs.comparators());
    List<Object> list = new ArrayList<>();
    for (Entry entry : entries) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("outcome", entry.outcome());
      entry.direction().ifPresent(direction -> node.put("direction", direction.label()));
      for (Dimension dimension : entry.dimensions()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("quality_level", dimension.qualityLevel());
        d.put("quality_label", dimension.qualityLabel());
        d.put("quality_rule", dimension.rule());
        d.put("evidence", dimension.evidence() ? "yes" : "no evidence");
        d.put("narrative", dimension.narrative());
        List<Object> measures = new ArrayList<>();
        for (Measure measure : dimension.measures()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("measure", measure.name());
          m.put("estimate", json(measure.estimate()));
          m.put("lower_ci", json(measure.lower()));
          m.put("upper_ci", json(measure.upper()));
          m.put("n_units", measure.nUnits());
          measures.add(m);
        }
        d.put("measures", measures);
        d.putAll(dimension.details());
        node.put(dimension.dimension(), d);
      }
      list.add(node);
    }
    root.put("entries", list);
    Map<String, Object> ledger = new LinkedHashMap<>();
    set.ledger()
        .forEach(
            (name, counts) ->
                ledger.put(
                    name,
                    Map.of("rows_read", counts[0], "valid", counts[1], "rejected", counts[2])));
    root.put("instrument_rows", ledger);
    root.put("instrument_problems", set.problems().stream().map(Object::toString).toList());
    root.put(
        "rejected_instrument_files", set.rejectedFiles().stream().map(Object::toString).toList());
    try {
      Files.createDirectories(json.toAbsolutePath().getParent());
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Files.writeString(json, mapper.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + json, e);
    }
  }

  private static String cell(double value) {
    if (!Double.isFinite(value)) {
      return "x";
    }
    return new java.math.BigDecimal(value)
        .round(java.math.MathContext.DECIMAL64)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static Object json(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** Instrument names for the narrative. */
  static String scaleName(String qualified) {
    String[] parts = qualified.split("\\.", 2);
    if (parts.length != 2) {
      return qualified;
    }
    try {
      InstrumentSchema schema = InstrumentSchema.of(parts[0]);
      return schema.scales().stream()
          .filter(scale -> scale.id().equals(parts[1]))
          .map(scale -> schema.title().toLowerCase(Locale.ROOT) + " '" + scale.label() + "'")
          .findFirst()
          .orElse(qualified);
    } catch (IllegalArgumentException e) {
      return qualified;
    }
  }
}
