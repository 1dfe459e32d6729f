package org.soseval.pipeline.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;

/** Panel values checked by hand against the published rows quoted in each comment. */
class PublishedPanelTest {
  private static final PublishedPanel PANEL = PublicData.panel();

  private static PanelRow row(String code, int year) {
    return PANEL
        .row(code, year)
        .orElseThrow(() -> new AssertionError("no row " + code + " " + year));
  }

  private static double value(PanelRow row, Indicator indicator) {
    PublishedValue value = row.value(indicator);
    assertThat(value.isPresent())
        .as(indicator.column() + " of " + row.la().name() + " " + row.year() + " = " + value)
        .isTrue();
    return value.number();
  }

  @Test
  void leicestershire2019MatchesTheCinAndCpFiles() {
    PanelRow row = row("855", 2019);
    // ons_mid-year_population_estimates_2012_to_2024.csv line 1051: 2018, 855 Leicestershire,
    // 138152
    double population = 138_152;
    assertThat(value(row, Indicator.POPULATION_0_17)).isEqualTo(population);
    // c1 line 1051: 2019, 855 Leicestershire: referral_count 5283, rereferral_count 1299 (published
    // 24.6%)
    assertThat(value(row, Indicator.REFERRALS_COUNT)).isEqualTo(5283);
    assertThat(value(row, Indicator.REREFERRALS_12M_COUNT)).isEqualTo(1299);
    assertThat(value(row, Indicator.REREFERRAL_12M_PERCENT))
        .isCloseTo(1299.0 / 5283 * 100, within());
    assertThat(Arithmetic.roundHalfUp(value(row, Indicator.REREFERRAL_12M_PERCENT), 1))
        .hasToString("24.6");
    // c4 line 1051: Section47 1174, ICPC 544, bands 0-10: 63, 11-15: 416, 16-20: 18, 21+: 47,
    // Duration_median 13
    assertThat(value(row, Indicator.S47_COUNT)).isEqualTo(1174);
    assertThat(value(row, Indicator.S47_RATE)).isCloseTo(1174 / population * 10_000, within());
    assertThat(Arithmetic.roundHalfUp(value(row, Indicator.S47_RATE), 1)).hasToString("85.0");
    assertThat(value(row, Indicator.ICPC_COUNT)).isEqualTo(544);
    assertThat(value(row, Indicator.ICPC_RATE)).isCloseTo(544 / population * 10_000, within());
    assertThat(value(row, Indicator.S47_TO_ICPC_MEDIAN_WORKING_DAYS)).isEqualTo(13);
    assertThat(value(row, Indicator.ICPC_WITHIN_15WD_PERCENT))
        .isCloseTo((63.0 + 416) / (63 + 416 + 18 + 47) * 100, within());
    // d3 line 1051: CPP_start 499, CPP_subsequent 76 (published 15.2%)
    assertThat(value(row, Indicator.CPP_START_COUNT)).isEqualTo(499);
    assertThat(value(row, Indicator.CPP_START_RATE)).isCloseTo(499 / population * 10_000, within());
    assertThat(value(row, Indicator.CPP_SUBSEQUENT_PERCENT)).isCloseTo(76.0 / 499 * 100, within());
    // d5 line 1051: CPP_At31 388; b1 line 1051: At31_episodes 2931
    assertThat(value(row, Indicator.CPP_AT31_COUNT)).isEqualTo(388);
    assertThat(value(row, Indicator.CPP_AT31_RATE)).isCloseTo(388 / population * 10_000, within());
    assertThat(value(row, Indicator.CIN_AT31_COUNT)).isEqualTo(2931);
    assertThat(value(row, Indicator.CIN_AT31_RATE)).isCloseTo(2931 / population * 10_000, within());
    assertThat(row.la().newLaCode()).isEqualTo("E10000018");
    assertThat(row.la().regionName()).isEqualTo("East Midlands");
  }

  @Test
  void leicestershire2015ReadsTheSfrFilesIncludingTheMislabelledStartColumn() {
    PanelRow row = row("855", 2015);
    // ons line 1707: mid-2014, 855 Leicestershire, 133917
    double population = 133_917;
    // SFR34_ADM2015.csv line 114: Leicestershire, column CLA_started2014 (holds 2015 starts) = 244
    assertThat(value(row, Indicator.CLA_START_COUNT)).isEqualTo(244);
    assertThat(value(row, Indicator.CLA_START_RATE)).isCloseTo(244 / population * 10_000, within());
    assertThat(row.sources().get(Indicator.CLA_START_COUNT))
        .isEqualTo("SFR34_ADM2015.csv CLA_started2014");
    // SFR34_CLA2015.csv line 114: CLA_Mar2015 = 472
    assertThat(value(row, Indicator.CLA_AT31_COUNT)).isEqualTo(472);
    // SFR34_CEA2015.csv line 114: CLA_cease 245, CLA_ceaParPlan 62, CLA_ceaParNPlan 20
    assertThat(value(row, Indicator.CLA_CEASED_COUNT)).isEqualTo(245);
    assertThat(value(row, Indicator.CLA_REUNIFIED_COUNT)).isEqualTo(62 + 20);
    assertThat(value(row, Indicator.CLA_REUNIFIED_PERCENT))
        .isCloseTo((62.0 + 20) / 245 * 100, within());
    assertThat(PANEL.notes())
        .anySatisfy(
            note ->
                assertThat(note)
                    .isEqualTo(
                        "SFR34_ADM2015.csv: the start column is labelled CLA_started2014 but holds"
                            + " 2015 starts (DfE's metadata calls it CLA_started2015); read as 2015"));
  }

  @Test
  void leicestershire2018TakesStartsAndReturnsHomeFromTheEesCharacteristicFiles() {
    PanelRow row = row("855", 2018);
    // la_cla_who_started_to_be_looked_after_2018_to_2022.csv: 2018, 855, Age group, Total, 218
    assertThat(value(row, Indicator.CLA_START_COUNT)).isEqualTo(218);
    assertThat(value(row, Indicator.CLA_START_RATE)).isCloseTo(218 / 136_766.0 * 10_000, within());
    // la_children_who_ceased_during_year_2018_to_2022.csv: 2018, 855, Reason episode ceased:
    // Returned home ... part of the care planning process 34; ... not part of ... 8; Total 179
    assertThat(value(row, Indicator.CLA_REUNIFIED_COUNT)).isEqualTo(34 + 8);
    assertThat(value(row, Indicator.CLA_CEASED_COUNT)).isEqualTo(179);
    // no LA-level file gives children looked after at 31 March 2018
    assertThat(row.value(Indicator.CLA_AT31_COUNT)).isEqualTo(PublishedValue.missing("x"));
  }

  @Test
  void bcp2022ComesFromTheLatestClaReleaseUnderItsNewCode() {
    PanelRow row = row("839", 2022);
    // cla_number_and_rate_per_10k_children_2021_to_2025.csv: 2022, 839 BCP: population 73300,
    // ceasing 183 (rate 25), on 31 March 489 (rate 67), starting 234 (rate 32)
    assertThat(row.la().newLaCode()).isEqualTo("E06000058");
    assertThat(value(row, Indicator.CLA_START_COUNT)).isEqualTo(234);
    assertThat(value(row, Indicator.CLA_AT31_COUNT)).isEqualTo(489);
    assertThat(value(row, Indicator.CLA_CEASED_COUNT)).isEqualTo(183);
    assertThat(Arithmetic.roundHalfUp(value(row, Indicator.CLA_AT31_RATE), 0)).hasToString("67");
    assertThat(Arithmetic.roundHalfUp(value(row, Indicator.CLA_START_RATE), 0)).hasToString("32");
    assertThat(PANEL.row("837", 2022)).isEmpty();
  }

  @Test
  void indicatorsWithoutPublishedLaDataAreUnavailable() {
    PanelRow row = row("855", 2019);
    for (Indicator indicator :
        List.of(
            Indicator.ASSESSMENTS_COMPLETED_COUNT,
            Indicator.ASSESSMENTS_COMPLETED_RATE,
            Indicator.ASSESSMENT_DURATION_MEDIAN_WORKING_DAYS,
            Indicator.ASSESSMENTS_WITHIN_45WD_PERCENT,
            Indicator.CLA_REENTRY_12M_COUNT)) {
      assertThat(row.value(indicator))
          .as(indicator.column())
          .isEqualTo(PublishedValue.missing("x"));
      assertThat(row.sources().get(indicator)).isEqualTo(PublishedPanel.NOT_PUBLISHED);
    }
  }

  @Test
  void suppressedCountsMakeTheirRatesSuppressed() {
    long suppressed =
        PANEL.rows().stream()
            .filter(r -> r.value(Indicator.ICPC_COUNT).symbol().filter("c"::equals).isPresent())
            .peek(
                r ->
                    assertThat(r.value(Indicator.ICPC_RATE)).isEqualTo(PublishedValue.missing("c")))
            .count();
    assertThat(suppressed).isPositive();
  }

  @Test
  void panelCoversEveryLaInEveryReportingYear() {
    assertThat(PANEL.rows().stream().filter(r -> r.year() == 2013)).hasSize(152);
    assertThat(PANEL.rows().stream().filter(r -> r.year() == 2025)).hasSize(153);
    assertThat(PANEL.rows())
        .extracting(PanelRow::year)
        .containsOnly(2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025);
  }

  @Test
  void missingFolderIsReportedWithWhatToDo(@TempDir Path empty) {
    assertThatThrownBy(() -> PublishedPanel.load(empty))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith(
            "Cannot build the published-statistics panel from "
                + empty
                + ": "
                + PopulationEstimates.FILE
                + " is missing")
        .hasMessageContaining("Download it from Explore Education Statistics");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
