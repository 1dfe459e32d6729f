package org.soseval.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.generate.Design;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.InstrumentDeposits;
import org.soseval.pipeline.generate.Pilot;
import org.soseval.pipeline.instruments.CostAnalysis;
import org.soseval.pipeline.instruments.InstrumentAnalysis;
import org.soseval.pipeline.instruments.InstrumentLake;
import org.soseval.pipeline.instruments.InstrumentRow;
import org.soseval.pipeline.instruments.InstrumentSchema;
import org.soseval.pipeline.instruments.InstrumentSet;
import org.soseval.pipeline.instruments.LaGroups;
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.LedgerEntry;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;

/**
 * Evaluation instruments through ingest, with the guarantees of the statutory returns: a corpus of
 * good and bad instrument files built inline and ingested in one run (beside an SSDA903 table, to
 * check that a case audit links to the child), then the lake read back.
 */
class InstrumentsIngestTest {
  static final String SURVEY = "la_code,respondent_id,wave,wave_date,item_id,response\n";
  static final String RATINGS = "la_code,wave_date,element,score,rater_role\n";
  static final Pseudonymiser PSEUDONYMS = Pseudonymiser.create(FixturesIngestTest.KEY);

  static SparkSession spark;
  @TempDir static Path temp;
  static Path deposits;
  static Path lake;
  static IngestResult result;
  static Map<String, LedgerEntry> ledger = new TreeMap<>();

  static void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(String relative, byte[] bytes) throws IOException {
    Path path = deposits.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.write(path, bytes);
  }

  @BeforeAll
  static void ingestTheCorpus() throws IOException {
    spark = TestSpark.session();
    deposits = temp.resolve("deposits");
    write(
        "855/instruments/family_survey.csv",
        "\uFEFF"
            + SURVEY
            + "855,RESP-000001,1,2015-04-01,fs_listened,4\n" // 2 ISO date
            + "855,RESP-000002,1.0,01/04/2015,fs_listened,5\n" // 3 dd/mm/yyyy, wave 1.0
            + "855,,1,2015-04-01,fs_listened,3\n" // 4 blank ID
            + "855,Jane Smith,1,2015-04-01,fs_listened,3\n" // 5 a name as ID
            + "855,RESP-000003,1,2099-01-01,fs_listened,3\n" // 6 future date
            + "925,RESP-000004,1,2015-04-01,fs_listened,3\n" // 7 another LA's row
            + "855,RESP-000005,1.5,2015-04-01,fs_listened,3\n" // 8 not a whole number
            + "855,RESP-000006,2,1/10/2015,fs_listened,DK\n"); // 9 d/m/yyyy
    write(
        "855/instruments/case_audit.csv",
        "la_code,audit_id,case_id,audit_date,audit_round,audit_tool_version,auditor_role,"
            + "criterion_id,rating\n"
            + "855,AUDIT-00001,000123,2015-07-01,1,1,peer,childs_voice,met\n"
            + "855,AUDIT-00001,000123,2015-07-01,1,1,peer,danger_statements_plain,partly\n");
    write(
        "855/2016/header.csv",
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n000123,1,03/04/2010,WBRI,,,\n");
    write("855/instruments/training.csv", "la_code,course,date,staff_trained,staff_in_scope\n");
    write("855/instruments/empty.csv", "");
    write(
        "855/instruments/repeated.csv",
        "la_code,course,course,date,staff_trained,staff_in_scope\n"
            + "855,basic_two_day,x,2015-06-01,10,20\n");
    write(
        "855/instruments/names.csv",
        "la_code,respondent_id,parent_name,wave,wave_date,item_id,response\n"
            + "855,RESP-000008,Jane Smith,1,2015-04-01,fs_listened,4\n");
    write("855/instruments/utf16.csv", SURVEY.getBytes(StandardCharsets.UTF_16));
    write("855/instruments/other.csv", "la_code,colour\n855,blue\n");
    write(
        "925/instruments/implementation_rating.csv",
        RATINGS + "925,2015-04-01,staff_familiarity,5,senior_leader\n");
    write(
        "national/instruments/implementation_rating.csv",
        RATINGS
            + "855,2015-04-01,staff_familiarity,6.50,senior_leader\n"
            + "925,2016-04-01,staff_familiarity,7,senior_leader\n"
            + "925,2015-04-01,staff_familiarity,5,senior_leader\n"); // 925's own file has it
    write(
        "926/instruments/family_survey.csv",
        SURVEY + "926,RESP-000007,1,June 2015,fs_listened,4\n");
    lake = temp.resolve("lake");
    result = Ingest.run(spark, deposits, lake, FixturesIngestTest.KEY, Progress.SILENT);
    result.files().forEach(entry -> ledger.put(entry.file(), entry));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static LedgerEntry entry(String file) {
    return DepositsIngestTest.entry(ledger, file);
  }

  static void assertRejected(String file, String message) {
    DepositsIngestTest.assertRejected(ledger, file, message);
  }

  static List<Row> rows(String dataset) {
    return spark.read().parquet(lake.resolve(dataset).toString()).collectAsList();
  }

  static Row quarantined(String dataset, String location) {
    return rows("_quarantine/" + dataset).stream()
        .filter(row -> row.getAs("location").equals(location))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing quarantined at " + location));
  }

  @Test
  void everyInstrumentFileHasALedgerRowThatConservesItsRowsAndMatchesTheLake() {
    assertThat(ledger.keySet())
        .containsExactlyInAnyOrder(
            "855/2016/header.csv",
            "855/instruments/family_survey.csv",
            "855/instruments/case_audit.csv",
            "855/instruments/training.csv",
            "855/instruments/empty.csv",
            "855/instruments/repeated.csv",
            "855/instruments/names.csv",
            "855/instruments/utf16.csv",
            "855/instruments/other.csv",
            "925/instruments/implementation_rating.csv",
            "national/instruments/implementation_rating.csv",
            "926/instruments/family_survey.csv");
    assertThat(Ledger.read(lake)).hasSameElementsAs(result.files());
    Map<String, Long> written = new TreeMap<>();
    Map<String, Long> quarantined = new TreeMap<>();
    for (LedgerEntry entry : ledger.values()) {
      assertThat(entry.rowsRead())
          .as(entry.file())
          .isEqualTo(entry.rowsWritten() + entry.rowsQuarantined());
      written.merge(entry.kind(), entry.rowsWritten(), Long::sum);
      quarantined.merge(entry.kind(), entry.rowsQuarantined(), Long::sum);
    }
    for (String instrument :
        List.of(
            InstrumentSchema.FAMILY_SURVEY,
            InstrumentSchema.CASE_AUDIT,
            InstrumentSchema.IMPLEMENTATION_RATING)) {
      String dataset = InstrumentLake.PREFIX + instrument;
      assertThat(FixturesIngestTest.count(spark, lake, dataset))
          .as(dataset)
          .isEqualTo(written.get(InstrumentLake.KIND + instrument));
      assertThat(FixturesIngestTest.count(spark, lake, "_quarantine/" + dataset))
          .as("quarantine of " + dataset)
          .isEqualTo(quarantined.get(InstrumentLake.KIND + instrument));
    }
    LedgerEntry survey = entry("855/instruments/family_survey.csv");
    assertThat(survey.kind()).isEqualTo("instrument/family_survey");
    assertThat(survey.schemaVersion()).isEqualTo("instrument/family_survey/v1");
    assertThat(survey.laCode()).contains("855");
    assertThat(survey.collectionYear()).contains(2016);
    assertThat(List.of(survey.rowsRead(), survey.rowsWritten(), survey.rowsQuarantined()))
        .containsExactly(8L, 3L, 5L);
    assertThat(survey.status()).isEqualTo(LedgerEntry.QUARANTINED);
    assertThat(survey.message())
        .isEqualTo(
            "5 rows quarantined (future-date 1, identifier 1, integer 1, la-code-folder 1,"
                + " required 1)");
  }

  @Test
  void filesThatCannotBeReadAreRejectedWithWhatToDo() {
    assertRejected("855/instruments/empty.csv", "the file is empty (no header line)");
    assertRejected(
        "855/instruments/utf16.csv",
        "it is encoded as UTF-16; save it as UTF-8 (or Windows-1252) CSV and deposit it again");
    assertRejected(
        "855/instruments/repeated.csv",
        "a column name appears twice: [la_code, course, course, date, staff_trained,"
            + " staff_in_scope]. Remove the repeated column [duplicate-column]");
    assertRejected(
        "855/instruments/names.csv",
        "column 'parent_name' looks like a direct identifier (names, addresses, dates of birth are"
            + " never read). Remove the column and deposit the file again [direct-identifier]");
    assertRejected(
        "855/instruments/other.csv",
        "its columns [la_code, colour] match no instrument; nearest is costs, which is missing"
            + " [category, item, price_year] and does not have [colour]. Use the columns of"
            + " data-schemas/instruments/costs.yaml [columns]");
    assertRejected(
        "926/instruments/family_survey.csv",
        "no row has a valid wave_date, so its rows cannot be placed in the lake's partitions (LA"
            + " and year); correct the wave_date values and deposit it again");
    assertThat(result.rejected()).hasSize(6);
  }

  @Test
  void aHeaderOnlyFileIsAValidEmptyInstrument() {
    LedgerEntry training = entry("855/instruments/training.csv");
    assertThat(training.status()).isEqualTo(LedgerEntry.OK);
    assertThat(training.rowsRead()).isZero();
    assertThat(training.kind()).isEqualTo("instrument/training");
  }

  @Test
  void bomIsSkippedBothDateFormsAndWholeNumbersWithADecimalPointAreRead() {
    List<Row> survey = rows("instrument_family_survey");
    Row second =
        survey.stream()
            .filter(
                row ->
                    row.getAs("respondent_key")
                        .equals(PSEUDONYMS.local("respondent", "855", "RESP-000002")))
            .findFirst()
            .orElseThrow();
    assertThat(((java.sql.Date) second.getAs("wave_date")).toLocalDate())
        .isEqualTo(LocalDate.of(2015, 4, 1));
    assertThat((Integer) second.getAs("wave")).isEqualTo(1);
    assertThat(survey)
        .extracting(row -> ((java.sql.Date) row.getAs("wave_date")).toLocalDate())
        .containsExactlyInAnyOrder(
            LocalDate.of(2015, 4, 1), LocalDate.of(2015, 4, 1), LocalDate.of(2015, 10, 1));
    assertThat(survey).allSatisfy(row -> assertThat((String) row.getAs("la")).isEqualTo("855"));
    assertThat(survey).allSatisfy(row -> assertThat((String) row.getAs("year")).isEqualTo("2016"));
  }

  @Test
  void badRowsAreQuarantinedNamingLineFieldAndRuleWithIdentifiersPseudonymisedOrWithheld() {
    Row blank = quarantined("instrument_family_survey", "line 4");
    assertThat((String) blank.getAs("field")).isEqualTo("respondent_id");
    assertThat((String) blank.getAs("rule")).isEqualTo("required");
    assertThat((String) blank.getAs("source_file")).isEqualTo("855/instruments/family_survey.csv");
    Row name = quarantined("instrument_family_survey", "line 5");
    assertThat((String) name.getAs("rule")).isEqualTo("identifier");
    assertThat(name.<String, String>getJavaMap(name.fieldIndex("values")))
        .containsEntry("respondent_key", "(invalid value withheld)")
        .containsEntry("la_code", "855")
        .containsEntry("wave_date", "2015-04-01");
    Row future = quarantined("instrument_family_survey", "line 6");
    assertThat((String) future.getAs("rule")).isEqualTo("future-date");
    assertThat(future.<String, String>getJavaMap(future.fieldIndex("values")))
        .containsEntry("respondent_key", PSEUDONYMS.local("respondent", "855", "RESP-000003"))
        .containsEntry("wave_date", "2099-01-01");
    Row elsewhere = quarantined("instrument_family_survey", "line 7");
    assertThat((String) elsewhere.getAs("rule")).isEqualTo("la-code-folder");
    assertThat((String) elsewhere.getAs("la")).as("the folder's LA").isEqualTo("855");
    assertThat((String) quarantined("instrument_family_survey", "line 8").getAs("message"))
        .isEqualTo("'1.5' is not a whole number");
  }

  @Test
  void aKeyAnotherFileAlreadyGaveIsQuarantinedAndRowsArePartitionedByLaAndReportingYear() {
    Row repeated = quarantined("instrument_implementation_rating", "line 4");
    assertThat((String) repeated.getAs("rule")).isEqualTo("duplicate-key");
    assertThat((String) repeated.getAs("message"))
        .isEqualTo(
            "has the same [la_code, wave_date, element, rater_role] as"
                + " 925/instruments/implementation_rating.csv line 2; the first is kept");
    assertThat(rows("instrument_implementation_rating"))
        .extracting(row -> row.getAs("la") + "/" + row.getAs("year") + " " + row.getAs("score"))
        .containsExactlyInAnyOrder("855/2016 6.5", "925/2016 5.0", "925/2017 7.0");
    LedgerEntry national = entry("national/instruments/implementation_rating.csv");
    assertThat(national.laCode()).as("rows of two LAs").isEmpty();
    assertThat(national.collectionYear()).contains(2017);
  }

  @Test
  void identifiersArePseudonymisedWithTheKeyAndACaseLinksToTheChild() {
    Row child = rows("ssda903_header").get(0);
    assertThat(rows("instrument_case_audit"))
        .allSatisfy(
            audit -> {
              assertThat((String) audit.getAs("case_key")).isEqualTo(child.getAs("child_key"));
              assertThat((String) audit.getAs("audit_key"))
                  .isEqualTo(PSEUDONYMS.local("audit", "855", "AUDIT-00001"));
            });
  }

  @Test
  void noRawIdentifierOrNameFromTheInstrumentsIsFoundInTheLakesBytes() throws IOException {
    List<String> identifiers =
        List.of(
            "RESP-000001",
            "RESP-000002",
            "RESP-000003",
            "RESP-000004",
            "RESP-000005",
            "RESP-000006",
            "RESP-000007",
            "RESP-000008",
            "AUDIT-00001",
            "Jane Smith",
            "Smith");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(lake)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        identifiers.stream()
            .filter(bytes::contains)
            .forEach(id -> found.add(id + " in " + lake.relativize(file)));
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void sameDepositsTwiceGiveTheSameLakeAndACorrectedFileReplacesItsPartitions(@TempDir Path again)
      throws IOException {
    Map<String, List<String>> before = FixturesIngestTest.snapshot(spark, lake);
    String ledgerBefore = Files.readString(Ledger.path(lake));
    Ingest.run(spark, deposits, lake, FixturesIngestTest.KEY, Progress.SILENT);
    assertThat(FixturesIngestTest.snapshot(spark, lake)).isEqualTo(before);
    assertThat(Files.readString(Ledger.path(lake))).isEqualTo(ledgerBefore);

    Path small = again.resolve("deposits");
    Path target = again.resolve("lake");
    Path file = small.resolve("925/instruments/implementation_rating.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, RATINGS + "925,2015-04-01,staff_familiarity,5,senior_leader\n");
    Ingest.run(spark, small, target, FixturesIngestTest.KEY, Progress.SILENT);
    Files.writeString(file, RATINGS + "925,2015-04-01,staff_familiarity,8,senior_leader\n");
    IngestResult corrected =
        Ingest.run(spark, small, target, FixturesIngestTest.KEY, Progress.SILENT);
    assertThat(
            spark
                .read()
                .parquet(target.resolve("instrument_implementation_rating").toString())
                .collectAsList())
        .extracting(row -> row.getAs("score"))
        .containsExactly(8.0);
    assertThat(Ledger.read(target)).hasSameElementsAs(corrected.files()).hasSize(1);
  }

  @Test
  void theLakeReadBackHoldsTheRowsReadingTheFilesDirectlyGives() {
    InstrumentSet fromLake = InstrumentLake.read(spark, lake);
    InstrumentSet fromFiles = InstrumentSet.read(List.of(deposits), PSEUDONYMS);
    for (String instrument : InstrumentSchema.ALL) {
      assertThat(values(fromLake.rows(instrument)))
          .as(instrument)
          .containsExactlyInAnyOrderElementsOf(values(fromFiles.rows(instrument)));
    }
    assertThat(fromLake.ledger().get(InstrumentSchema.FAMILY_SURVEY)).containsExactly(8, 3, 5);
    assertThat(fromLake.rejectedFiles())
        .extracting(problem -> problem.file().toString())
        .contains("855/instruments/names.csv", "926/instruments/family_survey.csv");
    assertThat(fromLake.problems())
        .extracting(problem -> problem.file() + " line " + problem.line() + " " + problem.rule())
        .contains("855/instruments/family_survey.csv line 4 required");
  }

  private static List<Map<String, String>> values(List<InstrumentRow> rows) {
    return rows.stream().map(InstrumentRow::values).toList();
  }

  @Test
  void analysesOfTheLakePublishWhatAnalysesOfTheFilesPublish(@TempDir Path generated)
      throws IOException {
    Design design = Designs.random(2013, 2018, 11, 0.1, 3, 2, LocalDate.of(2014, 10, 1), List.of());
    Path files = generated.resolve("deposits");
    InstrumentDeposits.writeAll(design, files);
    Path target = generated.resolve("lake");
    IngestResult ingested =
        Ingest.run(spark, files, target, FixturesIngestTest.KEY, Progress.SILENT);
    assertThat(ingested.rejected()).isEmpty();
    assertThat(ingested.rowsQuarantined()).isZero();
    LaGroups groups =
        LaGroups.of(design.pilots().stream().map(Pilot::la).toList(), design.comparators());
    for (Map.Entry<String, InstrumentSet> source :
        Map.of(
                "lake",
                InstrumentLake.read(spark, target),
                "files",
                InstrumentSet.read(List.of(files), PSEUDONYMS))
            .entrySet()) {
      InstrumentAnalysis.run(
          source.getValue(),
          groups,
          DisclosureProfile.dfe(),
          CostAnalysis.priceIndex(),
          OptionalInt.empty(),
          generated.resolve(source.getKey()));
    }
    List<String> tables;
    try (Stream<Path> list = Files.list(generated.resolve("files"))) {
      tables = list.map(path -> path.getFileName().toString()).sorted().toList();
    }
    assertThat(tables).hasSize(16); // eight tables, each with its .meta.csv
    for (String table : tables) {
      assertThat(Files.readString(generated.resolve("lake").resolve(table)))
          .as(table)
          .isEqualTo(Files.readString(generated.resolve("files").resolve(table)));
    }
  }
}
