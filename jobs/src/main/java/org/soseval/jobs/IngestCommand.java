package org.soseval.jobs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.derive.PeriodsOfCare;
import org.soseval.pipeline.ingest.Ingest;
import org.soseval.pipeline.ingest.IngestResult;
import org.soseval.pipeline.instruments.InstrumentLake;
import org.soseval.pipeline.instruments.InstrumentSet;
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.LedgerEntry;
import org.soseval.pipeline.privacy.PseudonymKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sos-eval ingest}: deposits to the Parquet lake, with ledger and quarantine. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the CIN census XML, SSDA903 CSV and evaluation instrument CSV files (surveys,"
          + " audits, ratings, training, costs) under --deposits into the Parquet lake:"
          + " validates them against data-schemas/, pseudonymises identifiers (keyed"
          + " HMAC-SHA-256), reduces dates of birth and postcodes, quarantines failing rows and"
          + " writes LAKE/_ledger/ledger.csv. Exit 0 when every file was read (even with"
          + " quarantined rows), 3 when a file was rejected whole. See docs/ingest.md."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin Options options;

  @Option(names = "--deposits", required = true, description = "Folder of deposited files.")
  Path deposits;

  @Option(names = "--lake", required = true, description = "Lake folder (created or updated).")
  Path lake;

  @Option(
      names = "--key",
      description =
          "File holding the pseudonym key (at least 32 bytes); default: environment variable"
              + " SOS_EVAL_KEY. The key is never written anywhere.")
  Path key;

  @Override
  public Integer call() {
    PseudonymKey pseudonymKey = key(key, System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE), false);
    Path root = lake.toAbsolutePath().normalize();
    Logs.use(root.resolve("_logs").resolve("sos-eval.log"));
    PrintWriter err = spec.commandLine().getErr();
    return run(deposits, root, pseudonymKey, spec.commandLine().getOut(), err::println);
  }

  /** The key from {@code file}, else from the environment, else random when {@code allowRandom}. */
  static PseudonymKey key(Path file, String environment, boolean allowRandom) {
    if (file != null) {
      return PseudonymKey.fromFile(file);
    }
    Optional<PseudonymKey> fromEnvironment = PseudonymKey.fromEnvironment(environment);
    if (fromEnvironment.isPresent()) {
      return fromEnvironment.get();
    }
    if (allowRandom) {
      return PseudonymKey.random();
    }
    throw PipelineErrors.usage(
        "Cannot pseudonymise without a key",
        "neither --key nor the environment variable "
            + PseudonymKey.ENVIRONMENT_VARIABLE
            + " is given",
        "Give --key FILE (at least 32 bytes) or set "
            + PseudonymKey.ENVIRONMENT_VARIABLE
            + "; keep the same key to link runs");
  }

  /** The instruments in {@code lake} (none when there is no lake), read with a local session. */
  static InstrumentSet instruments(Path lake) {
    if (!Files.isDirectory(lake)) {
      return InstrumentSet.empty();
    }
    SparkSession spark = SparkSessions.local(lake.resolve("_logs"));
    try {
      return InstrumentLake.read(spark, lake);
    } finally {
      spark.stop();
    }
  }

  /** Ingests and prints the summary; returns the exit code (0, or 3 when files were rejected). */
  static int run(Path deposits, Path lake, PseudonymKey key, PrintWriter out, Progress progress) {
    long started = System.nanoTime();
    IngestResult result;
    PeriodsOfCare.Summary periods;
    SparkSession spark = SparkSessions.local(lake.resolve("_logs"));
    try {
      result = Ingest.run(spark, deposits, lake, key, progress);
      periods = PeriodsOfCare.rebuild(spark, lake, progress);
    } finally {
      spark.stop();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long read =
        result.files().stream().filter(f -> !f.status().equals(LedgerEntry.REJECTED)).count();
    out.printf(
        Locale.ROOT,
        "Ingested %d of %d files into %s in %.1f s: %,d rows written, %,d quarantined%n",
        read,
        result.files().size(),
        lake,
        seconds,
        result.rowsWritten(),
        result.rowsQuarantined());
    out.println("  ledger:     " + Ledger.path(lake));
    if (periods.periods() > 0) {
      out.printf(
          Locale.ROOT,
          "  periods of care: %,d (%,d with imputed episodes), %s%n",
          periods.periods(),
          periods.imputed(),
          lake.resolve(PeriodsOfCare.TABLE.folder()));
    }
    if (result.rowsQuarantined() > 0) {
      out.println("  quarantine: " + lake.resolve("_quarantine") + " (rows by rule below)");
      for (Map.Entry<String, Long> rule : result.quarantinedByRule().entrySet()) {
        out.printf(Locale.ROOT, "    %-28s %,d%n", rule.getKey(), rule.getValue());
      }
    }
    for (String warning : result.warnings()) {
      out.println("  warning: " + warning);
    }
    if (!result.rejected().isEmpty()) {
      StringBuilder files = new StringBuilder();
      for (LedgerEntry entry : result.rejected()) {
        files
            .append(System.lineSeparator())
            .append("  ")
            .append(entry.file())
            .append(": ")
            .append(entry.message());
      }
      out.println(
          PipelineErrors.inputRejected(
                  result.rejected().size() + " file(s) rejected whole",
                  "the lake keeps its previous version of their partitions" + files,
                  "Fix or replace these files and run ingest again")
              .getMessage());
      return 3;
    }
    return 0;
  }
}
