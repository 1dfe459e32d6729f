package org.soseval.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.soseval.pipeline.generate.Ssda903XmlWriter;
import org.soseval.pipeline.generate.SyntheticDeposits;
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.LedgerEntry;
import org.soseval.pipeline.privacy.Pseudonymiser;
import org.soseval.pipeline.schemas.CsvTable;
import org.soseval.pipeline.schemas.SchemaRegistry;

/**
 * SSDA903 returns as XML: the validator's fixture, a small hand-written return, a corpus of bad
 * files in one run, the same children as CSV tables and as XML, and XML and CSV deposits replacing
 * each other.
 */
class Ssda903XmlIngestTest {
  static final String FIXTURE = "ssda903_validator_fake/fake_903.xml";
  static final List<String> XML_TABLES =
      SchemaRegistry.ssda903().xmlTables().stream().map(CsvTable::name).toList();

  static final String SMALL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <EXPSSDA903 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="CLA.xsd">
      <CHILD><HEADER><CHILDID>000123</CHILDID><UPN/><SEX>1</SEX><DOB>15/06/2010</DOB>\
      <ETHNIC>WBRI</ETHNIC><UASC>1</UASC>
        <AREVIEW><REVIEW>01/02/2018</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>\
      <MOTHER/><MC_DOB/></HEADER>
        <EPISODE><DECOM>01/05/2017</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL>\
      <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/><NOTE>free text</NOTE></EPISODE></CHILD>
      <CHILD><HEADER><CHILDID>124</CHILDID><SEX>2</SEX><DOB>01/01/2009</DOB><ETHNIC>WBRI</ETHNIC>\
      <UASC>0</UASC><DATE_INT>01/03/2018</DATE_INT><DATE_MATCH>02/03/2018</DATE_MATCH>\
      <FOSTER_CARE>0</FOSTER_CARE><NB_ADOPTR>2</NB_ADOPTR><SEX_ADOPTR>MF</SEX_ADOPTR>\
      <LS_ADOPTR>L0</LS_ADOPTR></HEADER></CHILD>
      <CHILD><HEADER><CHILDID>125</CHILDID><SEX>1</SEX><DOB>01/01/2009</DOB><ETHNIC>WBRI</ETHNIC>\
      <UASC>maybe</UASC></HEADER></CHILD>
      </EXPSSDA903>
      """;

  static SparkSession spark;
  @TempDir static Path temp;
  static Path lake;
  static IngestResult result;
  static final Map<String, LedgerEntry> ledger = new TreeMap<>();

  static void write(Path root, String relative, String text) throws IOException {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void ingestTheCorpus() throws IOException {
    spark = TestSpark.session();
    Path deposits = temp.resolve("deposits");
    Fixtures.copy(FIXTURE, deposits.resolve("201/2018/fake_903.xml"));
    String fixture = Files.readString(Fixtures.file(FIXTURE));
    write(deposits, "301/2018/truncated.xml", fixture.substring(0, fixture.length() / 2));
    write(deposits, "302/2018/wrong_root.xml", "<SSDA903><CHILD/></SSDA903>");
    write(deposits, "303/2018/empty.xml", "");
    write(
        deposits,
        "304/2018/names.xml",
        fixture.replaceFirst("<SEX>", "<FORENAME>Jolyon</FORENAME><SEX>"));
    write(deposits, "305/2018/small.xml", SMALL);
    write(deposits, "306/2018/return.xml", SMALL);
    write(deposits, "306/2018/episodes.csv", DepositsIngestTest.EPISODES);
    write(deposits, "307/return.xml", SMALL);
    write(
        deposits,
        "308/2018/xxe.xml",
        SMALL
            .replace(
                "<EXPSSDA903 ",
                "<!DOCTYPE EXPSSDA903 [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n"
                    + "<EXPSSDA903 ")
            .replace("<CHILDID>124</CHILDID>", "<CHILDID>&xxe;</CHILDID>"));
    lake = temp.resolve("lake");
    result = Ingest.run(spark, deposits, lake, FixturesIngestTest.KEY, Progress.SILENT);
    result.files().forEach(entry -> ledger.put(entry.file(), entry));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static LedgerEntry entry(String file) {
    LedgerEntry entry = ledger.get(file);
    assertThat(entry).as("ledger row for %s among %s", file, ledger.keySet()).isNotNull();
    return entry;
  }

  /** The rows of one LA in a dataset (none when its partitions are absent or empty). */
  static List<Row> rows(Path root, String dataset, String la) throws IOException {
    Path folder = root.resolve(dataset).resolve("la=" + la);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      if (files.noneMatch(file -> file.toString().endsWith(".parquet"))) {
        return List.of();
      }
    }
    return spark.read().parquet(folder.toString()).collectAsList();
  }

  @Test
  void theValidatorsXmlIngestsIntoTheCsvTablesWithItsInvalidValuesQuarantined() throws IOException {
    LedgerEntry entry = entry("201/2018/fake_903.xml");
    assertThat(entry.status()).isEqualTo(LedgerEntry.QUARANTINED);
    assertThat(entry.kind()).isEqualTo("ssda903");
    assertThat(entry.schemaVersion()).isEqualTo("ssda903/2018");
    assertThat(rows(lake, "ssda903_header", "201")).hasSize(253);
    assertThat(rows(lake, "ssda903_uasc", "201")).hasSize(12); // the 12 children with UASC 1
    Row xxx =
        rows(lake, "_quarantine/ssda903_placed_for_adoption", "201").stream()
            .filter(row -> row.getAs("rule").equals("CODE_NOT_IN_LIST"))
            .findFirst()
            .orElseThrow();
    assertThat((String) xxx.getAs("field")).isEqualTo("REASON_PLACED_CEASED");
    assertThat((String) xxx.getAs("location"))
        .isEqualTo("line 2: /EXPSSDA903/CHILD[146]/HEADER[1]/AD_PLACED[1]");
    assertThat((String) xxx.getAs("message"))
        .startsWith(
            "REASON_PLACED_CEASED 'XXX' is not a valid REASON_PLACED_CEASED code in collection"
                + " year 2018");
    assertThat(rows(lake, "_quarantine/ssda903_episodes", "201"))
        .extracting(row -> row.getAs("field") + ":" + row.getAs("rule"))
        .contains("REC:CODE_NOT_IN_LIST", "DEC:903_EPISODE_CHAIN");
    assertThat(rows(lake, "ssda903_episodes", "201"))
        .extracting(row -> (String) row.getAs("PLACE"))
        .doesNotContainNull()
        .contains("R5", "U4");
  }

  @Test
  void everyFileConservesItsRowsAndTheXmlsRowsAreAllInTheLake() throws IOException {
    for (LedgerEntry entry : result.files()) {
      assertThat(entry.rowsRead())
          .as(entry.file())
          .isEqualTo(entry.rowsWritten() + entry.rowsQuarantined());
    }
    for (String la : List.of("201", "305")) {
      long written = 0;
      long quarantined = 0;
      for (String table : XML_TABLES) {
        written += rows(lake, "ssda903_" + table, la).size();
        quarantined += rows(lake, "_quarantine/ssda903_" + table, la).size();
      }
      LedgerEntry entry = entry(la.equals("201") ? "201/2018/fake_903.xml" : "305/2018/small.xml");
      assertThat(written).as(la).isEqualTo(entry.rowsWritten());
      assertThat(quarantined).as(la).isEqualTo(entry.rowsQuarantined());
    }
  }

  @Test
  void headerItemsAreARowOnlyWhenGivenAndSharedFieldsComeFromTheHeader() throws IOException {
    LedgerEntry entry = entry("305/2018/small.xml");
    // 3 headers, UASC for 000123 and the unreadable flag of 125, AD1 of 124, 1 review, 1 episode
    assertThat(entry.rowsRead()).isEqualTo(8);
    String child = Pseudonymiser.create(FixturesIngestTest.KEY).child("305", "000123");
    Row uasc = rows(lake, "ssda903_uasc", "305").get(0);
    assertThat((String) uasc.getAs("child_key")).isEqualTo(child);
    assertThat(uasc.getAs("SEX").toString()).isEqualTo("1");
    assertThat(uasc.getAs("DOB").toString()).isEqualTo("2010-06-01");
    Row flag = rows(lake, "_quarantine/ssda903_uasc", "305").get(0);
    assertThat((String) flag.getAs("rule")).isEqualTo("TYPE_BOOLEAN");
    assertThat((String) flag.getAs("message"))
        .isEqualTo("UASC 'maybe' is not 1/0/true/false (line 7: /EXPSSDA903/CHILD[3]/HEADER[1])");
    Row adoption = rows(lake, "ssda903_ad1", "305").get(0);
    assertThat((Integer) adoption.getAs("NB_ADOPTR")).isEqualTo(2);
    assertThat(rows(lake, "ssda903_oc3", "305")).isEmpty();
    Row review = rows(lake, "ssda903_reviews", "305").get(0);
    assertThat((String) review.getAs("child_key")).isEqualTo(child);
    assertThat((Integer) review.getAs("age_at_review_date")).isEqualTo(7);
    Row episode = rows(lake, "ssda903_episodes", "305").get(0);
    assertThat((String) episode.getAs("PLACE")).isEqualTo("U1");
    assertThat(entry.message())
        .contains("elements not in the schema were not ingested: CHILD/EPISODE/NOTE")
        .doesNotContain("free text")
        .doesNotContain("xsi");
  }

  @Test
  void badXmlIsRejectedWithItsReason() throws IOException {
    assertThat(entry("301/2018/truncated.xml").message())
        .startsWith("it is not readable XML (truncated or wrong encoding?): line ");
    assertThat(entry("302/2018/wrong_root.xml").message())
        .isEqualTo(
            "its root element is <SSDA903>: neither a CIN census (<Message>) nor an SSDA903"
                + " return (<EXPSSDA903>)");
    assertThat(entry("303/2018/empty.xml").message())
        .isEqualTo("the file holds no XML element (it is empty)");
    assertThat(entry("304/2018/names.xml").message())
        .isEqualTo(
            "element <FORENAME> at line 2 (/EXPSSDA903/CHILD[1]/HEADER[1]/FORENAME[1]) is a direct"
                + " identifier (a name, address, postcode or NHS number); remove it from the"
                + " extract and deposit the file again");
    assertThat(entry("307/return.xml").message())
        .isEqualTo("its path names no collection year. " + PathHints.NAMING_ADVICE);
    for (String file :
        List.of(
            "301/2018/truncated.xml",
            "302/2018/wrong_root.xml",
            "303/2018/empty.xml",
            "304/2018/names.xml",
            "307/return.xml")) {
      assertThat(entry(file).status()).as(file).isEqualTo(LedgerEntry.REJECTED);
      assertThat(entry(file).rowsRead()).as(file).isZero();
    }
    assertThat(lake.resolve("ssda903_header/la=301")).doesNotExist();
    assertThat(lake.resolve("ssda903_header/la=304")).doesNotExist();
  }

  @Test
  void anEntityIsNeverExpanded() {
    assertThat(entry("308/2018/xxe.xml").status()).isEqualTo(LedgerEntry.REJECTED);
    assertThat(entry("308/2018/xxe.xml").message())
        .startsWith("it is not readable XML: line 7, column ")
        .contains("entity references are not expanded (a DTD is never read, for security)")
        .doesNotContain("\n");
  }

  @Test
  void anXmlAndACsvTableOfTheSameReturnAreBothRejected() {
    String message =
        "2 files hold ssda903/episodes for LA 306, collection year 2018 (306/2018/episodes.csv,"
            + " 306/2018/return.xml); deposit one of them";
    assertThat(entry("306/2018/return.xml").message()).isEqualTo(message);
    assertThat(entry("306/2018/episodes.csv").message()).isEqualTo(message);
  }

  @Test
  void noRawIdentifierOfTheXmlIsFoundInTheLakesBytes() throws IOException {
    Set<String> identifiers = new LinkedHashSet<>();
    Matcher matcher =
        Pattern.compile("<(CHILDID|UPN)>([^<]+)<")
            .matcher(Files.readString(Fixtures.file(FIXTURE)));
    while (matcher.find()) {
      if (matcher.group(2).strip().length() >= 8) { // shorter strings occur by chance in any bytes
        identifiers.add(matcher.group(2).strip());
      }
    }
    assertThat(identifiers).hasSizeGreaterThan(200);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(lake)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        identifiers.stream().filter(bytes::contains).forEach(id -> found.add(id + " in " + file));
        if (bytes.contains("Jolyon")) {
          found.add("a name in " + file);
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theSameChildrenAsCsvTablesAndAsXmlGiveTheSameLake(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("csv");
    for (String table : XML_TABLES) {
      Fixtures.copy(
          "ssda903_validator_fake/" + table + ".csv", csv.resolve("201/2018/" + table + ".csv"));
    }
    Path xml = dir.resolve("xml/201/2018/return.xml");
    Files.createDirectories(xml.getParent());
    try (OutputStream out = Files.newOutputStream(xml)) {
      Ssda903XmlWriter.fromCsvTables(csv.resolve("201/2018"), out);
    }
    IngestResult fromCsv =
        Ingest.run(spark, csv, dir.resolve("lake-csv"), FixturesIngestTest.KEY, Progress.SILENT);
    IngestResult fromXml =
        Ingest.run(
            spark, dir.resolve("xml"), dir.resolve("lake-xml"), FixturesIngestTest.KEY, m -> {});
    assertThat(fromXml.rejected()).isEmpty();
    assertThat(fromXml.rowsWritten()).isEqualTo(fromCsv.rowsWritten()).isGreaterThan(20_000);
    assertThat(fromXml.rowsQuarantined()).isEqualTo(fromCsv.rowsQuarantined()).isPositive();
    assertThat(fromXml.quarantinedByRule()).isEqualTo(fromCsv.quarantinedByRule());
    for (String table : XML_TABLES) {
      assertThat(sorted(dir.resolve("lake-xml"), "ssda903_" + table, "201", List.of()))
          .as(table)
          .isEqualTo(sorted(dir.resolve("lake-csv"), "ssda903_" + table, "201", List.of()));
      List<String> columns = List.of("field", "rule", "all_rules", "values");
      assertThat(sorted(dir.resolve("lake-xml"), "_quarantine/ssda903_" + table, "201", columns))
          .as("quarantine of " + table)
          .isEqualTo(
              sorted(dir.resolve("lake-csv"), "_quarantine/ssda903_" + table, "201", columns));
    }
  }

  @Test
  void generatedReturnsAsXmlGiveTheSameLakeAsTheirCsvTables(@TempDir Path dir) throws IOException {
    Design design = Designs.random(2020, 2021, 7, 0.05, 2, 1, LocalDate.of(2020, 10, 1), List.of());
    SyntheticDeposits.generate(design, dir.resolve("csv"), false, Progress.SILENT);
    SyntheticDeposits.generate(design, dir.resolve("xml"), true, Progress.SILENT);
    String la = design.authorities().get(0);
    assertThat(dir.resolve("xml/" + la + "/ssda903_2021.xml")).isRegularFile();
    assertThat(dir.resolve("xml/" + la + "/ssda903_2021")).doesNotExist();
    IngestResult fromCsv =
        Ingest.run(
            spark, dir.resolve("csv"), dir.resolve("lake-csv"), FixturesIngestTest.KEY, m -> {});
    IngestResult fromXml =
        Ingest.run(
            spark, dir.resolve("xml"), dir.resolve("lake-xml"), FixturesIngestTest.KEY, m -> {});
    assertThat(fromXml.rejected()).isEmpty();
    assertThat(fromXml.files()).extracting(LedgerEntry::kind).contains("ssda903");
    assertThat(fromXml.rowsWritten()).isEqualTo(fromCsv.rowsWritten());
    assertThat(fromXml.rowsQuarantined()).isZero();
    for (String table : XML_TABLES) {
      assertThat(sorted(dir.resolve("lake-xml"), "ssda903_" + table, la, List.of()))
          .as(table)
          .isEqualTo(sorted(dir.resolve("lake-csv"), "ssda903_" + table, la, List.of()));
    }
    assertThat(sorted(dir.resolve("lake-xml"), "ssda903_episodes", la, List.of())).isNotEmpty();
  }

  /** A dataset's rows (or the given columns of them) as sorted strings. */
  private static List<String> sorted(Path root, String dataset, String la, List<String> columns)
      throws IOException {
    List<String> values = new ArrayList<>();
    for (Row row : rows(root, dataset, la)) {
      if (columns.isEmpty()) {
        values.add(row.toString());
      } else {
        values.add(
            columns.stream().map(c -> String.valueOf((Object) row.getAs(c))).toList().toString());
      }
    }
    values.sort(null);
    return values;
  }

  @Test
  void anXmlReturnReplacesTheCsvTablesOfItsYearAndACsvTableReplacesTheWholeXml(@TempDir Path dir)
      throws IOException {
    Path deposits = dir.resolve("deposits");
    Path target = dir.resolve("lake");
    write(deposits, "305/2018/header.csv", DepositsIngestTest.HEADER + "9,1,01/01/2010,WBRI,,,\n");
    write(deposits, "305/2018/oc2.csv", "CHILD,DOB,SDQ_SCORE\n9,01/01/2010,10\n");
    Ingest.run(spark, deposits, target, FixturesIngestTest.KEY, Progress.SILENT);
    Files.delete(deposits.resolve("305/2018/header.csv"));
    Files.delete(deposits.resolve("305/2018/oc2.csv"));
    write(deposits, "305/2018/small.xml", SMALL);
    Ingest.run(spark, deposits, target, FixturesIngestTest.KEY, Progress.SILENT);
    assertThat(Ledger.read(target))
        .extracting(LedgerEntry::file)
        .containsExactly("305/2018/small.xml");
    assertThat(rows(target, "ssda903_header", "305")).hasSize(3);
    assertThat(rows(target, "ssda903_oc2", "305")).isEmpty();

    Files.delete(deposits.resolve("305/2018/small.xml"));
    write(deposits, "305/2018/header.csv", DepositsIngestTest.HEADER + "9,1,01/01/2010,WBRI,,,\n");
    IngestResult third = Ingest.run(spark, deposits, target, FixturesIngestTest.KEY, m -> {});
    assertThat(third.warnings())
        .contains(
            "the SSDA903 XML 305/2018/small.xml (LA 305, 2018) is replaced by this run's SSDA903"
                + " CSV tables: its tables not deposited again are now empty; deposit the whole"
                + " return");
    assertThat(Ledger.read(target))
        .extracting(LedgerEntry::file)
        .containsExactly("305/2018/header.csv");
    assertThat(rows(target, "ssda903_header", "305")).hasSize(1);
    for (String table : List.of("episodes", "uasc", "reviews", "ad1")) {
      assertThat(rows(target, "ssda903_" + table, "305")).as(table).isEmpty();
    }
  }
}
