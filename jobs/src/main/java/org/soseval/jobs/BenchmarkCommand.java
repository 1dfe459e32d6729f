package org.soseval.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.benchmark.BenchmarkPack;
import org.soseval.pipeline.benchmark.BenchmarkWriter;
import org.soseval.pipeline.compare.StatisticalNeighbours;
import org.soseval.pipeline.geography.LaCodeEntry;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.publish.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sos-eval benchmark}: one LA's benchmark pack from published statistics. */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks one LA against England, its region and its statistical neighbours on DfE's"
          + " published statistics: value, comparators, rank, quartile band, change, 5-point"
          + " trend, significance against England and funnel position for every indicator and"
          + " year. Writes OUT/publish/benchmark_<la>.csv (EES layout) and"
          + " OUT/benchmark_<la>.html."
    })
final class BenchmarkCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Options options;

  @Option(names = "--la", required = true, description = "The LA's 3-digit DfE code, e.g. 855.")
  String la;

  @Option(
      names = "--public",
      required = true,
      description = "Folder of DfE's published statistics (public/ or public/dfe).")
  Path publicDir;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Option(names = "--year", description = "Only this reporting year (default: every year).")
  Integer year;

  @Option(
      names = "--neighbours",
      defaultValue = "2021",
      description = "Statistical neighbour model, 2021 or 2025 (default ${DEFAULT-VALUE}).")
  String neighbours;

  @Override
  public Integer call() {
    String la = dfeCode(this.la);
    if (!neighbours.equals("2021") && !neighbours.equals("2025")) {
      throw PipelineErrors.usage(
          "Cannot use --neighbours " + neighbours, "the models are 2021 and 2025", "Choose one");
    }
    Path root = OutputFolder.usable(out, "--out");
    Logs.use(root.resolve("logs").resolve("sos-eval.log"));
    PrintWriter err = spec.commandLine().getErr();
    err.println("benchmark: reading published statistics from " + publicDir);
    PublishedPanel panel = PublishedPanel.load(publicDir);
    BenchmarkPack pack =
        BenchmarkPack.build(
            panel,
            la,
            Optional.ofNullable(year),
            StatisticalNeighbours.load(publicDir, neighbours));
    BenchmarkWriter.Written written = BenchmarkWriter.write(pack, root);
    PrintWriter terminal = spec.commandLine().getOut();
    terminal.println("Benchmark pack for " + pack.la().name() + " (" + la + ") in " + root);
    terminal.println("  data: " + written.data());
    terminal.println("  page: " + written.html());
    return 0;
  }

  /**
   * The 3-digit DfE code of {@code --la}: as given, or an LA's GSS code (E06, E08, E09, E10) read
   * through the crosswalk as evaluate reads it; anything else (a region or country code) is a usage
   * error that says what was given.
   */
  static String dfeCode(String given) {
    String code = given.trim();
    if (code.matches("\\d{3}")) {
      return code;
    }
    Optional<LaCodeEntry> entry = LaCrosswalk.byNewCode(code);
    if (entry.isPresent()) {
      return entry.get().oldLaCode();
    }
    String cause =
        code.matches("E1[23]\\d{6}")
            ? code + " is a region code; a benchmark pack is for one local authority"
            : code.matches("E92\\d{6}")
                ? code + " is England's code; a benchmark pack is for one local authority"
                : "--la must be a 3-digit DfE code (or an LA's E-code in the crosswalk)";
    throw PipelineErrors.usage(
        "Cannot benchmark LA " + code, cause, "For example --la 855 (Leicestershire)");
  }
}
