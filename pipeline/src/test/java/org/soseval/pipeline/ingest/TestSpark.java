package org.soseval.pipeline.ingest;

import org.apache.spark.sql.SparkSession;

/** The small local Spark session the tests share (stack.md §1: local[2], no UI, 2 partitions). */
final class TestSpark {
  private TestSpark() {}

  static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("sos-eval-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        // uncompressed so tests can search the lake's bytes for raw identifiers
        .config("spark.sql.parquet.compression.codec", "uncompressed")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .getOrCreate();
  }
}
