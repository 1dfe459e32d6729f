package org.soseval.pipeline.derive;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.SyntheticDeposits;
import org.soseval.pipeline.ingest.Ingest;
import org.soseval.pipeline.lake.LakeTable;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PopulationEstimates;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.publish.DisclosureControl;

/** The Spark side: reading the lake, one history per child across files, and the outputs. */
class LakeIndicatorsTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("sos-eval-indicators-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Date d(String iso) {
    return iso == null ? null : Date.valueOf(iso);
  }

  /** Writes {@code rows} (column name to value; the rest null) as a lake dataset. */
  private static void dataset(Path lake, String name, List<Map<String, Object>> rows) {
    LakeTable table =
        Ingest.lakeTables().stream().filter(t -> t.folder().equals(name)).findFirst().orElseThrow();
    StructType schema = table.sparkSchema();
    List<Row> data = new ArrayList<>();
    for (Map<String, Object> values : rows) {
      Object[] cells = new Object[schema.fields().length];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = values.get(schema.fields()[i].name());
      }
      data.add(RowFactory.create(cells));
    }
    spark
        .createDataFrame(data, schema)
        .write()
        .partitionBy("la", "year")
        .parquet(lake.resolve(name).toString());
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> episode(
      int file, String child, String referral, String closure, String icpc) {
    return row(
        "la",
        "855",
        "year",
        file,
        "collection_year",
        file,
        "child_key",
        child,
        "CINreferralDate",
        d(referral),
        "CINclosureDate",
        d(closure),
        "DateOfInitialCPC",
        d(icpc),
        "episode_ordinal",
        1,
        "ReferralNFA",
        false);
  }

  private static Map<String, Object> care(
      int file, String child, String decom, String rne, String ls, String dec, String rec) {
    return row(
        "la",
        "855",
        "year",
        file,
        "collection_year",
        file,
        "child_key",
        child,
        "DECOM",
        d(decom),
        "RNE",
        rne,
        "LS",
        ls,
        "DEC",
        d(dec),
        "REC",
        rec);
  }

  @Test
  void tinyLakeCountsRecordsRepeatedAcrossFilesOnceAndWritesPanelAndTable(@TempDir Path temp)
      throws IOException {
    Path lake = temp.resolve("lake");
    dataset(
        lake,
        "cin_episode",
        List.of(
            // child a: referred 2023-05-10 (census 2024, open), repeated closed in census 2025
            episode(2024, "a", "2023-05-10", null, null),
            episode(2025, "a", "2023-05-10", "2024-05-01", null),
            // child a again exactly 12 months later: a re-referral in 2025
            episode(2025, "a", "2024-05-10", null, "2024-06-03"),
            // child b: one referral in 2025, conference at episode level only
            episode(2025, "b", "2024-07-01", "2024-12-01", "2024-07-20")));
    dataset(
        lake,
        "cin_section47",
        List.of(
            row(
                "la",
                "855",
                "year",
                2025,
                "collection_year",
                2025,
                "child_key",
                "a",
                "referral_date",
                d("2024-05-10"),
                "episode_ordinal",
                1,
                // Mon 2024-05-13 to Mon 2024-06-03: 14 working days (27 May bank holiday)
                "S47ActualStartDate",
                d("2024-05-13"),
                "DateOfInitialCPC",
                d("2024-06-03"),
                "ICPCnotRequired",
                false)));
    dataset(
        lake,
        "cin_assessment",
        List.of(
            row(
                "la",
                "855",
                "year",
                2024,
                "collection_year",
                2024,
                "child_key",
                "a",
                "referral_date",
                d("2023-05-10"),
                "episode_ordinal",
                1,
                "AssessmentActualStartDate",
                d("2024-03-20"),
                "AssessmentAuthorisationDate",
                null),
            row(
                "la",
                "855",
                "year",
                2025,
                "collection_year",
                2025,
                "child_key",
                "a",
                "referral_date",
                d("2023-05-10"),
                "episode_ordinal",
                1,
                // Wed 2024-03-20 to Thu 2024-04-04: 9 working days (Easter)
                "AssessmentActualStartDate",
                d("2024-03-20"),
                "AssessmentAuthorisationDate",
                d("2024-04-04")),
            row(
                "la",
                "855",
                "year",
                2025,
                "collection_year",
                2025,
                "child_key",
                "b",
                "referral_date",
                d("2024-07-01"),
                "episode_ordinal",
                1,
                "AssessmentActualStartDate",
                d("2024-07-01"),
                "AssessmentAuthorisationDate",
                d("2024-07-05"))));
    dataset(
        lake,
        "cin_cp_plan",
        List.of(
            row(
                "la",
                "855",
                "year",
                2025,
                "collection_year",
                2025,
                "child_key",
                "a",
                "referral_date",
                d("2024-05-10"),
                "episode_ordinal",
                1,
                "CPPstartDate",
                d("2024-06-03"),
                "CPPendDate",
                d("2025-03-31"),
                "NumberOfPreviousCPP",
                1)));
    dataset(
        lake,
        "ssda903_episodes",
        List.of(
            // child c: open at 31 March 2024 in the 2024 return, ceased home in the 2025 return
            care(2024, "c", "2023-06-01", "S", "C2", null, null),
            care(2025, "c", "2023-06-01", "S", "C2", "2024-06-01", "E4A"),
            // back within 12 months, and again later in the year (counted once)
            care(2025, "c", "2024-09-01", "S", "V2", "2024-10-01", "E4B"),
            care(2025, "c", "2024-11-01", "S", "V2", null, null),
            // child d: short breaks only
            care(2025, "d", "2024-05-01", "S", "V3", "2024-05-02", "E4A")));
    // the 2023 return had a header only, the 2022 XML return no episodes: their counts are 0,
    // their CIN columns x (no census)
    Files.createDirectories(lake.resolve("_ledger"));
    Files.writeString(
        lake.resolve("_ledger/ledger.csv"),
        "file,sha256,kind,collection_year,la_code,schema_version,rows_read,rows_written,"
            + "rows_quarantined,status,message\n"
            + "855/2023/episodes.csv,00,ssda903/episodes,2023,855,ssda903/2023,0,0,0,ok,\n"
            + "855/ssda903_2022.xml,00,ssda903,2022,855,ssda903/2022,1,1,0,ok,\n");
    Path population = temp.resolve("population.csv");
    Files.writeString(
        population,
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
            + "region_name,old_la_code,new_la_code,la_name,age_group,population_estimate\n"
            + "2023,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,"
            + "855,E10000018,Leicestershire,Children aged 0 to 17 years,10000\n"
            + "2024,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,"
            + "855,E10000018,Leicestershire,Children aged 0 to 17 years,20000\n");

    LakeIndicators.Result result =
        LakeIndicators.compute(
            spark, lake, Optional.of(PopulationEstimates.load(population)), Progress.SILENT);

    assertThat(result.rows()).extracting(PanelRow::year).containsExactly(2022, 2023, 2024, 2025);
    PanelRow y2022 = result.rows().get(0);
    assertThat(number(y2022, Indicator.CLA_START_COUNT)).isZero();
    assertThat(y2022.value(Indicator.REFERRALS_COUNT).symbol()).hasValue("x");
    PanelRow y2023 = result.rows().get(1);
    assertThat(number(y2023, Indicator.CLA_START_COUNT)).isZero();
    assertThat(number(y2023, Indicator.CLA_AT31_COUNT)).isZero();
    assertThat(y2023.value(Indicator.REFERRALS_COUNT).symbol()).hasValue("x");
    assertThat(y2023.value(Indicator.CLA_REUNIFIED_PERCENT).symbol()).hasValue("z");
    PanelRow y2024 = result.rows().get(2);
    PanelRow y2025 = result.rows().get(3);
    assertThat(y2024.la().name()).isEqualTo("Leicestershire");
    assertThat(number(y2024, Indicator.REFERRALS_COUNT)).isEqualTo(1);
    assertThat(number(y2024, Indicator.CIN_AT31_COUNT)).isEqualTo(1);
    assertThat(number(y2024, Indicator.ASSESSMENTS_COMPLETED_COUNT)).isZero();
    assertThat(number(y2024, Indicator.CLA_AT31_COUNT)).isEqualTo(1);
    assertThat(number(y2024, Indicator.CLA_START_COUNT)).isEqualTo(1);
    assertThat(number(y2024, Indicator.POPULATION_0_17)).isEqualTo(10000);
    assertThat(number(y2024, Indicator.CLA_START_RATE)).isEqualTo(1.0);

    assertThat(number(y2025, Indicator.REFERRALS_COUNT)).isEqualTo(2);
    assertThat(number(y2025, Indicator.REREFERRALS_12M_COUNT)).isEqualTo(1);
    assertThat(number(y2025, Indicator.REREFERRAL_12M_PERCENT)).isEqualTo(50.0);
    assertThat(number(y2025, Indicator.ASSESSMENTS_COMPLETED_COUNT)).isEqualTo(2);
    // durations 9 and 4: R median(c(4, 9)) = 6.5
    assertThat(number(y2025, Indicator.ASSESSMENT_DURATION_MEDIAN_WORKING_DAYS)).isEqualTo(6.5);
    assertThat(number(y2025, Indicator.ASSESSMENTS_WITHIN_45WD_PERCENT)).isEqualTo(100.0);
    assertThat(number(y2025, Indicator.S47_COUNT)).isEqualTo(1);
    assertThat(number(y2025, Indicator.ICPC_COUNT)).isEqualTo(2);
    assertThat(number(y2025, Indicator.S47_TO_ICPC_MEDIAN_WORKING_DAYS)).isEqualTo(14.0);
    assertThat(number(y2025, Indicator.ICPC_WITHIN_15WD_PERCENT)).isEqualTo(100.0);
    assertThat(number(y2025, Indicator.CPP_START_COUNT)).isEqualTo(1);
    assertThat(number(y2025, Indicator.CPP_SUBSEQUENT_PERCENT)).isEqualTo(100.0);
    assertThat(number(y2025, Indicator.CPP_AT31_COUNT)).isZero();
    assertThat(number(y2025, Indicator.CIN_AT31_COUNT)).isEqualTo(1);
    assertThat(number(y2025, Indicator.CLA_START_COUNT)).isEqualTo(1);
    assertThat(number(y2025, Indicator.CLA_REENTRY_12M_COUNT)).isEqualTo(1);
    assertThat(number(y2025, Indicator.CLA_CEASED_COUNT)).isEqualTo(1);
    assertThat(number(y2025, Indicator.CLA_REUNIFIED_PERCENT)).isEqualTo(100.0);
    assertThat(number(y2025, Indicator.CLA_AT31_COUNT)).isEqualTo(1);
    assertThat(number(y2025, Indicator.POPULATION_0_17)).isEqualTo(20000);
    assertThat(number(y2025, Indicator.CIN_AT31_RATE)).isEqualTo(0.5);

    Path out = temp.resolve("out");
    IndicatorOutputs.writePanel(spark, result.rows(), out);
    Dataset<Row> panel = spark.read().parquet(out.resolve("panel").toString());
    assertThat(panel.count()).isEqualTo(4);
    Row first = panel.where(col("time_period").equalTo(2025)).first();
    assertThat(first.<Double>getAs("s47_to_icpc_median_working_days")).isEqualTo(14.0);
    assertThat(first.<String>getAs("old_la_code")).isEqualTo("855");

    IndicatorOutputs.writePublished(result.rows(), DisclosureControl.ALREADY_PUBLIC, out);
    List<Map<String, String>> csv = readCsv(out.resolve("publish/la_indicators.csv"));
    assertThat(csv).hasSize(12); // four years, each with: England, East Midlands, Leicestershire
    Map<String, String> la2025 =
        csv.stream()
            .filter(r -> r.get("time_period").equals("2025"))
            .filter(r -> r.get("geographic_level").equals("Local authority"))
            .findFirst()
            .orElseThrow();
    assertThat(la2025.get("assessment_duration_median_working_days")).isEqualTo("6.5");
    assertThat(la2025.get("cin_at31_rate")).isEqualTo("0.5");
    assertThat(la2025.get("referrals_count")).isEqualTo("2");
  }

  @Test
  void generatedDepositsMatchCountsComputedIndependentlyFromTheLake(@TempDir Path temp)
      throws IOException {
    Design design =
        Designs.random(2019, 2022, 20260101L, 0.05, 3, 1, LocalDate.of(2020, 10, 1), List.of());
    Path deposits = temp.resolve("deposits");
    SyntheticDeposits.generate(design, deposits, Progress.SILENT);
    Path lake = temp.resolve("lake");
    Ingest.run(
        spark,
        deposits,
        lake,
        PseudonymKey.fromEnvironment("test-key-0123456789-0123456789-0123456789").orElseThrow(),
        Progress.SILENT);
    PopulationEstimates population = PopulationEstimates.load(deposits.resolve("population.csv"));

    LakeIndicators.Result result =
        LakeIndicators.compute(spark, lake, Optional.of(population), Progress.SILENT);
    Path out = temp.resolve("out");
    IndicatorOutputs.writePanel(spark, result.rows(), out);
    IndicatorOutputs.writePublished(result.rows(), DisclosureControl.ALREADY_PUBLIC, out);

    assertThat(result.rows()).hasSize(3 * 4);
    for (String table : List.of("cin_episode", "cin_section47", "ssda903_episodes")) {
      LakeIndicators.read(spark, lake, table).orElseThrow().createOrReplaceTempView(table);
    }
    String year = "CASE WHEN month(%1$s) >= 4 THEN year(%1$s) + 1 ELSE year(%1$s) END";
    Map<String, Double> referrals =
        counts(
            "SELECT la, "
                + String.format(year, "CINreferralDate")
                + " AS y, count(*) AS n FROM (SELECT DISTINCT la, child_key, CINreferralDate,"
                + " episode_ordinal FROM cin_episode) GROUP BY 1, 2");
    Map<String, Double> rereferrals =
        counts(
            "WITH r AS (SELECT DISTINCT la, child_key, CINreferralDate AS d, episode_ordinal"
                + " FROM cin_episode) SELECT la, "
                + String.format(year, "d")
                + " AS y, count(*) AS n FROM r WHERE EXISTS (SELECT 1 FROM r p WHERE p.la = r.la"
                + " AND p.child_key = r.child_key AND p.d < r.d AND add_months(p.d, 12) >= r.d)"
                + " GROUP BY 1, 2");
    Map<String, Double> enquiries =
        counts(
            "SELECT la, "
                + String.format(year, "S47ActualStartDate")
                + " AS y, count(*) AS n FROM (SELECT DISTINCT la, child_key, S47ActualStartDate"
                + " FROM cin_section47) GROUP BY 1, 2");
    // from each year's own census alone, as DfE counts it
    Map<String, Double> cinAt31 =
        counts(
            "SELECT la, collection_year AS y, count(*) AS n FROM cin_episode WHERE"
                + " CINreferralDate <= make_date(collection_year, 3, 31) AND (CINclosureDate IS"
                + " NULL OR CINclosureDate > make_date(collection_year, 3, 31)) GROUP BY 1, 2");
    Map<String, Double> claAt31 =
        counts(
            "SELECT la, collection_year AS y, count(DISTINCT child_key) AS n FROM"
                + " ssda903_episodes WHERE LS NOT IN ('V3', 'V4') AND DECOM <="
                + " make_date(collection_year, 3, 31) AND (DEC IS NULL OR DEC >"
                + " make_date(collection_year, 3, 31)) GROUP BY 1, 2");
    Map<String, Double> claStarts =
        counts(
            "SELECT la, "
                + String.format(year, "DECOM")
                + " AS y, count(DISTINCT child_key) AS n FROM (SELECT *, row_number() OVER"
                + " (PARTITION BY la, child_key, DECOM ORDER BY collection_year DESC) AS v FROM"
                + " ssda903_episodes) WHERE v = 1 AND RNE = 'S' AND LS NOT IN ('V3', 'V4')"
                + " GROUP BY 1, 2");

    long totalReferrals = 0;
    long totalRereferrals = 0;
    for (PanelRow row : result.rows()) {
      String key = row.la().oldLaCode() + "/" + row.year();
      assertThat(number(row, Indicator.REFERRALS_COUNT)).as(key).isEqualTo(referrals.get(key));
      assertThat(number(row, Indicator.REREFERRALS_12M_COUNT))
          .as(key)
          .isEqualTo(rereferrals.getOrDefault(key, 0.0));
      assertThat(number(row, Indicator.S47_COUNT)).as(key).isEqualTo(enquiries.get(key));
      assertThat(number(row, Indicator.CIN_AT31_COUNT)).as(key).isEqualTo(cinAt31.get(key));
      assertThat(number(row, Indicator.CLA_AT31_COUNT)).as(key).isEqualTo(claAt31.get(key));
      assertThat(number(row, Indicator.CLA_START_COUNT))
          .as(key)
          .isEqualTo(claStarts.getOrDefault(key, 0.0));
      assertThat(number(row, Indicator.POPULATION_0_17))
          .as(key)
          .isEqualTo(population.midYear(row.la().oldLaCode(), row.year() - 1).orElseThrow());
      assertThat(number(row, Indicator.ICPC_COUNT))
          .as(key)
          .isGreaterThanOrEqualTo(number(row, Indicator.CPP_START_COUNT) * 0.5);
      assertThat(number(row, Indicator.CLA_REUNIFIED_COUNT))
          .isLessThanOrEqualTo(number(row, Indicator.CLA_CEASED_COUNT));
      if (row.year() > 2019) {
        totalReferrals += (long) number(row, Indicator.REFERRALS_COUNT);
        totalRereferrals += (long) number(row, Indicator.REREFERRALS_12M_COUNT);
      }
    }
    // DfE's national re-referral rate is about 22%; the generator simulates near it
    assertThat(100.0 * totalRereferrals / totalReferrals).isBetween(8.0, 40.0);

    List<Map<String, String>> csv = readCsv(out.resolve("publish/la_indicators.csv"));
    assertThat(csv.get(0).keySet())
        .containsAll(java.util.Arrays.stream(Indicator.values()).map(Indicator::column).toList());
    for (int y = 2019; y <= 2022; y++) {
      String time = Integer.toString(y);
      List<Map<String, String>> las =
          csv.stream()
              .filter(r -> r.get("time_period").equals(time))
              .filter(r -> r.get("geographic_level").equals("Local authority"))
              .toList();
      Map<String, String> england =
          csv.stream()
              .filter(r -> r.get("time_period").equals(time))
              .filter(r -> r.get("geographic_level").equals("National"))
              .findFirst()
              .orElseThrow();
      assertThat(las).hasSize(3);
      for (Indicator indicator : Indicator.values()) {
        if (indicator.kind() == Indicator.Kind.COUNT) {
          long sum = las.stream().mapToLong(r -> Long.parseLong(r.get(indicator.column()))).sum();
          assertThat(Long.parseLong(england.get(indicator.column())))
              .as(indicator.column() + " " + y)
              .isEqualTo(sum);
        }
      }
    }
  }

  private static Map<String, Double> counts(String sql) {
    Map<String, Double> counts = new HashMap<>();
    for (Row row : spark.sql(sql).collectAsList()) {
      counts.put(row.getString(0) + "/" + row.getInt(1), (double) row.getLong(2));
    }
    return counts;
  }

  private static double number(PanelRow row, Indicator indicator) {
    return row.value(indicator).number();
  }

  static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord record :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        rows.add(new LinkedHashMap<>(record.toMap()));
      }
    }
    return rows;
  }
}
