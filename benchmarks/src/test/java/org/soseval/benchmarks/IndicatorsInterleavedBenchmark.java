package org.soseval.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.soseval.pipeline.derive.LakeIndicators;
import org.soseval.pipeline.panel.PopulationEstimates;

/**
 * The indicators step alone, Spark and DuckDB alternately over an existing lake (one that {@link
 * NationalScaleBenchmark} ingested), so that both engines see the same load on a shared machine;
 * every Spark result is compared with DuckDB's. Reports each run's wall time and the peak Java heap
 * of each Spark run (the sum of the heap pools' peak usage, reset before the run: an upper bound of
 * the heap in use at any moment). Run it in a JVM whose heap is capped below the target:
 *
 * <pre>
 * mvn -B -o -Pbenchmarks -pl benchmarks -am test -Dtest=IndicatorsInterleavedBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
 *     -Dsos.benchmark.out=/tmp/national -Dsos.benchmark.rounds=3 \
 *     -Dtest.jvm.flags="-Xmx4g -Xlog:gc:file=/tmp/national/gc.log -Duser.timezone=UTC"
 * </pre>
 */
@Tag("national-scale")
class IndicatorsInterleavedBenchmark {
  @Test
  void sparkAndDuckDbTakeTurnsOverOneLake() throws IOException {
    Path out = Path.of(System.getProperty("sos.benchmark.out", "target/national"));
    Path lake = out.resolve("lake");
    int rounds = Integer.getInteger("sos.benchmark.rounds", 3);
    Optional<PopulationEstimates> population =
        Optional.of(PopulationEstimates.load(out.resolve("deposits").resolve("population.csv")));
    StringBuilder report = new StringBuilder(NationalScaleBenchmark.machine());
    SparkSession spark = NationalScaleBenchmark.session(out);
    List<Double> ratios = new ArrayList<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        System.gc();
        NationalScaleBenchmark.Meter sparkRun = NationalScaleBenchmark.Meter.start();
        LakeIndicators.Result result =
            LakeIndicators.compute(spark, lake, population, message -> {});
        double sparkSeconds = sparkRun.seconds();
        long heap = sparkRun.peakHeapMb();
        NationalScaleBenchmark.Meter duckRun = NationalScaleBenchmark.Meter.start();
        Map<String, Map<String, Double>> duck =
            DuckDbIndicators.compute(lake, Files.createDirectories(out.resolve("duckdb")));
        double duckSeconds = duckRun.seconds();
        int compared = NationalScaleBenchmark.compare(result.rows(), duck);
        ratios.add(sparkSeconds / duckSeconds);
        report.append(
            String.format(
                Locale.ROOT,
                "round %d: Spark %.1f s (peak heap %,d MB), DuckDB %.1f s, ratio %.2f,"
                    + " %,d values equal, load average %.2f%n",
                round,
                sparkSeconds,
                heap,
                duckSeconds,
                sparkSeconds / duckSeconds,
                compared,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.print(report.substring(report.lastIndexOf("round " + round)));
      }
      report.append(
          String.format(
              Locale.ROOT,
              "ratio Spark/DuckDB: median %.2f over %d rounds%n",
              ratios.stream().sorted().toList().get(ratios.size() / 2),
              ratios.size()));
    } finally {
      spark.stop();
      System.out.print(report);
      Files.writeString(out.resolve("indicators-interleaved.txt"), report.toString());
    }
  }
}
