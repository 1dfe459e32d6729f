package org.soseval.jobs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.derive.IndicatorOutputs;
import org.soseval.pipeline.derive.LakeIndicators;
import org.soseval.pipeline.panel.PopulationEstimates;
import org.soseval.pipeline.publish.CaseLevelDisclosure;
import org.soseval.pipeline.publish.EesWriter;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sos-eval indicators}: the lake to LA × reporting-year indicators. */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = {
      "Derives the indicators of la_indicators.csv (referrals, re-referrals, assessments, s47s,"
          + " ICPCs, CP plans, CIN and CLA) for every LA and reporting year in --lake, from each"
          + " child's whole history. Writes OUT/panel/ (Parquet, unrounded, with sources and"
          + " quality flags) and OUT/publish/la_indicators.csv (with England and regional totals,"
          + " rounded as DfE publishes). Rates need --population (the ONS layout of DfE's"
          + " ons_mid-year_population_estimates file); without it they are x. See"
          + " docs/indicators-lake.md."
    })
final class IndicatorsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Options options;

  @Option(names = "--lake", required = true, description = "Lake folder written by ingest.")
  Path lake;

  @Option(names = "--out", required = true, description = "Output folder (created if needed).")
  Path out;

  @Option(
      names = "--population",
      description = "ONS mid-year estimates of children aged 0-17 by LA (DfE's EES layout).")
  Path population;

  @Override
  public Integer call() {
    Path root = out.toAbsolutePath().normalize();
    Logs.use(root.resolve("logs").resolve("sos-eval.log"));
    PrintWriter err = spec.commandLine().getErr();
    run(lake, root, population, spec.commandLine().getOut(), err::println);
    return 0;
  }

  /** Derives and writes the indicators under DfE's disclosure rules; returns what was derived. */
  static LakeIndicators.Result run(
      Path lake, Path out, Path population, PrintWriter terminal, Progress progress) {
    return run(lake, out, population, DisclosureProfile.dfe(), terminal, progress);
  }

  /** Derives and writes the indicators under {@code disclosure}; returns what was derived. */
  static LakeIndicators.Result run(
      Path lake,
      Path out,
      Path population,
      DisclosureProfile disclosure,
      PrintWriter terminal,
      Progress progress) {
    Path lakeRoot = lake.toAbsolutePath().normalize();
    if (!Files.isDirectory(lakeRoot)) {
      throw PipelineErrors.usage(
          "Cannot derive indicators from " + lakeRoot,
          "the folder does not exist",
          "Give --lake the folder that sos-eval ingest wrote");
    }
    if (population != null && !Files.isRegularFile(population)) {
      throw PipelineErrors.usage(
          "Cannot read population estimates " + population,
          "the file does not exist",
          "Give --population a CSV in the layout of " + PopulationEstimates.FILE);
    }
    Optional<PopulationEstimates> estimates =
        population == null ? Optional.empty() : Optional.of(PopulationEstimates.load(population));
    long started = System.nanoTime();
    SparkSession spark = SparkSessions.local(out.resolve("logs"));
    LakeIndicators.Result result;
    Path panel;
    try {
      result = LakeIndicators.compute(spark, lakeRoot, estimates, progress);
      panel = IndicatorOutputs.writePanel(spark, result.rows(), out);
    } finally {
      spark.stop();
    }
    // every published number passes disclosure control (DfE: counts 1-5 suppressed, secondary
    // suppression, regional and national totals rounded to 10)
    EesWriter.Written written =
        IndicatorOutputs.writePublished(result.rows(), CaseLevelDisclosure.of(disclosure), out);
    double seconds = (System.nanoTime() - started) / 1e9;
    terminal.printf(
        Locale.ROOT,
        "Derived indicators for %d LA-years from %s in %.1f s%n",
        result.rows().size(),
        lakeRoot,
        seconds);
    terminal.println("  panel:          " + panel);
    terminal.println("  la_indicators:  " + written.data());
    if (estimates.isEmpty()) {
      terminal.println("  warning: no --population: rates and population_0_17 are x");
    }
    for (String note : result.notes()) {
      terminal.println("  warning: " + note);
    }
    return result;
  }
}
