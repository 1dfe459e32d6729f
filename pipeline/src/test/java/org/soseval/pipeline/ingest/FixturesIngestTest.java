package org.soseval.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.soseval.pipeline.lake.Ledger;
import org.soseval.pipeline.lake.LedgerEntry;
import org.soseval.pipeline.privacy.PseudonymKey;
import org.soseval.pipeline.schemas.IngestSpec;
import org.soseval.pipeline.schemas.SchemaRegistry;

/**
 * Every fixture in shared/data/fixtures through ingest. The fixture folders carry no LA code (the
 * SSDA903 ones) or no year (the validator's SSDA903), so the test lays them out as an LA would
 * deposit them: {@code 201/2018/episodes.csv}, {@code 202/2017-episodes.csv}, ...
 */
class FixturesIngestTest {
  static final PseudonymKey KEY =
      PseudonymKey.fromEnvironment("test-key-0123456789-0123456789-0123456789").orElseThrow();
  static final List<String> CIN =
      List.of(
          "d2i_cin_validator_CIN_Census_2021.xml",
          "d2i_cin_validator_CIN_Census_2024.xml",
          "d2i_cin_validator_fake_CIN_data.xml",
          "liia_tools_cin-2022.xml");
  static final List<String> VALIDATOR_TABLES =
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
          "sw_episodes");
  static final List<String> DEMAND_TABLES =
      List.of(
          "episodes", "header", "uasc", "reviews", "missing", "previous_permanence", "oc2", "oc3");

  static SparkSession spark;

  @TempDir static Path shared;
  static Path deposits;
  static Path lake;
  static IngestResult result;

  @BeforeAll
  static void ingestEveryFixture() {
    spark = TestSpark.session();
    deposits = shared.resolve("deposits");
    for (String name : CIN) {
      Fixtures.copy("cin_xml/" + name, deposits.resolve("cin").resolve(name));
    }
    for (String table : VALIDATOR_TABLES) {
      Fixtures.copy(
          "ssda903_validator_fake/" + table + ".csv",
          deposits.resolve("201/2018/" + table + ".csv"));
    }
    for (int year = 2017; year <= 2021; year++) {
      for (String table : DEMAND_TABLES) {
        String name = year + "-" + table + ".csv";
        Fixtures.copy("cs_demand_model_903_2017_2021/" + name, deposits.resolve("202/" + name));
      }
    }
    lake = shared.resolve("lake");
    result = Ingest.run(spark, deposits, lake, KEY, message -> {});
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<Row> quarantine(String dataset) {
    return spark
        .read()
        .parquet(lake.resolve("_quarantine").resolve(dataset).toString())
        .collectAsList();
  }

  private static Row quarantined(String dataset, String rule, String field) {
    return quarantine(dataset).stream()
        .filter(row -> row.getAs("rule").equals(rule) && row.getAs("field").equals(field))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + rule + " on " + field + " in the quarantine of " + dataset));
  }

  @Test
  void everyFixtureFileIsReadAndNoneIsRejected() {
    assertThat(result.files()).hasSize(4 + VALIDATOR_TABLES.size() + 5 * DEMAND_TABLES.size());
    assertThat(result.rejected()).isEmpty();
    assertThat(result.rowsWritten()).isGreaterThan(39_000);
  }

  @Test
  void ledgerConservesRowsForEveryFileAndMatchesTheLake() {
    List<LedgerEntry> ledger = Ledger.read(lake);
    assertThat(ledger).hasSize(result.files().size());
    Map<String, Long> written = new TreeMap<>();
    Map<String, Long> quarantined = new TreeMap<>();
    for (LedgerEntry entry : ledger) {
      assertThat(entry.rowsRead())
          .as(entry.file())
          .isEqualTo(entry.rowsWritten() + entry.rowsQuarantined());
      written.merge(
          entry.kind().startsWith("cin") ? "cin" : entry.kind(), entry.rowsWritten(), Long::sum);
      quarantined.merge(
          entry.kind().startsWith("cin") ? "cin" : entry.kind(),
          entry.rowsQuarantined(),
          Long::sum);
    }
    assertThat(count("ssda903_episodes")).isEqualTo(written.get("ssda903/episodes"));
    assertThat(count("_quarantine/ssda903_reviews")).isEqualTo(quarantined.get("ssda903/reviews"));
    long cinRows = 0;
    long cinQuarantine = 0;
    for (String table :
        List.of(
            "child",
            "disability",
            "episode",
            "assessment",
            "assessment_factor",
            "cin_plan",
            "section47",
            "cp_plan",
            "cp_plan_review",
            "pre_proceedings")) {
      cinRows += count("cin_" + table);
      cinQuarantine += count("_quarantine/cin_" + table);
    }
    assertThat(cinRows).isEqualTo(written.get("cin"));
    assertThat(cinQuarantine).isEqualTo(quarantined.get("cin"));
  }

  private static long count(String dataset) {
    return count(lake, dataset);
  }

  @Test
  void invalidAssessmentFactorIsQuarantinedAsNotInTheCodeList() {
    Row row = quarantined("cin_assessment_factor", "CODE_NOT_IN_LIST", "AssessmentFactors");
    assertThat((String) row.getAs("source_file"))
        .isEqualTo("cin/d2i_cin_validator_CIN_Census_2024.xml");
    assertThat((String) row.getAs("message"))
        .isEqualTo(
            "AssessmentFactors 'RB' is not a valid AssessmentFactors code in collection year 2024");
    assertThat((String) row.getAs("location"))
        .startsWith("line 46: /Message/Children[1]/Child[1]/CINdetails[1]/Assessments[1]");
  }

  @Test
  void assessmentDatedIn2028IsQuarantinedAsAfterTheCensus() {
    Row row = quarantined("cin_assessment", "DATE_AFTER_CENSUS_END", "AssessmentActualStartDate");
    assertThat((String) row.getAs("message"))
        .isEqualTo(
            "AssessmentActualStartDate 2028-04-28 is after the census reference date 2024-03-31");
  }

  @Test
  void sexInA2024CensusIsQuarantinedAsNotInTheYearsLayout() {
    Row row = quarantined("cin_child", "REQUIRED", "GenderCurrent");
    assertThat((String) row.getAs("message"))
        .isEqualTo("GenderCurrent is required in collection year 2024 but missing");
    assertThat((String) row.getAs("all_rules")).contains("Sex:FIELD_NOT_IN_YEAR");
  }

  @Test
  void codesNotYetValidInTheCollectionYearAreQuarantined() {
    Row row =
        quarantine("ssda903_episodes").stream()
            .filter(r -> "CODE_NOT_IN_LIST".equals(r.getAs("rule")))
            .filter(r -> "REASON_PLACE_CHANGE".equals(r.getAs("field")))
            .findFirst()
            .orElseThrow();
    assertThat((String) row.getAs("message"))
        .startsWith(
            "REASON_PLACE_CHANGE 'CUSTOD' is not a valid REASON_PLACE_CHANGE code in collection year 2018 (line ");
    assertThat((String) row.getAs("location")).matches("line \\d+");
  }

  @Test
  void episodeRulesAreAppliedOnlyToEpisodesOfTheCollectionYear() {
    Row chain = quarantined("ssda903_episodes", "903_EPISODE_CHAIN", "DEC");
    assertThat((String) chain.getAs("message"))
        .contains("with REC X1 but the child's next episode");
    Row first = quarantined("ssda903_episodes", "903_FIRST_EPISODE_NOT_S", "RNE");
    assertThat((String) first.getAs("message"))
        .contains("starts in the collection year but its RNE is");
  }

  @Test
  void pathYearNamingTheStartOfTheReturnIsCorrectedFromTheEpisodes() {
    LedgerEntry entry =
        result.files().stream()
            .filter(e -> e.file().equals("202/2017-header.csv"))
            .findFirst()
            .orElseThrow();
    assertThat(entry.collectionYear()).contains(2018);
    assertThat(entry.message())
        .contains(
            "the path names 2017 but 941 of the return's 1460 episodes start after 31 March 2017");
  }

  @Test
  void cinFileNamedForAnotherYearTakesTheYearOfItsReferenceDateWithAWarning() {
    assertThat(result.warnings())
        .contains(
            "cin/d2i_cin_validator_CIN_Census_2021.xml: the path names year 2021 but the"
                + " ReferenceDate 2023-03-31 gives collection year 2023; the content wins");
  }

  @Test
  void aReturnFromACodeThatIsNoEnglishLaIsKeptWithAWarning() {
    String warning =
        "cin/d2i_cin_validator_fake_CIN_data.xml: LA code 975 is not the code of an English local"
            + " authority (DfE's 3-digit codes in data-schemas/reference/la_code_crosswalk.csv), so"
            + " no region or population can be found for it; check the LEA in the header or the"
            + " folder name";
    assertThat(result.warnings()).contains(warning);
    LedgerEntry entry =
        result.files().stream()
            .filter(file -> file.file().equals("cin/d2i_cin_validator_fake_CIN_data.xml"))
            .findFirst()
            .orElseThrow();
    assertThat(entry.status()).isNotEqualTo(LedgerEntry.REJECTED);
    assertThat(entry.rowsWritten()).isPositive();
  }

  @Test
  void aCodeUsedBeforeItsLaExistedGetsAWarningAndAValidOneNone() {
    assertThat(Ingest.laCodeWarning("940", Optional.of(2019)))
        .contains(
            "LA code 940 (North Northamptonshire) was not in use in collection year 2019 (in use"
                + " 2022 to now); check the year, or use the code of the LA that existed then");
    assertThat(Ingest.laCodeWarning("940", Optional.of(2023))).isEmpty();
    assertThat(Ingest.laCodeWarning("855", Optional.of(2014))).isEmpty();
  }

  @Test
  void everyRuleThatQuarantinedARowIsDocumentedInTheSchema() {
    IngestSpec cin = SchemaRegistry.ingestSpec(SchemaRegistry.CIN_CENSUS);
    IngestSpec ssda = SchemaRegistry.ingestSpec(SchemaRegistry.SSDA903);
    for (String rule : result.quarantinedByRule().keySet()) {
      assertThat(cin.rules().containsKey(rule) || ssda.rules().containsKey(rule))
          .as("rule %s in data-schemas", rule)
          .isTrue();
    }
  }

  @Test
  void noRawIdentifierFromTheDepositsIsFoundInTheLakesBytes() throws IOException {
    Set<String> identifiers = new LinkedHashSet<>();
    Pattern cinId = Pattern.compile("<(LAchildID|UPN|FormerUPN)>([^<]+)<");
    for (String name : CIN) {
      Matcher matcher = cinId.matcher(Files.readString(deposits.resolve("cin").resolve(name)));
      while (matcher.find()) {
        identifiers.add(matcher.group(2).strip());
      }
    }
    for (String line : Files.readAllLines(deposits.resolve("201/2018/header.csv"))) {
      String[] fields = line.split(",", -1);
      if (fields.length > 4 && fields[4].length() == 13) {
        identifiers.add(fields[4]); // UPN
      }
    }
    identifiers.removeIf(id -> id.length() < 8); // shorter strings occur by chance in any bytes
    assertThat(identifiers).hasSizeGreaterThan(600);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(lake)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String id : identifiers) {
          if (bytes.contains(id)) {
            found.add(id + " in " + lake.relativize(file));
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void identifiersBecomeKeyedPseudonymsAndDatesOfBirthTheFirstOfTheMonth() {
    List<Row> children =
        spark.read().parquet(lake.resolve("ssda903_header").toString()).collectAsList();
    Map<String, Object> first = new HashMap<>();
    for (Row row : children) {
      assertThat((String) row.getAs("child_key")).matches("[0-9a-f]{64}");
      if (row.getAs("DOB") != null) {
        assertThat(((java.sql.Date) row.getAs("DOB")).toLocalDate().getDayOfMonth()).isEqualTo(1);
      }
      first.putIfAbsent("row", row);
    }
    List<Row> episodes =
        spark.read().parquet(lake.resolve("ssda903_episodes").toString()).collectAsList();
    for (Row row : episodes) {
      String sector = row.getAs("HOME_POST");
      if (sector != null) {
        assertThat(sector).matches("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]");
      }
    }
  }

  @Test
  void sameDepositsTwiceGiveTheSameLake() throws IOException {
    Map<String, List<String>> before = snapshot(lake);
    String ledgerBefore = Files.readString(Ledger.path(lake));
    IngestResult again = Ingest.run(spark, deposits, lake, KEY, message -> {});
    assertThat(snapshot(lake)).isEqualTo(before);
    assertThat(again.recovered()).isEmpty();
    assertThat(Files.readString(Ledger.path(lake))).isEqualTo(ledgerBefore);
  }

  /** Every dataset's rows as sorted strings, by dataset folder. */
  static Map<String, List<String>> snapshot(Path lakeRoot) throws IOException {
    return snapshot(spark, lakeRoot);
  }

  /** As {@link #snapshot(Path)}, read with {@code spark}. */
  static Map<String, List<String>> snapshot(SparkSession spark, Path lakeRoot) throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    List<Path> datasets = new ArrayList<>();
    try (Stream<Path> top = Files.list(lakeRoot)) {
      for (Path path : top.sorted().toList()) {
        if (path.getFileName().toString().equals("_quarantine")) {
          try (Stream<Path> inner = Files.list(path)) {
            datasets.addAll(inner.sorted().toList());
          }
        } else if (!path.getFileName().toString().startsWith("_")) {
          datasets.add(path);
        }
      }
    }
    for (Path dataset : datasets) {
      List<String> values = new ArrayList<>();
      try (Stream<Path> parquet = Files.walk(dataset)) {
        if (parquet.noneMatch(p -> p.toString().endsWith(".parquet"))) {
          rows.put(lakeRoot.relativize(dataset).toString(), values);
          continue;
        }
      }
      spark
          .read()
          .parquet(dataset.toString())
          .collectAsList()
          .forEach(row -> values.add(row.toString()));
      values.sort(null);
      rows.put(lakeRoot.relativize(dataset).toString(), values);
    }
    return rows;
  }

  @Test
  void runKilledBeforeItsCommitLeavesThePreviousLakeIntact(@TempDir Path temp) throws IOException {
    Path small = temp.resolve("deposits");
    Fixtures.copy("cin_xml/liia_tools_cin-2022.xml", small.resolve("201/cin_2022.xml"));
    Fixtures.copy("ssda903_validator_fake/header.csv", small.resolve("201/2018/header.csv"));
    Path target = temp.resolve("lake");
    Ingest.run(spark, small, target, KEY, message -> {});
    Map<String, List<String>> before = snapshot(target);
    String ledgerBefore = Files.readString(Ledger.path(target));

    Files.writeString(
        small.resolve("201/2018/header.csv"), "CHILD,SEX,DOB,ETHNIC\n1,1,01/01/2010,WBRI\n");
    assertThatThrownBy(
            () ->
                Ingest.run(
                    spark,
                    small,
                    target,
                    KEY,
                    message -> {},
                    step -> {
                      if (step.equals("before-commit")) {
                        throw new IllegalStateException("injected failure at " + step);
                      }
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("injected failure at before-commit");
    assertThat(snapshot(target)).isEqualTo(before);
    assertThat(Files.readString(Ledger.path(target))).isEqualTo(ledgerBefore);
    assertThat(target.resolve("_staging")).isEmptyDirectory();
  }

  @Test
  void runKilledDuringItsCommitIsCompletedByTheNextRun(@TempDir Path temp) throws IOException {
    Path small = temp.resolve("deposits");
    Fixtures.copy("cin_xml/liia_tools_cin-2022.xml", small.resolve("201/cin_2022.xml"));
    Path target = temp.resolve("lake");
    Path reference = temp.resolve("reference");
    Ingest.run(spark, small, reference, KEY, message -> {});
    RuntimeException killed = new IllegalStateException("killed");
    assertThatThrownBy(
            () ->
                Ingest.run(
                    spark,
                    small,
                    target,
                    KEY,
                    message -> {},
                    step -> {
                      if (step.equals("commit-partition-3")) {
                        throw killed;
                      }
                    }))
        .isSameAs(killed);
    // the interrupted run left its staging with a commit marker: the next run finishes it first
    Files.createDirectories(temp.resolve("empty"));
    IngestResult next = Ingest.run(spark, temp.resolve("empty"), target, KEY, message -> {});
    assertThat(next.recovered())
        .singleElement()
        .asString()
        .startsWith("completed the interrupted commit");
    assertThat(snapshot(target)).isEqualTo(snapshot(reference));
  }

  @Test
  void correctedFileForTheSameLaAndYearReplacesTheOldOne(@TempDir Path temp) throws IOException {
    Path small = temp.resolve("deposits");
    Path episodes = small.resolve("201/2018/episodes.csv");
    Fixtures.copy("ssda903_validator_fake/episodes.csv", episodes);
    Path target = temp.resolve("lake");
    Ingest.run(spark, small, target, KEY, message -> {});
    List<String> lines = Files.readAllLines(episodes);
    Files.delete(episodes);
    Path corrected = small.resolve("201/2018/episodes_corrected.csv");
    Files.write(corrected, lines.subList(0, 101));
    IngestResult second = Ingest.run(spark, small, target, KEY, message -> {});
    LedgerEntry entry = second.files().get(0);
    assertThat(entry.rowsRead()).isEqualTo(100);
    assertThat(
            spark.read().parquet(target.resolve("ssda903_episodes").toString()).count()
                + count(target, "_quarantine/ssda903_episodes"))
        .isEqualTo(100);
    assertThat(Ledger.read(target))
        .extracting(LedgerEntry::file)
        .containsExactly("201/2018/episodes_corrected.csv");
  }

  private static long count(Path root, String dataset) {
    return count(spark, root, dataset);
  }

  /** The rows of {@code dataset} under {@code root} (0 when it has no Parquet file). */
  static long count(SparkSession spark, Path root, String dataset) {
    Path path = root.resolve(dataset);
    if (!Files.isDirectory(path)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(path)) {
      if (files.noneMatch(p -> p.toString().endsWith(".parquet"))) {
        return 0;
      }
    } catch (IOException e) {
      return 0;
    }
    return spark.read().parquet(path.toString()).count();
  }

  @Test
  void twoCensusFilesForTheSameLaAndYearAreBothRejected(@TempDir Path temp) {
    Path pair = temp.resolve("deposits");
    Fixtures.copy("cin_xml/d2i_cin_validator_CIN_Census_2024.xml", pair.resolve("a.xml"));
    Fixtures.copy("cin_xml/d2i_cin_validator_CIN_Census_2026.xml", pair.resolve("b.xml"));
    IngestResult twice = Ingest.run(spark, pair, temp.resolve("lake"), KEY, message -> {});
    assertThat(twice.rejected())
        .extracting(LedgerEntry::message)
        .containsOnly(
            "2 files hold cin_census for LA 201, collection year 2024 (a.xml, b.xml); deposit one of them");
  }

  @Test
  void the2026LayoutFixtureQuarantinesPreProceedingsInA2024Census(@TempDir Path temp) {
    Path one = temp.resolve("deposits");
    Fixtures.copy("cin_xml/d2i_cin_validator_CIN_Census_2026.xml", one.resolve("b.xml"));
    Path target = temp.resolve("lake");
    IngestResult single = Ingest.run(spark, one, target, KEY, message -> {});
    assertThat(single.rejected()).isEmpty();
    Row row =
        spark.read().parquet(target.resolve("_quarantine/cin_pre_proceedings").toString()).first();
    assertThat((String) row.getAs("rule")).isEqualTo("FIELD_NOT_IN_YEAR");
    assertThat((String) row.getAs("message"))
        .isEqualTo("<PreProceedingsandFGDM> is not part of the CIN census in collection year 2024");
  }
}
