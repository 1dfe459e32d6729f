package org.soseval.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.soseval.pipeline.compare.Evaluation;
import org.soseval.pipeline.compare.EvaluationConfig;
import org.soseval.pipeline.compare.LaYearPanel;
import org.soseval.pipeline.derive.LakeIndicators;
import org.soseval.pipeline.emmie.Emmie;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.Pilot;
import org.soseval.pipeline.generate.PlantedEffect;
import org.soseval.pipeline.generate.PlantedOutcome;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.publish.CaseLevelDisclosure;
import org.soseval.pipeline.report.EmmieEvidence;
import org.soseval.pipeline.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sos-eval demo}: a synthetic evaluation, run through every stage the project has. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a demo evaluation (the ten 2014 Signs of Safety pilots and 20 comparison LAs,"
          + " collection years 2012-2019, a 25%% drop in ICPCs planted after go-live, evaluation"
          + " instruments), then ingests it, derives the indicators, evaluates the pilots, writes"
          + " the EMMIE summary and the report, and prints where the results are."
    })
final class DemoCommand implements Callable<Integer> {
  static final int COMPARATORS = 20;
  static final int DRAWS = 999;
  static final List<String> OUTCOMES =
      List.of(
          "icpc_rate", "s47_rate", "cpp_start_rate", "rereferral_12m_percent", "cla_start_rate");

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Options options;

  @Option(
      names = "--out",
      defaultValue = "sos-eval-demo",
      description = "Output folder (default ./${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "20141001",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "0.1",
      description = "Multiplies each LA's child population (default ${DEFAULT-VALUE}).")
  double scale;

  @Override
  public Integer call() {
    Path root = out.toAbsolutePath().normalize();
    Path log = Logs.use(root.resolve("logs").resolve("sos-eval.log"));
    Design design =
        Designs.waveOneDemo(
            seed, scale, COMPARATORS, List.of(new PlantedEffect(PlantedOutcome.ICPC_RATE, -0.25)));
    PrintWriter terminal = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.println("demo: generating deposits for 10 pilots and " + COMPARATORS + " comparison LAs");
    GenerateCommand.run(design, root.resolve("deposits"), terminal, err::println);
    String environment = System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE);
    PseudonymKey key = IngestCommand.key(null, environment, true);
    err.println(
        "demo: ingesting into "
            + root.resolve("lake")
            + (environment == null || environment.isEmpty()
                ? " with a random in-memory pseudonym key (never written; set "
                    + PseudonymKey.ENVIRONMENT_VARIABLE
                    + " to get pseudonyms that link across runs)"
                : " with the key in " + PseudonymKey.ENVIRONMENT_VARIABLE));
    int ingested =
        IngestCommand.run(
            root.resolve("deposits"), root.resolve("lake"), key, terminal, err::println);
    // files rejected whole leave the rest of the lake usable: derive from what was ingested
    LakeIndicators.Result derived =
        IndicatorsCommand.run(
            root.resolve("lake"),
            root.resolve("indicators"),
            root.resolve("deposits").resolve("population.csv"),
            terminal,
            err::println);
    EvaluationConfig config = evaluationConfig(design, root);
    Evaluation.Result evaluation =
        Evaluation.run(
            config,
            LaYearPanel.fromCaseLevel(
                derived.rows(), "deposits", CaseLevelDisclosure.of(config.disclosureProfile())),
            root.resolve("evaluation"),
            err::println);
    Emmie.Result emmie =
        Emmie.run(
            config,
            evaluation,
            IngestCommand.instruments(root.resolve("lake")),
            root.resolve("evaluation"),
            err::println);
    err.println("demo: writing the report");
    Report.Written report =
        Report.write(
            new Report.Input(config, evaluation, EmmieEvidence.of(emmie)),
            root.resolve("evaluation"),
            Clock.systemUTC());
    terminal.println("Demo evaluation in " + root);
    terminal.println("  deposits:   " + root.resolve("deposits"));
    terminal.println("  lake:       " + root.resolve("lake"));
    terminal.println(
        "  indicators: "
            + root.resolve("indicators").resolve("publish").resolve("la_indicators.csv"));
    terminal.println("  effects:    " + evaluation.effects());
    terminal.println("  emmie:      " + emmie.json());
    terminal.println("  report:     " + report.index());
    terminal.println("  pdf:        " + report.pdf());
    terminal.println("  log:        " + log);
    return ingested;
  }

  /**
   * Writes the evaluation config of the demo's design (its pilots against its comparison LAs, on
   * the deposits) to {@code OUT/evaluation.yaml} and reads it back, so the demo's evaluation can be
   * rerun with {@code sos-eval evaluate --config}.
   */
  static EvaluationConfig evaluationConfig(Design design, Path root) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# The demo's evaluation. Rerun it with\n")
        .append("#   ./sos-eval evaluate --config evaluation.yaml --out evaluation-again\n")
        .append("# (set SOS_EVAL_KEY, or privacy.key_file, to pseudonymise the deposits again).\n")
        .append("name: Demo - synthetic Signs of Safety pilots against comparison LAs\n")
        .append("reporting_years: ")
        .append(design.firstYear())
        .append('-')
        .append(design.lastYear())
        .append("\npilots:\n");
    for (Pilot pilot : design.pilots()) {
      yaml.append("  - {la: \"")
          .append(pilot.la())
          .append("\", start: ")
          .append(pilot.start())
          .append(", group: \"")
          .append(pilot.group())
          .append("\"}\n");
    }
    yaml.append("comparison:\n  method: list\n  authorities: [")
        .append(
            design.comparators().stream()
                .map(code -> "\"" + code + "\"")
                .collect(java.util.stream.Collectors.joining(", ")))
        .append("]\nexclude_implementation_year: true\noutcomes: [")
        .append(String.join(", ", OUTCOMES))
        .append("]\nsources:\n  deposits: deposits\nbootstrap:\n  draws: ")
        .append(DRAWS)
        .append("\n  seed: ")
        .append(design.seed())
        .append('\n');
    Path file = root.resolve("evaluation.yaml");
    try {
      Files.writeString(file, yaml.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return EvaluationConfig.load(file);
  }
}
