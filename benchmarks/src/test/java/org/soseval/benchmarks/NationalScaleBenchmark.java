package org.soseval.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.derive.IndicatorOutputs;
import org.soseval.pipeline.derive.LakeIndicators;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.SyntheticDeposits;
import org.soseval.pipeline.geography.LocalAuthorities;
import org.soseval.pipeline.ingest.Ingest;
import org.soseval.pipeline.ingest.IngestResult;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PopulationEstimates;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.privacy.PseudonymKey;

/**
 * National-scale run (docs/performance.md): generate deposits for every stable LA, ingest them,
 * derive the indicators with Spark, recompute them with DuckDB SQL over the same lake, time each
 * step and require the two engines to agree on every count and median of every LA-year.
 *
 * <pre>
 * mvn -B -o -Pbenchmarks -pl benchmarks -am test -Dtest=NationalScaleBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
 *     -Dsos.benchmark.scale=1.0 -Dsos.benchmark.out=/tmp/national
 * </pre>
 *
 * Properties: {@code sos.benchmark.scale} (default 1.0), {@code sos.benchmark.authorities} (default
 * every stable LA), {@code sos.benchmark.years} (default 2013-2025), {@code sos.benchmark.out}
 * (default target/national; deposits and the lake are reused if present, so a second run times the
 * indicators alone). Each step reports its wall time and its peak heap: the sum of the heap pools'
 * peaks since the step began, an upper bound on the live heap (run with {@code
 * -Dtest.jvm.flags=-Xmx4g ...} to show a step fits in 4 GB).
 */
@Tag("national-scale")
class NationalScaleBenchmark {
  /** Counts and medians both engines compute. */
  static final List<String> COMPARED =
      List.of(
          "referrals_count",
          "rereferrals_12m_count",
          "assessments_completed_count",
          "assessment_duration_median_working_days",
          "s47_count",
          "icpc_count",
          "s47_to_icpc_median_working_days",
          "icpc_within_15wd_count",
          "cpp_start_count",
          "cpp_subsequent_count",
          "cpp_at31_count",
          "cin_at31_count",
          "cla_start_count",
          "cla_at31_count",
          "cla_ceased_count",
          "cla_reunified_count",
          "cla_reentry_12m_count");

  @Test
  void sparkAndDuckDbAgreeAtNationalScale() throws IOException {
    double scale = Double.parseDouble(System.getProperty("sos.benchmark.scale", "1.0"));
    int authorities =
        Integer.getInteger("sos.benchmark.authorities", LocalAuthorities.stable().size());
    String[] years = System.getProperty("sos.benchmark.years", "2013-2025").split("-");
    Path out = Path.of(System.getProperty("sos.benchmark.out", "target/national"));
    Path deposits = out.resolve("deposits");
    Path lake = out.resolve("lake");
    StringBuilder report = new StringBuilder(machine());

    Meter generated = Meter.start();
    if (!Files.isDirectory(deposits)) {
      Design design =
          Designs.random(
              Integer.parseInt(years[0]),
              Integer.parseInt(years[1]),
              20141001L,
              scale,
              authorities,
              0,
              LocalDate.of(2016, 10, 1),
              List.of());
      SyntheticDeposits.Summary summary =
          SyntheticDeposits.generate(design, deposits, message -> {});
      report.append(
          String.format(
              Locale.ROOT,
              "generate: %d LAs x %d years, %,d referrals, %,d files, %,d MB in %s%n",
              summary.authorities(),
              summary.years(),
              summary.referrals(),
              summary.files(),
              summary.bytes() >> 20,
              generated.figures()));
    }
    SparkSession spark = session(out);
    try {
      if (!Files.isDirectory(lake)) {
        Meter ingest = Meter.start();
        IngestResult ingested =
            Ingest.run(
                spark,
                deposits,
                lake,
                PseudonymKey.fromEnvironment("benchmark-key-0123456789-0123456789-0123")
                    .orElseThrow(),
                message -> {});
        report.append(
            String.format(
                Locale.ROOT,
                "ingest: %d files, %,d rows written, %,d quarantined in %s%n",
                ingested.files().size(),
                ingested.rowsWritten(),
                ingested.rowsQuarantined(),
                ingest.figures()));
      }
      Meter indicators = Meter.start();
      LakeIndicators.Result result =
          LakeIndicators.compute(
              spark,
              lake,
              Optional.of(PopulationEstimates.load(deposits.resolve("population.csv"))),
              message -> {});
      IndicatorOutputs.writePanel(spark, result.rows(), out.resolve("indicators"));
      report.append(
          String.format(
              Locale.ROOT,
              "indicators (Spark): %d LA-years in %s%n",
              result.rows().size(),
              indicators.figures()));
      Meter peer = Meter.start();
      Map<String, Map<String, Double>> duck =
          DuckDbIndicators.compute(lake, Files.createDirectories(out.resolve("duckdb")));
      report.append(
          String.format(
              Locale.ROOT, "indicators (DuckDB SQL, native memory): %s%n", peer.figures()));

      int compared = compare(result.rows(), duck);
      long referrals = 0;
      for (PanelRow row : result.rows()) {
        PublishedValue count = row.value(Indicator.REFERRALS_COUNT);
        referrals += count.isPresent() ? (long) count.number() : 0;
      }
      report.append(
          String.format(
              Locale.ROOT,
              "agreement: %,d values compared (%,d referrals), all equal%n",
              compared,
              referrals));
    } finally {
      spark.stop();
      System.out.print(report);
      Files.writeString(out.resolve("benchmark.txt"), report.toString());
    }
  }

  /**
   * The benchmark's session: the settings of the jobs' {@code SparkSessions.local} (keep them in
   * step), with Spark's scratch space under {@code out}.
   */
  static SparkSession session(Path out) {
    return SparkSession.builder()
        .master("local[*]")
        .appName("sos-eval-benchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        // the lake has thousands of la=/year= folders: list them on the driver, not with a job
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
        .config("spark.sql.warehouse.dir", out.resolve("spark-warehouse").toString())
        .config("spark.local.dir", out.resolve("spark-local").toString())
        .getOrCreate();
  }

  /**
   * Requires every count and median of every LA-year in {@code rows} to equal DuckDB's; returns how
   * many values were compared.
   */
  static int compare(List<PanelRow> rows, Map<String, Map<String, Double>> duck) {
    int compared = 0;
    for (PanelRow row : rows) {
      String key = row.la().oldLaCode() + "/" + row.year();
      Map<String, Double> peer = duck.getOrDefault(key, Map.of());
      for (String column : COMPARED) {
        PublishedValue mine =
            Indicator.byColumn(column)
                .map(row::value)
                .orElseGet(() -> row.supporting().get(column));
        if (!mine.isPresent()) {
          continue; // no census or return that year; or a median of nothing (z)
        }
        double expected = peer.getOrDefault(column, column.contains("median") ? Double.NaN : 0.0);
        assertThat(mine.number()).as(key + " " + column).isCloseTo(expected, within(1e-9));
        compared++;
      }
    }
    return compared;
  }

  /** The machine line every benchmark report starts with. */
  static String machine() {
    return String.format(
        Locale.ROOT,
        "machine: %d cores, max heap %d MB, Java %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
  }

  /**
   * Wall time and peak heap of one step: the sum of the heap pools' peaks since the step began, an
   * upper bound on the heap in use at any moment.
   */
  record Meter(long started) {
    static Meter start() {
      for (MemoryPoolMXBean pool : heapPools()) {
        pool.resetPeakUsage();
      }
      return new Meter(System.nanoTime());
    }

    double seconds() {
      return (System.nanoTime() - started) / 1e9;
    }

    long peakHeapMb() {
      return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    String figures() {
      return String.format(Locale.ROOT, "%.1f s, peak heap %,d MB", seconds(), peakHeapMb());
    }

    private static List<MemoryPoolMXBean> heapPools() {
      return ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();
    }
  }
}
