package org.soseval.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.soseval.pipeline.compare.Evaluation;
import org.soseval.pipeline.compare.EvaluationConfig;
import org.soseval.pipeline.compare.LaYearPanel;
import org.soseval.pipeline.derive.LakeIndicators;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.PlantedEffect;
import org.soseval.pipeline.generate.PlantedOutcome;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.report.Report;
import org.soseval.pipeline.report.ReportEvidence;
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
          + " collection years 2012-2019, a 10% drop in ICPCs planted after go-live), runs every"
          + " stage and prints where the results are."
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
            seed, scale, COMPARATORS, List.of(new PlantedEffect(PlantedOutcome.ICPC_RATE, -0.10)));
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
    Evaluation.Result evaluation =
        Evaluation.run(
            evaluationConfig(design, root),
            LaYearPanel.fromPanelRows(derived.rows(), "deposits"),
            root.resolve("evaluation"),
            err::println);
    err.println("demo: writing the report");
    EvaluationConfig config = evaluationConfig(design, root);
    Report.Written report =
        Report.write(
            new Report.Input(config, evaluation, ReportEvidence.none()),
            root.resolve("evaluation"),
            Clock.systemUTC());
    terminal.println("Demo evaluation in " + root);
    terminal.println("  deposits:   " + root.resolve("deposits"));
    terminal.println("  lake:       " + root.resolve("lake"));
    terminal.println(
        "  indicators: "
            + root.resolve("indicators").resolve("publish").resolve("la_indicators.csv"));
    terminal.println("  effects:    " + evaluation.effects());
    terminal.println("  report:     " + report.index());
    terminal.println("  pdf:        " + report.pdf());
    terminal.println("  log:        " + log);
    return ingested;
  }

  /** The evaluation of the demo's design: its pilots against its comparison LAs, 2012-2019. */
  static EvaluationConfig evaluationConfig(Design design, Path root) {
    return new EvaluationConfig(
        root.resolve("evaluation.yaml"),
        "Demo: synthetic Signs of Safety pilots against comparison LAs",
        design.firstYear(),
        design.lastYear(),
        design.pilots().stream()
            .map(pilot -> new EvaluationConfig.PilotSpec(pilot.la(), pilot.start(), pilot.group()))
            .toList(),
        new EvaluationConfig.Comparison(
            EvaluationConfig.ComparisonMethod.LIST, "2021", design.comparators(), false),
        true,
        OUTCOMES,
        new EvaluationConfig.Sources(
            Optional.of(root.resolve("deposits")), Optional.empty(), Optional.empty()),
        DRAWS,
        design.seed(),
        "dfe",
        Optional.empty(),
        Optional.empty());
  }
}
