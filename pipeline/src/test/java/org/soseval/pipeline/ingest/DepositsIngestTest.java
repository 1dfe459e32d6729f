package org.soseval.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.Progress;
import org.soseval.pipeline.generate.Designs;
import org.soseval.pipeline.generate.SyntheticDeposits;
import org.soseval.pipeline.lake.LedgerEntry;

/**
 * A corpus of bad deposits built inline, all ingested in one run: each gets a clear message naming
 * its file (the ledger row), and its line and field where it is a row's fault; none crashes the
 * run. Also: generated deposits ingest without quarantine.
 */
class DepositsIngestTest {
  static final String EPISODES =
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
  static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";

  static SparkSession spark;
  @TempDir static Path temp;
  static Path lake;
  static Map<String, LedgerEntry> ledger = new TreeMap<>();
  static IngestResult result;

  static void write(String relative, String text) throws IOException {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(String relative, byte[] bytes) throws IOException {
    Path path = temp.resolve("deposits").resolve(relative);
    Files.createDirectories(path.getParent());
    Files.write(path, bytes);
  }

  @BeforeAll
  static void ingestTheCorpus() throws IOException {
    spark = TestSpark.session();
    String cin = Files.readString(Fixtures.file("cin_xml/liia_tools_cin-2022.xml"));
    write("201/truncated.xml", cin.substring(0, cin.length() / 2));
    write("201/empty.xml", "");
    write(
        "201/latin1.xml",
        cin.replace("<SoftwareCode>", "<SoftwareCode>caf\u00e9 ")
            .getBytes(StandardCharsets.ISO_8859_1));
    write(
        "202/names.xml",
        Files.readString(Fixtures.file("cin_xml/d2i_cin_validator_CIN_Census_2021.xml"))
            .replace("<LEA>201</LEA>", "<LEA>202</LEA>")
            .replace("<LAchildID>", "<ChildName>Jo Bloggs</ChildName><LAchildID>"));
    write(
        "203/xxe.xml",
        cin.replace("<LEA>201</LEA>", "<LEA>203</LEA>")
            .replaceFirst(
                "<Message>",
                "<!DOCTYPE Message [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n<Message>")
            .replace("<LAchildID>DfEX0000001</LAchildID>", "<LAchildID>&xxe;</LAchildID>"));
    write(
        "204/external-dtd.xml",
        cin.replace("<LEA>201</LEA>", "<LEA>204</LEA>")
            .replaceFirst(
                "<Message>",
                "<!DOCTYPE Message SYSTEM \"file:///nonexistent/cin.dtd\">\n<Message>"));
    write("301/2019/empty.csv", "");
    write(
        "301/2019/header.csv",
        "\uFEFF"
            + HEADER
            + "000123,1,03/04/2010,WBRI,,,\n123,2,2011-05-06,WBRI,,1.0,\n,1,01/01/2012,WBRI,,,\n");
    write("301/2019/oc2.csv", "CHILD,DOB,SDQ_SCORE\n7,01/01/2008,10.0\n8,01/01/2008,10.5\n");
    write("301/2019/uasc.csv", "CHILD,SEX,DOB,DUC\n");
    write(
        "301/2019/episodes.csv",
        EPISODES
            + "000123,01/05/2018,S,C2,N1,U1,PR1,,,,AB1 2CD,XY12 3ZZ,1\n"
            + "123,2030-01-01,S,C2,N1,U1,PR1,,,,,,1\n");
    write(
        "302/2019/oc3.csv",
        ("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/01/2001,YES,caf\u00e9,V1\n")
            .getBytes(CsvText.WINDOWS_1252));
    write("303/2019/episodes.csv", "CHILD,DECOM,DECOM,RNE\n");
    write("304/2019/header.csv", "CHILD,FORENAME,SEX,DOB,ETHNIC\n1,Jo,1,01/01/2010,WBRI\n");
    write("305/2019/utf16.csv", HEADER.getBytes(StandardCharsets.UTF_16));
    write("306/no-year/header.csv", HEADER);
    write("307/2016/2017-header.csv", HEADER);
    write("2019/header.csv", HEADER);
    write("README.txt", "not a deposit");
    write("201/census-2022.xml.gz", new byte[] {31, -117, 8, 0});
    write("308/2019/episodes.csv", "ADV0308X,01/05/2018,S,C2,N1,U1,PR1,,,,,,1\n");
    write("309/2019/episodes.csv", EPISODES.replace(',', ';'));
    write("310/2019/episodes.csv", EPISODES.replace("CHILD,", "CHILD ID,"));
    write("311/2019/episodes.csv", EPISODES + "\"ADV0311X,01/05/2018,S\n");
    write("311/2019/family_survey.csv", "LA Code,respondent_id,wave,wave_date,item_id,response\n");
    lake = temp.resolve("lake");
    result =
        Ingest.run(spark, temp.resolve("deposits"), lake, FixturesIngestTest.KEY, Progress.SILENT);
    for (LedgerEntry entry : result.files()) {
      ledger.put(entry.file(), entry);
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static LedgerEntry entry(String file) {
    return entry(ledger, file);
  }

  static void assertRejected(String file, String message) {
    assertRejected(ledger, file, message);
  }

  /** The ledger row of {@code file} in {@code ledger} (by file), failing when there is none. */
  static LedgerEntry entry(Map<String, LedgerEntry> ledger, String file) {
    LedgerEntry entry = ledger.get(file);
    assertThat(entry).as("ledger row for %s among %s", file, ledger.keySet()).isNotNull();
    return entry;
  }

  /** {@code file} was rejected whole with {@code message} and no rows. */
  static void assertRejected(Map<String, LedgerEntry> ledger, String file, String message) {
    LedgerEntry entry = entry(ledger, file);
    assertThat(entry.status()).as(file).isEqualTo(LedgerEntry.REJECTED);
    assertThat(entry.message()).as(file).isEqualTo(message);
    assertThat(entry.rowsRead()).isZero();
  }

  static List<Row> quarantine(String dataset) {
    return spark
        .read()
        .parquet(lake.resolve("_quarantine").resolve(dataset).toString())
        .collectAsList();
  }

  @Test
  void truncatedXmlIsRejectedWithTheLineWhereItBreaks() {
    assertThat(entry("201/truncated.xml").status()).isEqualTo(LedgerEntry.REJECTED);
    assertThat(entry("201/truncated.xml").message())
        .startsWith("it is not readable XML (truncated or wrong encoding?): line ");
  }

  @Test
  void emptyFilesAreRejected() {
    assertRejected("201/empty.xml", "the file holds no XML element (it is empty)");
    assertRejected("301/2019/empty.csv", "the file is empty (no header line)");
  }

  @Test
  void xmlWhoseBytesAreNotInItsDeclaredEncodingIsRejected() {
    assertThat(entry("201/latin1.xml").status()).isEqualTo(LedgerEntry.REJECTED);
    assertThat(entry("201/latin1.xml").message()).startsWith("it is not readable XML");
  }

  @Test
  void anEntityIsNeverExpandedAndADtdNeverFetched() {
    assertThat(entry("203/xxe.xml").status()).isEqualTo(LedgerEntry.REJECTED);
    assertThat(entry("203/xxe.xml").message())
        .startsWith("it is not readable XML: line 21, column ")
        .contains("entity references are not expanded (a DTD is never read, for security)")
        .doesNotContain("\n");
    // the DTD it names does not exist: had the parser fetched it, the file would be rejected
    assertThat(entry("204/external-dtd.xml").status()).isNotEqualTo(LedgerEntry.REJECTED);
    assertThat(entry("204/external-dtd.xml").rowsRead()).isPositive();
  }

  @Test
  void elementCarryingANameStopsTheFile() {
    assertThat(entry("202/names.xml").message())
        .startsWith("element <ChildName> at line ")
        .endsWith(
            "is a direct identifier (a name, address, postcode or NHS number); remove it from the"
                + " extract and deposit the file again")
        .doesNotContain("Bloggs");
  }

  @Test
  void columnOfNamesStopsTheFile() {
    assertRejected(
        "304/2019/header.csv",
        "its column FORENAME is a direct identifier (a name, address, postcode or NHS number);"
            + " remove the column and deposit the file again");
  }

  @Test
  void duplicateColumnsAreRejected() {
    assertRejected(
        "303/2019/episodes.csv",
        "column DECOM appears twice in the header; keep one and deposit it again");
  }

  @Test
  void utf16IsRejectedWithHowToSaveIt() {
    assertRejected(
        "305/2019/utf16.csv",
        "it is encoded as UTF-16; save it as UTF-8 (or Windows-1252) CSV and deposit it again");
  }

  @Test
  void pathsWithoutOneYearOrAnLaAreRejectedWithHowToNameThem() {
    assertRejected(
        "306/no-year/header.csv", "its path names no collection year. " + PathHints.NAMING_ADVICE);
    assertRejected(
        "307/2016/2017-header.csv",
        "its path names more than one year [2016, 2017]. " + PathHints.NAMING_ADVICE);
    assertRejected(
        "2019/header.csv",
        "no folder on its path is a 3-digit LA code; put the SSDA903 tables in a folder named by"
            + " the LA code, e.g. 855/2016/episodes.csv");
  }

  @Test
  void filesThatAreNotDepositsAreIgnored() {
    assertThat(ledger).doesNotContainKey("README.txt");
  }

  @Test
  void aCompressedFileIsSkippedWithAWarningToUnpackIt() {
    assertThat(ledger).doesNotContainKey("201/census-2022.xml.gz");
    assertThat(result.warnings())
        .contains(
            "201/census-2022.xml.gz: skipped: a compressed file (.gz) is not read; unpack it under"
                + " the deposits folder and run ingest again");
  }

  @Test
  void aCsvWithoutItsHeaderLineIsRejectedWithoutRepeatingItsFirstLine() {
    assertRejected(
        "308/2019/episodes.csv",
        "its columns (?,?,?,?,?,?,?,?,?,?,?,?,?; ? is a column of no table, not repeated here)"
            + " have no CHILD, so it is no SSDA903 table (docs/ingest.md), and no la_code,"
            + " so it is no instrument file (docs/instruments.md); the first line must name the"
            + " columns");
    assertRejected(
        "309/2019/episodes.csv",
        "its first line is one column holding semicolons, tabs or bars: the file is not separated"
            + " by commas; save it as CSV (comma-separated) and deposit it again");
    assertThat(entry("310/2019/episodes.csv").message())
        .startsWith("its columns (?,DECOM,RNE,LS,CIN,PLACE,");
    assertThat(entry("311/2019/family_survey.csv").message())
        .startsWith("its columns (?,RESPONDENT_ID,WAVE,WAVE_DATE,ITEM_ID,RESPONSE; ? is a column");
  }

  @Test
  void anUnclosedQuoteRejectsTheFileSayingWhereAndHowToWriteQuotes() {
    assertRejected(
        "311/2019/episodes.csv",
        "it is not readable CSV: (startline 2) EOF reached before encapsulated token finished; a"
            + " field that opens with a quote must close with one, and a quote inside a field is"
            + " written twice: correct it and deposit it again");
  }

  @Test
  void headerOnlyCsvIsAValidEmptyTable() {
    LedgerEntry entry = entry("301/2019/uasc.csv");
    assertThat(entry.status()).isEqualTo(LedgerEntry.OK);
    assertThat(entry.rowsRead()).isZero();
  }

  @Test
  void byteOrderMarkIsSkippedAndBlankIdsAreQuarantinedNamingLineAndField() {
    LedgerEntry entry = entry("301/2019/header.csv");
    assertThat(entry.rowsRead()).isEqualTo(3);
    assertThat(entry.rowsQuarantined()).isEqualTo(1);
    Row blank = quarantine("ssda903_header").get(0);
    assertThat((String) blank.getAs("location")).isEqualTo("line 4");
    assertThat((String) blank.getAs("field")).isEqualTo("CHILD");
    assertThat((String) blank.getAs("message")).isEqualTo("CHILD is required but blank on line 4");
  }

  @Test
  void leadingZerosAreKeptSoIdsDifferAndBothDateFormsAreRead() {
    List<Row> rows =
        spark
            .read()
            .parquet(lake.resolve("ssda903_header").toString())
            .where("la = '301'")
            .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.stream().map(row -> (String) row.getAs("child_key")).distinct()).hasSize(2);
    assertThat(rows.stream().map(row -> ((java.sql.Date) row.getAs("DOB")).toLocalDate()))
        .containsExactlyInAnyOrder(LocalDate.of(2010, 4, 1), LocalDate.of(2011, 5, 1));
  }

  @Test
  void wholeNumbersWrittenWithADecimalPointAreReadAndFractionsQuarantined() {
    Row row = spark.read().parquet(lake.resolve("ssda903_oc2").toString()).first();
    assertThat((Integer) row.getAs("SDQ_SCORE")).isEqualTo(10);
    Row fraction = quarantine("ssda903_oc2").get(0);
    assertThat((String) fraction.getAs("message"))
        .isEqualTo("SDQ_SCORE '10.5' is not a whole number (line 3)");
  }

  @Test
  void futureDatesAreQuarantinedAndPostcodesReducedToSectors() {
    Row future = quarantine("ssda903_episodes").get(0);
    assertThat((String) future.getAs("rule")).isEqualTo("DATE_AFTER_YEAR_END");
    assertThat((String) future.getAs("message"))
        .isEqualTo(
            "DECOM 2030-01-01 is after 31 March 2019, the end of the collection year (line 3)");
    Row episode = spark.read().parquet(lake.resolve("ssda903_episodes").toString()).first();
    assertThat((String) episode.getAs("HOME_POST")).isEqualTo("AB1 2");
    assertThat((String) episode.getAs("PL_POST")).isEqualTo("XY12 3");
  }

  @Test
  void windows1252CsvIsRead() {
    Row row = spark.read().parquet(lake.resolve("ssda903_oc3").toString()).first();
    assertThat((String) row.getAs("ACTIV")).isEqualTo("caf\u00e9");
  }

  @Test
  void generatedDepositsIngestWithoutQuarantine(@TempDir Path generated) {
    Path deposits = generated.resolve("deposits");
    SyntheticDeposits.generate(
        Designs.random(2019, 2021, 7, 0.05, 2, 1, LocalDate.of(2019, 10, 1), List.of()),
        deposits,
        Progress.SILENT);
    IngestResult result =
        Ingest.run(
            spark, deposits, generated.resolve("lake"), FixturesIngestTest.KEY, Progress.SILENT);
    assertThat(result.rejected()).isEmpty();
    assertThat(result.files()).hasSizeGreaterThanOrEqualTo(2 * 3 * 2);
    assertThat(result.rowsQuarantined()).as("%s", result.quarantinedByRule()).isZero();
    assertThat(result.rowsWritten()).isGreaterThan(1000);
  }
}
