package org.soseval.jobs;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a command: local mode, quiet, its logs in the command's log file. */
final class SparkSessions {
  private SparkSessions() {}

  /**
   * A local session using every core, with the UI off. {@code logDir} is where Spark may put
   * scratch data (the log file itself is set by {@link Logs#use}).
   */
  static SparkSession local(Path logDir) {
    return SparkSession.builder()
        .master("local[*]")
        .appName("sos-eval")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        // the lake has thousands of la=/year= folders: list them on the driver, not with a job
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
        .getOrCreate();
  }
}
