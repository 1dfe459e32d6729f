package org.soseval.jobs;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.PlantedEffect;
import org.soseval.pipeline.generate.SyntheticDeposits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sos-eval generate}: synthetic deposits in the real formats. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes synthetic deposits in the real formats: per LA, the CIN census XML and the SSDA903"
          + " CSV tables of each collection year, a population file (ONS layout) and truth.json"
          + " (pilots, go-live dates, planted effects). The same options give byte-identical files."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Options options;

  @Option(
      names = "--out",
      required = true,
      description = "Folder to write (replaced if it holds an earlier generate's output).")
  Path out;

  @Option(
      names = "--authorities",
      defaultValue = "12",
      description = "Number of LAs (1-147; default ${DEFAULT-VALUE}).")
  int authorities;

  @Option(names = "--pilots", description = "How many of the LAs are pilots (default: a third).")
  Integer pilots;

  @Option(
      names = "--years",
      defaultValue = "2012-2019",
      description = "Collection years A-B (default ${DEFAULT-VALUE}).")
  String years;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description = "Multiplies each LA's child population (default ${DEFAULT-VALUE} = real size).")
  double scale;

  @Option(
      names = "--go-live",
      description =
          "Pilots' go-live date, spread over 3 months (default: 1 October of the third collection year).")
  LocalDate goLive;

  @Option(
      names = "--effect",
      description =
          "Planted effect OUTCOME=CHANGE, e.g. icpc_rate=-10%%; repeatable. Outcomes: s47_rate, icpc_rate, cpp_start_rate, cla_start_rate.")
  List<String> effects = new ArrayList<>();

  @Option(
      names = "--ssda903-xml",
      description =
          "Write each SSDA903 return as one XML (LA/ssda903_YYYY.xml) instead of CSV tables.")
  boolean ssda903Xml;

  @Override
  public Integer call() {
    int[] range = parseYears(years);
    Design design;
    try {
      List<PlantedEffect> planted = new ArrayList<>();
      for (String effect : effects) {
        planted.add(PlantedEffect.parse(effect));
      }
      LocalDate start = goLive != null ? goLive : LocalDate.of(range[0] + 1, 10, 1);
      design =
          Designs.random(
              range[0],
              range[1],
              seed,
              scale,
              authorities,
              pilots != null ? pilots : authorities / 3,
              start,
              planted);
    } catch (IllegalArgumentException e) {
      throw PipelineErrors.usage(
          "Cannot generate deposits", e.getMessage(), "Change the option and run again", e);
    }
    Logs.use(out.toAbsolutePath().resolveSibling(out.getFileName() + ".log"));
    run(design, out, ssda903Xml, spec.commandLine().getOut(), spec.commandLine().getErr()::println);
    return 0;
  }

  /** Generates {@code design} into {@code out} and prints what was written. */
  static SyntheticDeposits.Summary run(
      Design design, Path out, PrintWriter terminal, Progress progress) {
    return run(design, out, false, terminal, progress);
  }

  /** As {@link #run(Design, Path, PrintWriter, Progress)}; SSDA903 as XML when asked. */
  static SyntheticDeposits.Summary run(
      Design design, Path out, boolean ssda903Xml, PrintWriter terminal, Progress progress) {
    long started = System.nanoTime();
    SyntheticDeposits.Summary summary;
    try {
      summary =
          SyntheticDeposits.generate(
              design, out.toAbsolutePath().normalize(), ssda903Xml, progress);
    } catch (IllegalArgumentException e) {
      throw PipelineErrors.usage(
          "Cannot generate deposits into " + out, e.getMessage(), "Change the option", e);
    } catch (UncheckedIOException e) {
      throw PipelineErrors.usage(
          "Cannot write deposits", e.getMessage(), "Check the --out folder is writable", e);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    terminal.printf(
        Locale.ROOT,
        "Deposits for %d LAs x %d collection years in %s%n"
            + "  %,d children, %,d referrals; %,d files, %.1f MB, %.1f s%n"
            + "  design and planted effects: %s%n",
        summary.authorities(),
        summary.years(),
        summary.out(),
        summary.children(),
        summary.referrals(),
        summary.files(),
        summary.bytes() / 1e6,
        seconds,
        summary.out().resolve("truth.json"));
    return summary;
  }

  static int[] parseYears(String text) {
    String[] parts = text.trim().split("-");
    try {
      int first = Integer.parseInt(parts[0].trim());
      int last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : first;
      if (parts.length > 2) {
        throw new NumberFormatException(text);
      }
      return new int[] {first, last};
    } catch (NumberFormatException e) {
      throw PipelineErrors.usage(
          "Cannot read --years " + text,
          "expected a year or a range such as 2012-2019",
          "Give the collection years as A-B",
          e);
    }
  }
}
