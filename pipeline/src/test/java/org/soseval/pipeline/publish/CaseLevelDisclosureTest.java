package org.soseval.pipeline.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;

/**
 * A year of four LAs in two regions, with England and regional totals, through the DfE profile:
 * which cells become {@code c} and why, worked by hand.
 */
class CaseLevelDisclosureTest {
  @TempDir Path temp;

  private static final List<IndicatorColumn> COLUMNS =
      List.of(
          IndicatorColumn.of(Indicator.S47_COUNT),
          IndicatorColumn.of(Indicator.S47_RATE),
          IndicatorColumn.of(Indicator.POPULATION_0_17));

  private static PublicationTable.Row row(Geography geography, double s47, double population) {
    Map<String, PublishedValue> values = new LinkedHashMap<>();
    values.put("s47_count", PublishedValue.of(s47));
    values.put("s47_rate", PublishedValue.of(s47 / population * 10_000));
    values.put("population_0_17", PublishedValue.of(population));
    return new PublicationTable.Row(2019, geography, values);
  }

  private static PublicationTable table() {
    return new PublicationTable(
        "case_level",
        COLUMNS,
        List.of(
            row(Geography.england(), 153, 40_000),
            row(Geography.region("E12000001", "North East"), 53, 20_000),
            row(Geography.region("E12000002", "North West"), 100, 20_000),
            row(
                Geography.localAuthority(
                    "E12000001", "North East", "840", "E06000047", "County Durham"),
                3,
                10_000),
            row(
                Geography.localAuthority(
                    "E12000001", "North East", "841", "E06000005", "Darlington"),
                50,
                10_000),
            row(
                Geography.localAuthority("E12000002", "North West", "350", "E08000001", "Bolton"),
                40,
                10_000),
            row(
                Geography.localAuthority("E12000002", "North West", "351", "E08000002", "Bury"),
                60,
                10_000)));
  }

  private static PublishedValue value(PublicationTable table, String code, String column) {
    return table.rows().stream()
        .filter(
            row ->
                row.geography().oldLaCode().equals(code)
                    || row.geography().regionCode().equals(code)
                        && row.geography().oldLaCode().isEmpty()
                    || code.equals("England")
                        && row.geography().level() == Geography.Level.NATIONAL)
        .findFirst()
        .orElseThrow()
        .values()
        .get(column);
  }

  @Test
  void smallCountsAndTheirComplementsAreSuppressedWithTheirRates() {
    PublicationTable protectedTable =
        CaseLevelDisclosure.of(DisclosureProfile.dfe()).apply(table());
    // A's 3 is in the DfE range 1-5 (primary); B is the only other part of the North East total,
    // so it is suppressed too (secondary), or A = total - B
    assertThat(value(protectedTable, "840", "s47_count").symbol()).contains("c");
    assertThat(value(protectedTable, "841", "s47_count").symbol()).contains("c");
    assertThat(value(protectedTable, "840", "s47_rate").symbol()).contains("c");
    assertThat(value(protectedTable, "841", "s47_rate").symbol()).contains("c");
    // the North West is untouched; populations are never suppressed
    assertThat(value(protectedTable, "350", "s47_count").number()).isEqualTo(40);
    assertThat(value(protectedTable, "351", "s47_rate").number()).isEqualTo(60.0);
    assertThat(value(protectedTable, "840", "population_0_17").number()).isEqualTo(10_000);
    // regional and national totals are rounded half-up to 10: 53 -> 50, 153 -> 150
    assertThat(value(protectedTable, "E12000001", "s47_count").number()).isEqualTo(50);
    assertThat(value(protectedTable, "England", "s47_count").number()).isEqualTo(150);
  }

  @Test
  void theProtectedTablePassesTheEesChecks() {
    EesWriter.write(table(), CaseLevelDisclosure.of(DisclosureProfile.dfe()), temp);
    assertThat(EesChecker.checkDirectory(temp).failures()).isEmpty();
  }

  private static Geography la(String region, String code) {
    return Geography.localAuthority(region, "Region " + region, code, "E0600" + code, "LA " + code);
  }

  /** A row of counts with the rates and percentages computed from the unrounded counts. */
  private static PublicationTable.Row counts(
      Geography geography, long s47, long population, long cppStart, long cppSubsequent) {
    Map<String, PublishedValue> values = new LinkedHashMap<>();
    values.put("s47_count", PublishedValue.of(s47));
    values.put("s47_rate", PublishedValue.of(s47 * 10_000.0 / population));
    values.put("cpp_start_count", PublishedValue.of(cppStart));
    values.put("cpp_subsequent_percent", PublishedValue.of(cppSubsequent * 100.0 / cppStart));
    values.put("population_0_17", PublishedValue.of(population));
    return new PublicationTable.Row(
        2019, geography, values, Map.of("cpp_subsequent_count", PublishedValue.of(cppSubsequent)));
  }

  private static PublicationTable rateTable(PublicationTable.Row... lasAndTotals) {
    return new PublicationTable(
        "case_level",
        List.of(
            IndicatorColumn.of(Indicator.S47_COUNT),
            IndicatorColumn.of(Indicator.S47_RATE),
            IndicatorColumn.of(Indicator.CPP_START_COUNT),
            IndicatorColumn.of(Indicator.CPP_SUBSEQUENT_PERCENT),
            IndicatorColumn.of(Indicator.POPULATION_0_17)),
        List.of(lasAndTotals));
  }

  /** An LA's counts in the North East (E12000001). */
  private record Counts(String code, long s47, long population, long cppStart, long cppSubsequent) {
    PublicationTable.Row row(Geography geography) {
      return counts(geography, s47, population, cppStart, cppSubsequent);
    }

    Counts plus(Counts other) {
      return new Counts(
          "",
          s47 + other.s47,
          population + other.population,
          cppStart + other.cppStart,
          cppSubsequent + other.cppSubsequent);
    }
  }

  /** England, the North East and its LAs, the totals summed from the LAs. */
  private static PublicationTable oneRegion(Counts... las) {
    Counts total = new Counts("", 0, 0, 0, 0);
    List<PublicationTable.Row> rows = new java.util.ArrayList<>();
    for (Counts la : las) {
      total = total.plus(la);
      rows.add(la.row(la("E12000001", la.code())));
    }
    rows.add(0, total.row(Geography.england()));
    rows.add(1, total.row(Geography.region("E12000001", "North East")));
    return rateTable(rows.toArray(PublicationTable.Row[]::new));
  }

  private static String published(PublicationTable table, String code, String column) {
    Indicator indicator = Indicator.byColumn(column).orElseThrow();
    return EesWriter.format(value(table, code, column), indicator.kind());
  }

  @Test
  void underOnsRoundingARateIsComputedFromTheRoundedCountSoTheExactCountCannotBeRecovered() {
    // three LAs, no count below 10 (no suppression): 17 is published as 15 (nearest 5)
    PublicationTable table =
        oneRegion(
            new Counts("840", 17, 12_345, 100, 33),
            new Counts("841", 123, 20_000, 110, 33),
            new Counts("842", 58, 10_000, 120, 33));
    PublicationTable out = CaseLevelDisclosure.of(DisclosureProfile.ons10And5()).apply(table);
    assertThat(published(out, "840", "s47_count")).isEqualTo("15");
    // 15 / 12,345 x 10,000 = 12.1507 -> 12.2; from the exact 17 it would be 13.7708 -> 13.8
    assertThat(published(out, "840", "s47_rate")).isEqualTo("12.2");
    // the count an analyst recovers from the rate and the public population is the published 15
    double rate = Double.parseDouble(published(out, "840", "s47_rate"));
    assertThat(Math.round(rate * 12_345 / 10_000)).isEqualTo(15);
    // a percentage from a rounded supporting numerator over the rounded base: 35 / 100 = 35.0
    assertThat(published(out, "840", "cpp_subsequent_percent")).isEqualTo("35.0");
    // the England total 198 is published as 200; its rate is 200 / 42,345 x 10,000 = 47.23
    assertThat(published(out, "England", "s47_count")).isEqualTo("200");
    assertThat(published(out, "England", "s47_rate")).isEqualTo("47.2");
  }

  @Test
  void underOnsRoundingASmallCountWithholdsItsRate() {
    // 7 is in the ONS range 0-9: the count and its rate are both c
    PublicationTable table =
        oneRegion(
            new Counts("840", 7, 12_345, 100, 33),
            new Counts("841", 123, 20_000, 110, 33),
            new Counts("842", 58, 10_000, 100, 33),
            new Counts("843", 60, 10_000, 120, 33));
    PublicationTable out = CaseLevelDisclosure.of(DisclosureProfile.ons10And5()).apply(table);
    assertThat(value(out, "840", "s47_count").symbol()).contains("c");
    assertThat(value(out, "840", "s47_rate").symbol()).contains("c");
    // every published LA rate is the rate of the published count, never of the exact one
    for (String code : List.of("841", "842", "843")) {
      PublishedValue count = value(out, code, "s47_count");
      if (count.isPresent()) {
        double population = value(out, code, "population_0_17").number();
        assertThat(value(out, code, "s47_rate").number())
            .isCloseTo(count.number() * 10_000 / population, within(1e-9));
      }
    }
  }

  @Test
  void aPercentageWhoseSupportingNumeratorIsSmallIsSuppressedWithTheOneThatWouldGiveItBack() {
    // 3 of 100 plans were subsequent: 3.0% on the published base of 100 would reveal the 3
    PublicationTable out =
        CaseLevelDisclosure.of(DisclosureProfile.dfe())
            .apply(
                oneRegion(
                    new Counts("840", 100, 20_000, 100, 3),
                    new Counts("841", 100, 20_000, 100, 30),
                    new Counts("842", 100, 20_000, 100, 40)));
    assertThat(value(out, "840", "cpp_subsequent_percent").symbol()).contains("c");
    assertThat(value(out, "840", "cpp_start_count").number()).isEqualTo(100);
    // the region's 24.3% of its 300 plans gives its 73 subsequent plans; with 30 and 40 published
    // the 3 would follow, so the smallest other numerator (30) is withheld too (secondary)
    assertThat(value(out, "841", "cpp_subsequent_percent").symbol()).contains("c");
    // 40 is published as computed (DfE computes from unrounded counts)
    assertThat(value(out, "842", "cpp_subsequent_percent").number()).isEqualTo(40.0);
    assertThat(value(out, "E12000001", "cpp_subsequent_percent").number())
        .isCloseTo(73 * 100.0 / 300, within(1e-9));
    // DfE leaves LA rates as computed from the unrounded count
    assertThat(value(out, "840", "s47_rate").number()).isEqualTo(50.0);
  }

  @Test
  void aPercentageWithoutItsSupportingNumeratorIsWithheld() {
    Map<String, PublishedValue> values =
        new LinkedHashMap<>(counts(la("E12000001", "840"), 100, 20_000, 100, 40).values());
    PublicationTable table =
        rateTable(
            counts(Geography.england(), 200, 40_000, 200, 80),
            new PublicationTable.Row(2019, la("E12000001", "840"), values),
            counts(la("E12000001", "841"), 100, 20_000, 100, 40));
    PublicationTable out = CaseLevelDisclosure.of(DisclosureProfile.dfe()).apply(table);
    assertThat(value(out, "840", "cpp_subsequent_percent").symbol()).contains("c");
    assertThat(value(out, "841", "cpp_subsequent_percent").number()).isEqualTo(40.0);
  }
}
