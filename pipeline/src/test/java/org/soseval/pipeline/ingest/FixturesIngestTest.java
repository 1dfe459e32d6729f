package org.soseval.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.LedgerEntry;
import org.soseval.pipeline.privacy.PseudonymKey;

class FixturesIngestTest {
  static final PseudonymKey KEY =
      PseudonymKey.fromEnvironment("test-key-0123456789-0123456789-0123456789").orElseThrow();
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestSpark.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void smoke(@TempDir Path temp) {
    Path deposits = temp.resolve("deposits");
    for (String name :
        List.of(
            "d2i_cin_validator_CIN_Census_2021.xml",
            "d2i_cin_validator_CIN_Census_2024.xml",
            "d2i_cin_validator_fake_CIN_data.xml",
            "liia_tools_cin-2022.xml")) {
      Fixtures.copy("cin_xml/" + name, deposits.resolve("cin").resolve(name));
    }
    for (String table :
        List.of(
            "episodes",
            "header",
            "uasc",
            "reviews",
            "missing",
            "previous_permanence",
            "ad1",
            "placed_for_adoption",
            "oc2",
            "oc3",
            "sw_episodes")) {
      Fixtures.copy(
          "ssda903_validator_fake/" + table + ".csv",
          deposits.resolve("201/2018/" + table + ".csv"));
    }
    for (int year = 2017; year <= 2021; year++) {
      for (String table :
          List.of(
              "episodes",
              "header",
              "uasc",
              "reviews",
              "missing",
              "previous_permanence",
              "oc2",
              "oc3")) {
        Fixtures.copy(
            "cs_demand_model_903_2017_2021/" + year + "-" + table + ".csv",
            deposits.resolve("202/" + year + "-" + table + ".csv"));
      }
    }
    Path lake = temp.resolve("lake");
    IngestResult result = Ingest.run(spark, deposits, lake, KEY, System.err::println);
    System.err.println(Ledger.format(result.files()));
    result.warnings().forEach(System.err::println);
    System.err.println(result.quarantinedByRule());
    Dataset<Row> q =
        spark.read().parquet(lake.resolve("_quarantine/cin_assessment_factor").toString());
    q.show(false);
    for (LedgerEntry entry : result.files()) {
      assertThat(entry.rowsRead()).isEqualTo(entry.rowsWritten() + entry.rowsQuarantined());
    }
  }
}
