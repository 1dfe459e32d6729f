package org.soseval.pipeline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublicData;
import org.soseval.pipeline.panel.PublishedValue;

class EesWriterTest {
  @TempDir Path dir;

  @Test
  void roundsHalfUpAsDfePublishes() {
    // 49 / 40,000 * 10,000 = 12.25 exactly; binary 12.25 would round to even (12.2) in R's round()
    assertThat(EesWriter.format(PublishedValue.of(12.25), Indicator.Kind.RATE)).isEqualTo("12.3");
    assertThat(EesWriter.format(PublishedValue.of(0.05), Indicator.Kind.PERCENT)).isEqualTo("0.1");
    // methods.md section 3: 1234 / 52,345 * 10,000 = 235.7436 -> 235.7
    assertThat(EesWriter.format(PublishedValue.of(1234 / 52_345.0 * 10_000), Indicator.Kind.RATE))
        .isEqualTo("235.7");
    // methods.md section 3 quotes D7 2025 England 2,710 / 62,300 -> "4.35% -> 4.4"; but
    // 2710 / 62300 = 4.3499...%, which rounds to 4.3: DfE's 4.4 comes from its unrounded counts,
    // and rounding 4.3499 first to 4.35 and then to 4.4 would round twice.
    assertThat(EesWriter.format(PublishedValue.of(2710 / 62_300.0 * 100), Indicator.Kind.PERCENT))
        .isEqualTo("4.3");
    assertThat(EesWriter.format(PublishedValue.of(85.0), Indicator.Kind.RATE)).isEqualTo("85.0");
    assertThat(EesWriter.format(PublishedValue.of(2.5), Indicator.Kind.COUNT)).isEqualTo("3");
    assertThat(EesWriter.format(PublishedValue.of(14.5), Indicator.Kind.MEDIAN)).isEqualTo("14.5");
    assertThat(EesWriter.format(PublishedValue.of(13), Indicator.Kind.MEDIAN)).isEqualTo("13");
    assertThat(EesWriter.format(PublishedValue.missing("c"), Indicator.Kind.RATE)).isEqualTo("c");
  }

  @Test
  void disclosureControlRunsBeforeWriting() throws IOException {
    List<PanelRow> rows = PublicData.panel().rows().stream().filter(r -> r.year() == 2019).toList();
    PublicationTable table = PanelTables.laIndicators(rows);
    List<String> seen = new ArrayList<>();
    DisclosureControl suppressLeicestershire =
        t -> {
          seen.add(t.name());
          return t.withRows(
              t.rows().stream()
                  .map(
                      r ->
                          r.geography().oldLaCode().equals("855")
                              ? r.with("s47_count", PublishedValue.missing("c"))
                                  .with("s47_rate", PublishedValue.missing("c"))
                              : r)
                  .toList());
        };
    EesWriter.Written written = EesWriter.write(table, suppressLeicestershire, dir);
    assertThat(seen).containsExactly("la_indicators");
    String leicestershire =
        Files.readAllLines(written.data(), StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains(",855,E10000018,"))
            .findFirst()
            .orElseThrow();
    assertThat(leicestershire).contains(",Leicestershire,5283,1299,24.6,x,x,x,x,c,c,544,");
  }

  @Test
  void writesPanelWithTotalsAndMetadata() throws IOException {
    List<PanelRow> rows = PublicData.panel().rows().stream().filter(r -> r.year() == 2019).toList();
    EesWriter.Written written =
        EesWriter.write(PanelTables.laIndicators(rows), DisclosureControl.ALREADY_PUBLIC, dir);
    List<String> lines = Files.readAllLines(written.data(), StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .startsWith(
            String.join(",", EesWriter.IDENTIFIER_COLUMNS)
                + ",referrals_count,rereferrals_12m_count,");
    // England 2019: referral counts of all 152 LAs are published, so the total is their sum
    double referrals =
        rows.stream().mapToDouble(r -> r.value(Indicator.REFERRALS_COUNT).number()).sum();
    assertThat(lines.get(1))
        .startsWith(
            "2019,Reporting year,National,E92000001,England,,,,,," + (long) referrals + ",");
    assertThat(lines)
        .filteredOn(l -> l.contains(",Regional,"))
        .extracting(l -> l.split(",")[6])
        .containsExactly(
            "North East",
            "North West",
            "Yorkshire and The Humber",
            "East Midlands",
            "West Midlands",
            "East of England",
            "London",
            "South East",
            "South West",
            "Inner London",
            "Outer London");
    assertThat(lines).hasSize(1 + 1 + 11 + 152);
    List<String> meta = Files.readAllLines(written.meta(), StandardCharsets.UTF_8);
    assertThat(meta.get(0)).isEqualTo(String.join(",", EesWriter.META_COLUMNS));
    assertThat(meta)
        .contains(
            "s47_rate,Indicator,\"Section 47 enquiries per 10,000 children\",Section 47 enquiries,,1,,",
            "rereferral_12m_percent,Indicator,Percentage of referrals within 12 months of a previous referral,Referrals,%,1,,",
            "referrals_count,Indicator,Number of referrals,Referrals,,0,,");
    assertThat(Files.readAllBytes(written.data())[0])
        .as("no byte-order mark")
        .isEqualTo((byte) 't');
  }

  @Test
  void everyPanelYearWrittenPassesTheEesChecks() {
    EesWriter.Written written =
        EesWriter.write(
            PanelTables.laIndicators(PublicData.panel().rows()),
            DisclosureControl.ALREADY_PUBLIC,
            dir);
    EesChecker.Report report = EesChecker.checkDirectory(dir);
    assertThat(report.files()).containsExactly(written.data());
    assertThat(report.findings()).isEmpty();
    assertThat(written.rows()).isEqualTo(PublicData.panel().rows().size() + 13 * 12);
  }
}
