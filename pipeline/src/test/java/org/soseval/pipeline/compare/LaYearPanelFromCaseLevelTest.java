package org.soseval.pipeline.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.derive.IndicatorOutputs;
import org.soseval.pipeline.geography.LaCrosswalk;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedValue;
import org.soseval.pipeline.publish.CaseLevelDisclosure;
import org.soseval.pipeline.publish.DisclosureControl;
import org.soseval.pipeline.publish.EesWriter;
import org.soseval.pipeline.stats.disclosure.DisclosureProfile;

/**
 * Values derived from case-level returns: the estimators get them unrounded and unsuppressed, and
 * what may be published of each is exactly its cell in {@code la_indicators.csv}.
 */
class LaYearPanelFromCaseLevelTest {
  @TempDir Path temp;

  /** An LA-year of ICPCs and Section 47s over {@code population} children; the rest missing. */
  static PanelRow row(String la, int year, double icpcs, double s47s, double population) {
    Map<Indicator, PublishedValue> values = new EnumMap<>(Indicator.class);
    for (Indicator indicator : Indicator.values()) {
      values.put(indicator, PublishedValue.missing("x"));
    }
    values.put(Indicator.ICPC_COUNT, PublishedValue.of(icpcs));
    values.put(Indicator.ICPC_RATE, PublishedValue.of(icpcs / population * 10_000));
    values.put(Indicator.S47_COUNT, PublishedValue.of(s47s));
    values.put(Indicator.S47_RATE, PublishedValue.of(s47s / population * 10_000));
    values.put(Indicator.POPULATION_0_17, PublishedValue.of(population));
    values.put(Indicator.CPP_SUBSEQUENT_PERCENT, PublishedValue.missing("z"));
    return new PanelRow(
        year,
        LaCrosswalk.byOldCode(la, year).orElseThrow(),
        values,
        Map.of("cpp_subsequent_count", PublishedValue.of(0)),
        Map.of(),
        List.of());
  }

  /**
   * Four East Midlands LAs in 2016; Leicestershire (855) has 3 ICPCs. DfE rules: 3 is in 1-5, so c;
   * the region's total is published (rounded to 10) so the smallest other count in the region,
   * Rutland's 9, is c too; their rates follow their counts.
   */
  static List<PanelRow> eastMidlands() {
    return List.of(
        row("855", 2016, 3, 400, 140_000),
        row("856", 2016, 90, 700, 70_000),
        row("857", 2016, 9, 60, 7_500),
        row("925", 2016, 120, 1_000, 150_000));
  }

  @Test
  void estimatorsGetTheUnroundedValueAndTheSuppressedCellIsWithheld() {
    LaYearPanel panel =
        LaYearPanel.fromCaseLevel(
            eastMidlands(), "deposits", CaseLevelDisclosure.of(DisclosureProfile.dfe()));

    LaYearPanel.Observation small = panel.get("icpc_rate", "855", 2016).orElseThrow();
    assertThat(small.value()).isEqualTo(3 / 140_000.0 * 10_000);
    assertThat(small.source()).isEqualTo("deposits");
    assertThat(small.published().symbol()).hasValue("c");
    assertThat(panel.get("icpc_count", "855", 2016).orElseThrow().published().symbol())
        .hasValue("c");
    // Rutland's 9 ICPCs: secondary suppression, or 855's 3 follows from the regional total
    assertThat(panel.get("icpc_count", "857", 2016).orElseThrow().published().symbol())
        .hasValue("c");
    assertThat(panel.get("icpc_count", "857", 2016).orElseThrow().value()).isEqualTo(9);
    // Leicester's rate 90 / 70,000 x 10,000 = 12.857... is published as la_indicators.csv does:
    // 12.9
    LaYearPanel.Observation leicester = panel.get("icpc_rate", "856", 2016).orElseThrow();
    assertThat(leicester.value()).isEqualTo(90 / 70_000.0 * 10_000);
    assertThat(leicester.published().number()).isEqualTo(12.9);
    // a count la_indicators.csv does not publish is withheld
    assertThat(panel.get("cpp_subsequent_count", "855", 2016).orElseThrow().published().symbol())
        .hasValue("c");
    assertThat(panel.missingReason("cpp_subsequent_percent", "855", 2016)).hasValue("z");
    assertThat(panel.nameOf("855")).hasValue("Leicestershire");
  }

  @Test
  void whatMayBePublishedIsExactlyTheCellOfLaIndicatorsCsv() throws IOException {
    for (DisclosureProfile profile :
        List.of(DisclosureProfile.dfe(), DisclosureProfile.ons10And5())) {
      DisclosureControl control = CaseLevelDisclosure.of(profile);
      LaYearPanel panel = LaYearPanel.fromCaseLevel(eastMidlands(), "deposits", control);
      Path out = temp.resolve(profile.name().replace(' ', '-'));
      Path csv = IndicatorOutputs.writePublished(eastMidlands(), control, out).data();
      List<String> compared = new ArrayList<>();
      for (CSVRecord record : EvaluationFiles.read(csv)) {
        if (!record.get("geographic_level").equals("Local authority")) {
          continue;
        }
        String la = record.get("old_la_code");
        for (Indicator indicator : Indicator.values()) {
          String cell = record.get(indicator.column());
          var observation = panel.get(indicator.column(), la, 2016);
          if (observation.isEmpty()) {
            assertThat(cell).isIn("x", "z");
            continue;
          }
          assertThat(EesWriter.format(observation.get().published(), indicator.kind()))
              .as("%s %s %s", profile.name(), la, indicator.column())
              .isEqualTo(cell);
          compared.add(cell);
        }
      }
      // 4 LAs x (3 counts + 2 rates)
      assertThat(compared).hasSize(20).contains("c");
    }
  }
}
