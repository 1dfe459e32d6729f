package org.soseval.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.publish.DisclosureControl;
import org.soseval.pipeline.publish.EesChecker;
import org.soseval.pipeline.publish.EesWriter;
import org.soseval.pipeline.publish.PanelTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sos-eval panel}: LA × year indicators from DfE's published statistics only. */
@Command(
    name = "panel",
    mixinStandardHelpOptions = true,
    description = {
      "Builds LA x reporting-year indicators from DfE's published statistics (no case-level data)"
          + " and writes OUT/publish/la_indicators.csv and its .meta.csv in the EES layout, with"
          + " England and regional totals; the files are checked with the EES checks before the"
          + " command succeeds. See docs/indicators.md for sources and gaps."
    })
final class PanelCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Options options;

  @Option(
      names = "--public",
      required = true,
      description = "Folder of published statistics (holding dfe/ and dfe_cla_2013_2024/).")
  Path publicDir;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Override
  public Integer call() {
    PublishedPanel panel = PublishedPanel.load(publicDir);
    Path publish = out.resolve("publish");
    // published statistics were suppressed by DfE: no further disclosure control applies
    EesWriter.Written written =
        EesWriter.write(
            PanelTables.laIndicators(panel.rows()), DisclosureControl.ALREADY_PUBLIC, publish);
    EesChecker.Report report = EesChecker.checkDirectory(publish);
    PrintWriter terminal = spec.commandLine().getOut();
    panel.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
    if (!report.passed()) {
      report.failures().forEach(terminal::println);
      throw PipelineErrors.inputRejected(
          "The panel written to " + written.data() + " fails the EES checks",
          report.failures().size() + " failures (listed above)",
          "Report this as a bug");
    }
    long flagged = panel.rows().stream().filter(r -> !r.flags().isEmpty()).count();
    terminal.printf(
        Locale.ROOT,
        "%d LA-years (%d rows with totals) in %s and %s; %d LA-years carry data-quality flags%n",
        panel.rows().size(),
        written.rows(),
        written.data(),
        written.meta(),
        flagged);
    return 0;
  }
}
