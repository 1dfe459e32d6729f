package org.soseval.jobs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.publish.EesChecker;
import org.soseval.pipeline.publish.EesFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sos-eval check-ees DIR}: the EES open-data checks on every CSV in a folder. */
@Command(
    name = "check-ees",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Explore Education Statistics open-data checks (file and column names, mandatory"
          + " columns, time period and identifier, geography columns and codes by level, symbols,"
          + " blanks, the .meta.csv columns, units, decimal places, labels, character limits) on"
          + " every data CSV in DIR and its .meta.csv. Prints each failure as"
          + " file:line:column: FAIL [rule] message. Exit code 0 when every file passes, 3 when any"
          + " fails."
    })
final class CheckEesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Options options;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder of EES CSV files.")
  Path directory;

  @Override
  public Integer call() {
    if (!Files.isDirectory(directory)) {
      throw PipelineErrors.usage(
          "Cannot check " + directory, "it is not a folder", "Give the folder that holds the CSVs");
    }
    EesChecker.Report report = EesChecker.checkDirectory(directory);
    if (report.files().isEmpty()) {
      throw PipelineErrors.usage(
          "Cannot check " + directory,
          "it holds no data CSV files (.meta.csv files are checked with their data file)",
          "Give the folder that holds the EES CSVs");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (EesFailure finding : report.findings()) {
      out.println(finding);
    }
    int failed = report.failedFiles().size();
    out.printf(
        Locale.ROOT,
        "%d of %d files pass the EES checks (%d failures, %d warnings)%n",
        report.files().size() - failed,
        report.files().size(),
        report.failures().size(),
        report.findings().size() - report.failures().size());
    out.flush();
    if (failed > 0) {
      throw PipelineErrors.inputRejected(
          "EES checks failed for " + String.join(", ", report.failedFiles()),
          report.failures().size() + " failures (listed above)",
          "Correct each failure and run check-ees again");
    }
    return 0;
  }
}
