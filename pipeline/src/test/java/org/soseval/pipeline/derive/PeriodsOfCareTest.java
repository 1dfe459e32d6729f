package org.soseval.pipeline.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.ingest.Ingest;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.privacy.Pseudonymiser;

/**
 * {@code ssda903_periods_of_care} built from the lake: a hand-made LA whose open episode is
 * continued next year with another DECOM, and the cs-demand-model fixtures' five returns.
 */
class PeriodsOfCareTest {
  static final PseudonymKey KEY =
      PseudonymKey.fromEnvironment("test-key-0123456789-0123456789-0123456789").orElseThrow();
  static final Path FIXTURES =
      Path.of(System.getProperty("user.dir"))
          .resolve("../../shared/data/fixtures/cs_demand_model_903_2017_2021")
          .normalize();
  static final String EPISODES =
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

  static SparkSession spark;
  @TempDir static Path temp;
  static Path lake;
  static PeriodsOfCare.Summary summary;

  static void write(Path root, String relative, String text) throws IOException {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void ingestAndBuild() throws IOException {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("sos-eval-periods-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            .getOrCreate();
    Path deposits = temp.resolve("deposits");
    write(
        deposits,
        "301/2016/episodes.csv",
        EPISODES
            + "7,01/06/2015,S,C2,N1,U1,PR1,10/01/2016,X1,CARPL,,,\n"
            + "7,10/01/2016,P,C2,N1,U4,PR1,,,,,,\n");
    write(
        deposits,
        "301/2017/episodes.csv",
        EPISODES
            + "7,12/01/2016,P,C2,N1,U4,PR1,01/09/2016,X1,CARPL,,,\n"
            + "7,01/09/2016,P,C2,N1,U5,PR1,01/02/2017,E4A,,,,\n"
            + "8,01/05/2016,S,V2,N1,U6,PR1,,,,,,\n");
    for (int year = 2017; year <= 2021; year++) {
      Path file = FIXTURES.resolve(year + "-episodes.csv");
      assertThat(file).as("fixture (shared/data must sit beside the repository)").exists();
      Files.createDirectories(deposits.resolve("202"));
      Files.copy(file, deposits.resolve("202/" + year + "-episodes.csv"));
    }
    lake = temp.resolve("lake");
    long t0 = System.nanoTime();
    Ingest.run(spark, deposits, lake, KEY, Progress.SILENT);
    long t1 = System.nanoTime();
    summary = PeriodsOfCare.rebuild(spark, lake, Progress.SILENT);
    System.out.println(
        "TIMING ingest " + (t1 - t0) / 1e9 + " rebuild " + (System.nanoTime() - t1) / 1e9);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static List<Row> periods(String la) {
    return spark
        .read()
        .schema(PeriodsOfCare.TABLE.sparkSchema())
        .parquet(lake.resolve(PeriodsOfCare.TABLE.folder()).toString())
        .where("la = '" + la + "'")
        .orderBy("child_key", "period_number")
        .collectAsList();
  }

  @Test
  void anOpenEpisodeContinuedNextYearWithAnotherDecomIsOnePeriodMarkedImputed() {
    Pseudonymiser pseudonyms = Pseudonymiser.create(KEY);
    Map<String, Row> byChild = new TreeMap<>();
    periods("301").forEach(row -> byChild.put(row.getAs("child_key"), row));
    Row seven = byChild.get(pseudonyms.child("301", "7"));
    assertThat(seven.getAs("start_date").toString()).isEqualTo("2015-06-01");
    assertThat(seven.getAs("end_date").toString()).isEqualTo("2017-02-01");
    assertThat((String) seven.getAs("end_reason")).isEqualTo("E4A");
    assertThat((String) seven.getAs("status")).isEqualTo("ended");
    assertThat((Integer) seven.getAs("episodes")).isEqualTo(3);
    assertThat((Boolean) seven.getAs("imputed")).isTrue();
    assertThat((String) seven.getAs("imputed_by")).isEqualTo("903_REPLACED;903_X1_GAP");
    assertThat((Integer) seven.getAs("year")).isEqualTo(2016); // the year the period started
    Row eight = byChild.get(pseudonyms.child("301", "8"));
    assertThat((String) eight.getAs("status")).isEqualTo("open");
    assertThat((Boolean) eight.getAs("imputed")).isFalse();
    assertThat((Object) eight.getAs("imputed_by")).isNull();
  }

  @Test
  void everyChildOfFiveReturnsHasNumberedConsistentPeriods() {
    List<Row> rows = periods("202");
    Set<String> children =
        spark
            .read()
            .parquet(lake.resolve("ssda903_episodes/la=202").toString())
            .where("LS NOT IN ('V3', 'V4')")
            .select("child_key")
            .distinct()
            .collectAsList()
            .stream()
            .map(row -> row.getString(0))
            .collect(Collectors.toSet());
    Map<String, List<Row>> byChild = new TreeMap<>();
    rows.forEach(
        row -> byChild.computeIfAbsent(row.getAs("child_key"), k -> new ArrayList<>()).add(row));
    assertThat(byChild.keySet()).isEqualTo(children);
    for (List<Row> own : byChild.values()) {
      for (int i = 0; i < own.size(); i++) {
        Row row = own.get(i);
        assertThat((Integer) row.getAs("period_number")).isEqualTo(i + 1);
        String status = row.getAs("status");
        assertThat(status).isIn("ended", "open", "end_unknown");
        assertThat(row.getAs("end_date") != null).isEqualTo(status.equals("ended"));
        assertThat((Boolean) row.getAs("imputed")).isEqualTo(row.getAs("imputed_by") != null);
        assertThat((Integer) row.getAs("first_return")).isBetween(2017, 2022);
      }
    }
    long imputed = rows.stream().filter(row -> (Boolean) row.getAs("imputed")).count();
    assertThat(imputed).isPositive();
    assertThat(summary.periods()).isEqualTo(rows.size() + periods("301").size());
  }

  @Test
  void rebuildingGivesTheSameRowsAndAFailedRebuildLeavesThePreviousOnes() {
    List<String> before = periods("202").stream().map(Row::toString).sorted().toList();
    PeriodsOfCare.rebuild(spark, lake, Progress.SILENT);
    assertThat(periods("202").stream().map(Row::toString).sorted().toList()).isEqualTo(before);
    assertThatThrownBy(
            () ->
                PeriodsOfCare.rebuild(
                    spark,
                    lake,
                    Progress.SILENT,
                    step -> {
                      if (step.equals("before-commit")) {
                        throw new IllegalStateException("injected");
                      }
                    }))
        .hasMessage("injected");
    assertThat(periods("202").stream().map(Row::toString).sorted().toList()).isEqualTo(before);
    try (Stream<Path> staging = Files.list(lake.resolve("_staging"))) {
      assertThat(staging).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
