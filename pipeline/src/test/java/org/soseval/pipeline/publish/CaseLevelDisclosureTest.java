package org.soseval.pipeline.publish;

import static org.assertj.core.api.Assertions.assertThat;

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
}
