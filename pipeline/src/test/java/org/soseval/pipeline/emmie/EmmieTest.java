package org.soseval.pipeline.emmie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.compare.ComparisonGroup;
import org.soseval.pipeline.compare.EffectDirection;
import org.soseval.pipeline.compare.EffectEstimator;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.compare.Evaluation;
import org.soseval.pipeline.compare.EvaluationConfig;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.InstrumentDeposits;
import org.soseval.pipeline.generate.Pilot;
import org.soseval.pipeline.instruments.InstrumentSet;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.publish.EesChecker;

/** EMMIE summaries of constructed evaluation results whose effects are known. */
class EmmieTest {
  private static final double Z = 1.959963984540054;
  private static final Design WAVE_ONE = Designs.waveOneDemo(20141001L, 0.1, 20, List.of());

  @TempDir Path temp;

  private static EffectRow row(
      String outcome,
      String unit,
      String method,
      OptionalInt term,
      double estimate,
      double se,
      OptionalDouble wild,
      int units,
      EffectDirection direction,
      EffectRow.Diagnostics diagnostics) {
    return new EffectRow(
        outcome,
        unit,
        method,
        term,
        estimate,
        se,
        estimate - Z * se,
        estimate + Z * se,
        0.01,
        wild,
        units,
        units * 7,
        direction,
        diagnostics);
  }

  /** Per-pilot DiDs as given, a pooled DiD and DL pool, and event-study leads near zero. */
  private static List<EffectRow> evaluation(
      String outcome,
      Map<String, Double> perPilot,
      double pooled,
      double pooledSe,
      double wildP,
      double i2,
      int comparators) {
    List<EffectRow> rows = new ArrayList<>();
    int reduced = 0;
    int increased = 0;
    for (Map.Entry<String, Double> pilot : perPilot.entrySet()) {
      EffectDirection direction =
          EffectDirection.ofInterval(pilot.getValue() - Z, pilot.getValue() + Z);
      reduced += direction == EffectDirection.REDUCED ? 1 : 0;
      increased += direction == EffectDirection.INCREASED ? 1 : 0;
      rows.add(
          row(
              outcome,
              pilot.getKey(),
              "did_pilot",
              OptionalInt.empty(),
              pilot.getValue(),
              1.0,
              OptionalDouble.empty(),
              comparators + 1,
              direction,
              EffectRow.Diagnostics.placebo(0.05)));
    }
    int units = perPilot.size() + comparators;
    EffectDirection pooledDirection =
        EffectDirection.ofPooled(pooled - Z * pooledSe, pooled + Z * pooledSe, reduced, increased);
    rows.add(
        row(
            outcome,
            EffectRow.ALL_PILOTS,
            "did_twfe",
            OptionalInt.empty(),
            pooled,
            pooledSe,
            OptionalDouble.of(wildP),
            units,
            pooledDirection,
            EffectRow.Diagnostics.NONE));
    rows.add(
        row(
            outcome,
            EffectRow.ALL_PILOTS,
            "pooled_dl",
            OptionalInt.empty(),
            pooled,
            pooledSe,
            OptionalDouble.empty(),
            perPilot.size(),
            pooledDirection,
            EffectRow.Diagnostics.heterogeneity(i2, 0.1, 9)));
    for (int term = -4; term <= 3; term++) {
      if (term == -1) {
        continue;
      }
      double estimate = term < -1 ? 0.1 * term : pooled;
      rows.add(
          row(
              outcome,
              EffectRow.ALL_PILOTS,
              "event_study",
              OptionalInt.of(term),
              estimate,
              0.8,
              OptionalDouble.empty(),
              units,
              EffectDirection.ofInterval(estimate - Z * 0.8, estimate + Z * 0.8),
              EffectRow.Diagnostics.NONE));
    }
    return rows;
  }

  private static Map<String, String> groups(Design design) {
    Map<String, String> groups = new LinkedHashMap<>();
    design.pilots().forEach(pilot -> groups.put(pilot.la(), pilot.group()));
    return groups;
  }

  @Test
  void statesAPlantedReductionWithTheHighestEffectQuality() {
    Map<String, Double> perPilot = new LinkedHashMap<>();
    double[] offsets = {-0.8, 0.4, -0.2, 0.6, -0.5, 0.1, 0.3, -0.4, 0.7, -0.2};
    for (int i = 0; i < WAVE_ONE.pilots().size(); i++) {
      perPilot.put(WAVE_ONE.pilots().get(i).la(), -5 + offsets[i]);
    }
    Emmie.Inputs inputs =
        new Emmie.Inputs(
            "SoS",
            2019,
            List.of("icpc_rate"),
            evaluation("icpc_rate", perPilot, -5, 1, 0.004, 12, 20),
            groups(WAVE_ONE),
            WAVE_ONE.comparators(),
            Cmo.load(Path.of("../examples/cmo.yaml")),
            Optional.empty());
    List<Emmie.Entry> entries = Emmie.summarise(inputs);
    Emmie.Entry icpc = entries.get(0);
    assertThat(icpc.direction()).contains(EffectDirection.REDUCED);
    Emmie.Dimension effect = icpc.dimension("effect");
    assertThat(effect.qualityLevel()).isEqualTo(4);
    assertThat(effect.evidence()).isTrue();
    assertThat(effect.narrative())
        .isEqualTo(
            "Initial child protection conferences per 10,000 children: the pooled"
                + " difference-in-differences estimate across 10 pilots and 20"
                + " comparison LAs is -5.00 (95% CI -6.96 to -3.04), wild-cluster bootstrap p ="
                + " 0.004: the outcome fell in the pilots relative to the comparison LAs. Evidence"
                + " quality 4 of 4: as level 3, with consistent effects across pilots and a"
                + " small-sample (wild bootstrap) test that agrees.");
    Emmie.Dimension mechanisms = icpc.dimension("mechanisms");
    assertThat(mechanisms.qualityLevel()).isEqualTo(2);
    assertThat(mechanisms.evidence()).isFalse();
    assertThat(mechanisms.narrative())
        .contains(
            "1 CMO configuration bears on initial child protection conferences per 10,000"
                + " children (CMO-1 candidate")
        .contains("No mechanism indicator was measured");
    Emmie.Dimension moderators = icpc.dimension("moderators");
    assertThat(moderators.qualityLevel()).isEqualTo(4);
    assertThat(moderators.narrative())
        .contains("no evidence that the effect differs between groups");
    assertThat(icpc.dimension("economics").narrative()).startsWith("No evidence on costs");
    assertThat(icpc.dimension("implementation").qualityLevel()).isZero();
    assertThat(entries.get(1).outcome()).isEqualTo(Emmie.OVERALL);
    assertThat(entries.get(1).dimension("effect").narrative())
        .startsWith(
            "Across 1 outcome, the pooled estimate: 1 fell, 0 rose, 0 showed no clear overall"
                + " change.");
  }

  @Test
  void saysNoEvidenceWhereTheDataCannotSupportAClaim() {
    Map<String, Double> perPilot = new LinkedHashMap<>();
    perPilot.put("855", 1.2);
    perPilot.put("925", -0.9);
    perPilot.put("926", 0.4);
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put("855", "2+ years");
    groups.put("925", "new");
    groups.put("926", "2 years");
    List<EffectRow> rows = new ArrayList<>(evaluation("s47_rate", perPilot, 0.3, 0.9, 0.6, 70, 3));
    rows.removeIf(row -> row.method().equals("event_study"));
    Emmie.Inputs inputs =
        new Emmie.Inputs(
            "SoS",
            2019,
            List.of("s47_rate", "cla_start_rate"),
            rows,
            groups,
            List.of("304", "801", "873"),
            List.of(),
            Optional.empty());
    List<Emmie.Entry> entries = Emmie.summarise(inputs);
    Emmie.Entry s47 = entries.get(0);
    assertThat(s47.direction()).contains(EffectDirection.NO_EFFECT);
    assertThat(s47.dimension("effect").qualityLevel()).isEqualTo(2);
    assertThat(s47.dimension("effect").rule())
        .contains("3 pilots with a DiD and 3 comparison LAs (level 3 needs 3 and 5): not met")
        .contains("pre-trends untested");
    assertThat(s47.dimension("effect").narrative())
        .contains("there is no evidence of a statistically significant effect");
    assertThat(s47.dimension("moderators").evidence()).isFalse();
    assertThat(s47.dimension("moderators").narrative())
        .contains(
            "no evidence on moderation: a test needs at least 2 groups with 2 or more pilots each");
    assertThat(s47.dimension("mechanisms").qualityLevel()).isZero();
    Emmie.Entry cla = entries.get(1);
    assertThat(cla.direction()).isEmpty();
    assertThat(cla.dimension("effect").qualityLevel()).isZero();
    assertThat(cla.dimension("effect").narrative())
        .startsWith("cla_start_rate: no evidence - no pooled estimate");
  }

  @Test
  void relatesInstrumentsToPerPilotEffectsAndPublishesThroughTheEesChecks() throws IOException {
    Design design = Designs.waveOneDemo(20141001L, 0.1, 6, List.of());
    Path deposits = temp.resolve("deposits");
    InstrumentDeposits.writeAll(design, deposits);
    Map<String, Double> perPilot = new LinkedHashMap<>();
    for (Pilot pilot : design.pilots()) {
      perPilot.put(pilot.la(), -2 - 8 * InstrumentDeposits.depth(design, pilot.la()));
    }
    Files.copy(Path.of("../examples/cmo.yaml"), temp.resolve("cmo.yaml"));
    StringBuilder yaml = new StringBuilder("name: test\nreporting_years: 2012-2019\npilots:\n");
    for (Pilot pilot : design.pilots()) {
      yaml.append("  - {la: ")
          .append(pilot.la())
          .append(", start: ")
          .append(pilot.start())
          .append(", group: ")
          .append(pilot.group())
          .append("}\n");
    }
    yaml.append("comparison: {method: list, authorities: [")
        .append(String.join(", ", design.comparators()))
        .append("]}\n")
        .append("outcomes: [icpc_rate]\nsources: {panel: panel.csv}\ncmo: cmo.yaml\n");
    Path configFile = Files.writeString(temp.resolve("evaluation.yaml"), yaml);
    EvaluationConfig config = EvaluationConfig.load(configFile);
    List<String> pilots = design.pilots().stream().map(Pilot::la).toList();
    Evaluation.Result evaluation =
        new Evaluation.Result(
            new ComparisonGroup(pilots, design.comparators(), "listed"),
            List.of(
                new EffectEstimator.OutcomeEffects(
                    "icpc_rate",
                    evaluation("icpc_rate", perPilot, -7, 0.8, 0.002, 20, 6),
                    List.of(),
                    List.of())),
            temp.resolve("effects.csv"),
            temp.resolve("panel.csv"),
            temp.resolve("evaluation.json"));
    Path out = temp.resolve("out");
    Emmie.Result result =
        Emmie.run(
            config,
            evaluation,
            InstrumentSet.read(List.of(deposits), Pseudonymiser.create(PseudonymKey.random())),
            out,
            Progress.SILENT);

    Emmie.Entry icpc = result.entries().get(0);
    Emmie.Dimension moderators = icpc.dimension("moderators");
    Emmie.Measure slope =
        moderators.measures().stream()
            .filter(m -> m.name().equals("slope_implementation_depth"))
            .findFirst()
            .orElseThrow();
    assertThat(slope.upper()).isNegative();
    assertThat(moderators.narrative()).contains("implementation depth moderates the effect");
    Emmie.Dimension mechanisms = icpc.dimension("mechanisms");
    assertThat(mechanisms.qualityLevel()).isEqualTo(4);
    Emmie.Measure r =
        mechanisms.measures().stream()
            .filter(m -> m.name().equals("r_family_survey.relationship"))
            .findFirst()
            .orElseThrow();
    assertThat(r.estimate()).isLessThan(-0.5);
    assertThat(r.nUnits()).isEqualTo(10);
    assertThat(icpc.dimension("implementation").qualityLevel()).isEqualTo(4);
    Emmie.Dimension economics = icpc.dimension("economics");
    assertThat(economics.qualityLevel()).isEqualTo(4);
    assertThat(economics.narrative())
        .contains(
            "Each reduction of 1 in initial child protection conferences per 10,000 children cost"
                + " about £");

    // the narrative quotes the self-rating as the published table rounds it
    Emmie.Dimension implementation = icpc.dimension("implementation");
    Emmie.Measure selfRating = measure(implementation, "self_rating");
    Emmie.Measure change = measure(implementation, "self_rating_change");
    List<String> total =
        Files.readAllLines(out.resolve("publish/implementation_ratings.csv")).stream()
            .filter(line -> line.contains(",National,") && line.contains(",Pilots,Total,"))
            .reduce((first, second) -> second)
            .map(line -> List.of(line.split(",", -1)))
            .orElseThrow();
    String publishedScore = total.get(total.size() - 2);
    String publishedChange = total.get(total.size() - 1);
    assertThat(Emmie.formatted(selfRating, selfRating.estimate())).isEqualTo(publishedScore);
    assertThat(Emmie.formatted(change, change.estimate())).isEqualTo(publishedChange);
    assertThat(implementation.narrative())
        .contains(
            "Self-rated implementation in 10 pilots: "
                + publishedScore
                + " of 10 at the latest wave, +"
                + publishedChange
                + " since the first.");

    assertThat(EesChecker.checkDirectory(out.resolve("publish")).failures()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(result.json().toFile());
    assertThat(json.at("/entries/0/effect/quality_level").asInt()).isEqualTo(4);
    assertThat(json.at("/entries/0/mechanisms/cmo_configurations/0/id").asText())
        .isEqualTo("CMO-1");
    assertThat(json.at("/instrument_rows/family_survey/rejected").asInt()).isZero();

    // the report shows every measure behind a rating by a reader's label, not its CSV name
    for (Emmie.Entry entry : result.entries()) {
      for (String dimension : Emmie.DIMENSIONS) {
        for (Emmie.Measure m : entry.dimension(dimension).measures()) {
          assertThat(MeasureLabels.label(m.name())).as(m.name()).isNotEqualTo(m.name());
        }
      }
    }
    assertThat(MeasureLabels.label("r_family_survey.relationship"))
        .startsWith("Correlation of the pilots' effects with the family")
        .doesNotContain("r_family_survey");
  }

  private static Emmie.Measure measure(Emmie.Dimension dimension, String name) {
    return dimension.measures().stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void numbersAreWholeFromAHundredAndKeepTwoSignificantFiguresWhenSmall() {
    assertThat(Emmie.number(3516014.24)).isEqualTo("3,516,014");
    assertThat(Emmie.number(-2.345)).isEqualTo("-2.35");
    assertThat(Emmie.number(0.00043019)).isEqualTo("0.00043");
    assertThat(Emmie.number(0)).isEqualTo("0.00");
    assertThat(Emmie.number(Double.NaN)).isEqualTo("n/a");
    assertThat(Emmie.number(6.279166, 1)).isEqualTo("6.3");
    Emmie.Measure cost = Emmie.Measure.of("cost_total", 3516014.24, 10);
    assertThat(Emmie.formatted(cost, cost.estimate())).isEqualTo("3,516,014");
    Emmie.Measure reach = new Emmie.Measure("training_reach_percent", 69.361, 67.599, 71.069, 10);
    assertThat(Emmie.formatted(reach, reach.lower())).isEqualTo("67.6");
    assertThat(Emmie.formatted(reach, Double.NaN)).isEmpty();
  }

  @Test
  void narrativesNameOutcomesInWordsAndNeverPrintAZeroPValue() {
    assertThat(Emmie.outcomeInWords("icpc_rate"))
        .isEqualTo("initial child protection conferences per 10,000 children");
    assertThat(Emmie.outcomeInWords("rereferral_12m_percent"))
        .isEqualTo("the percentage of referrals within 12 months of a previous referral");
    assertThat(Emmie.outcomeInWords("evaluator_outcome")).isEqualTo("evaluator_outcome");
    assertThat(Emmie.oneUnitOf("rereferral_12m_percent")).isEqualTo("1 percentage point");
    assertThat(Emmie.oneUnitOf("icpc_rate")).isEqualTo("1");
    assertThat(Emmie.pEquals(0.0)).isEqualTo("p < 0.001");
    assertThat(Emmie.pEquals(0.00049)).isEqualTo("p < 0.001");
    assertThat(Emmie.pEquals(0.001)).isEqualTo("p = 0.001");
    assertThat(Emmie.pEquals(0.8049)).isEqualTo("p = 0.805");
    assertThat(Emmie.directionInWords(EffectDirection.SOME_INCREASE_NS))
        .isEqualTo("no clear overall change; some pilots rose");
  }
}
