package org.soseval.jobs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.soseval.pipeline.compare.EffectRow;
import org.soseval.pipeline.compare.Evaluation;
import org.soseval.pipeline.compare.EvaluationConfig;
import org.soseval.pipeline.compare.LaYearPanel;
import org.soseval.pipeline.derive.LakeIndicators;
import org.soseval.pipeline.emmie.Cmo;
import org.soseval.pipeline.emmie.Emmie;
import org.soseval.pipeline.instruments.InstrumentSet;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.publish.CaseLevelDisclosure;
import org.soseval.pipeline.publish.OutputFolder;
import org.soseval.pipeline.report.EmmieEvidence;
import org.soseval.pipeline.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sos-eval evaluate}: the whole evaluation a config describes. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the pilots of an evaluation config with their comparison LAs: pooled and"
          + " per-pilot difference-in-differences, an event study, DerSimonian-Laird pooling and"
          + " interrupted time series for each outcome. Writes OUT/publish/effects.csv,"
          + " OUT/publish/panel.csv and OUT/evaluation.json, then the report OUT/report/index.html"
          + " (with report.pdf, its charts and data) and the run manifest OUT/manifest.json."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Options options;

  @Option(names = "--config", required = true, description = "The evaluation config (YAML).")
  Path config;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  private static final Function<Path, LaYearPanel> PUBLISHED_STATISTICS =
      folder -> LaYearPanel.fromPublished(PublishedPanel.load(folder));

  /**
   * Case-level deposits: ingested into OUT/lake with the config's key (privacy.key_file, else
   * SOS_EVAL_KEY), then indicators derived into OUT/indicators (rates on the deposits'
   * population.csv when there is one), controlled by the config's privacy.disclosure rules.
   */
  private static LaYearPanel fromDeposits(
      EvaluationConfig evaluation,
      Path root,
      Path work,
      Path deposits,
      PrintWriter terminal,
      PrintWriter err) {
    PseudonymKey key =
        IngestCommand.key(
            evaluation.keyFile().orElse(null),
            System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE),
            false);
    int ingested = IngestCommand.run(deposits, root.resolve("lake"), key, terminal, err::println);
    if (ingested != 0) {
      err.println("evaluate: some deposits were rejected (see the ledger); using the rest");
    }
    Path population = deposits.resolve("population.csv");
    // la_indicators.csv and panel.csv pass the same control, so they publish the same cells
    LakeIndicators.Result derived =
        IndicatorsCommand.run(
            root.resolve("lake"),
            work.resolve("indicators"),
            Files.isRegularFile(population) ? population : null,
            evaluation.disclosureProfile(),
            terminal,
            err::println);
    return LaYearPanel.fromCaseLevel(
        derived.rows(), "deposits", CaseLevelDisclosure.of(evaluation.disclosureProfile()));
  }

  /** What a run writes into OUT, replaced together (OutputFolder); the lake and logs persist. */
  private static final List<String> RESULTS =
      List.of("publish", "evaluation.json", "emmie.json", "report", "manifest.json", "indicators");

  @Override
  public Integer call() {
    Path root = OutputFolder.usable(out, "--out");
    Logs.use(root.resolve("logs").resolve("sos-eval.log"));
    EvaluationConfig evaluation = EvaluationConfig.load(config);
    // a bad CMO file is a config error before anything runs, not after the effects are written
    evaluation.cmo().ifPresent(Cmo::load);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter terminal = spec.commandLine().getOut();
    OutputFolder output = OutputFolder.start(root, "--out", RESULTS);
    Path work = output.staging();
    Evaluation.Result result;
    Emmie.Result emmie;
    Report.Written report;
    try {
      result =
          Evaluation.run(
              evaluation,
              work,
              new Evaluation.Sources(
                  PUBLISHED_STATISTICS,
                  deposits -> fromDeposits(evaluation, root, work, deposits, terminal, err)),
              err::println);
      // instruments come with the deposits, through the lake ingest wrote
      emmie =
          Emmie.run(
              evaluation,
              result,
              evaluation.sources().deposits().isPresent()
                  ? IngestCommand.instruments(root.resolve("lake"))
                  : InstrumentSet.empty(),
              work,
              err::println);
      err.println("evaluate: writing the report");
      report =
          Report.write(
              new Report.Input(evaluation, result, EmmieEvidence.of(emmie)),
              work,
              Clock.systemUTC());
      output.commit();
    } catch (RuntimeException e) {
      output.abandon();
      throw e;
    }
    terminal.println("Evaluation '" + evaluation.name() + "' in " + root);
    terminal.println(
        "  "
            + result.group().pilots().size()
            + " pilots, "
            + result.group().comparators().size()
            + " comparison LAs: "
            + result.group().rule());
    for (EffectRow row : result.rows()) {
      if (row.method().equals("did_twfe")) {
        terminal.printf(
            java.util.Locale.ROOT,
            "  %s: pooled DiD %.3f (95%% CI %.3f to %.3f), wild bootstrap p %s: %s%n",
            row.outcome(),
            row.estimate(),
            row.lowerCi(),
            row.upperCi(),
            row.pValueWildBootstrap().isPresent()
                ? String.format(
                    java.util.Locale.ROOT, "%.4f", row.pValueWildBootstrap().getAsDouble())
                : "n/a",
            row.direction().label());
      }
    }
    terminal.println("  effects: " + output.finalPath(result.effects()));
    terminal.println("  panel:   " + output.finalPath(result.panel()));
    terminal.println("  summary: " + output.finalPath(result.summary()));
    terminal.println("  emmie:   " + output.finalPath(emmie.json()));
    terminal.println("  report:  " + output.finalPath(report.index()));
    terminal.println("  pdf:     " + output.finalPath(report.pdf()));
    terminal.println("  manifest: " + output.finalPath(report.manifest()));
    return 0;
  }
}
