package org.soseval.pipeline.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;

/** The loader quirks, on the real files where they occur and on tiny files that isolate them. */
class PublishedCsvTest {
  @TempDir Path dir;

  @Test
  void dropsTheByteOrderMarkOfTheClaReleases() {
    // cla_number_and_rate_per_10k_children_2021_to_2025.csv starts with EF BB BF then time_period
    PublishedCsv csv =
        PublishedCsv.read(
            PublicData.file("dfe/cla_number_and_rate_per_10k_children_2021_to_2025.csv"),
            PublishedValue.Convention.EES);
    assertThat(csv.columns().get(0)).isEqualTo("time_period");
    assertThat(csv.rows().get(0).text("time_period")).isEqualTo("2025");
  }

  @Test
  void readsQuotedEmptyGeographyAsBlank() {
    // c4 line 2: 2025,Reporting year,National,E92000001,England,"","",,"","",...
    PublishedCsv csv =
        PublishedCsv.read(
            PublicData.file("dfe/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv"),
            PublishedValue.Convention.EES);
    PublishedCsv.Row national = csv.rows().get(0);
    assertThat(national.text("geographic_level")).isEqualTo("National");
    assertThat(national.text("region_code")).isEmpty();
    assertThat(national.text("new_la_code")).isEmpty();
    assertThat(national.value("Section47")).isEqualTo(PublishedValue.of(230_590));
  }

  @Test
  void findsDriftingColumnNamesByAlias() {
    // 2019-2023 release: population_count / number; 2021-2025 release: population_type /
    // children_count
    PublishedCsv older =
        PublishedCsv.read(
            PublicData.file("dfe/cla_number_and_rate_per_10k_children_2019_to_2023.csv"),
            PublishedValue.Convention.EES);
    PublishedCsv newer =
        PublishedCsv.read(
            PublicData.file("dfe/cla_number_and_rate_per_10k_children_2021_to_2025.csv"),
            PublishedValue.Convention.EES);
    assertThat(older.column("children_count", "number")).isEqualTo("number");
    assertThat(newer.column("children_count", "number")).isEqualTo("children_count");
    assertThat(older.column("population_type", "population_count")).isEqualTo("population_count");
  }

  @Test
  void findsTheMislabelledSfr2015StartColumn() {
    // SFR34_ADM2015.csv header: New_geog_code,geog_l,geog_c,geog_n,CLA_started2014,...
    PublishedCsv csv =
        PublishedCsv.read(
            PublicData.file("dfe_cla_2013_2024/sfr_2013_2017/SFR34_ADM2015.csv"),
            PublishedValue.Convention.SFR);
    assertThat(csv.hasColumn("CLA_started2015")).isFalse();
    assertThat(csv.columnMatching("CLA_started\\d{4}")).contains("CLA_started2014");
  }

  @Test
  void toleratesWindows1252StrayHeaderSpacesAndUnnamedColumns() throws IOException {
    Path file = dir.resolve("sfr.csv");
    Files.write(
        file,
        "New_geog_code,geog_l,geog_c,geog_n,CLA_NetGain ,,\r\nE06000001,LA,805,Hartlepool caf\u00e9,x,,\r\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252")));
    PublishedCsv csv = PublishedCsv.read(file, PublishedValue.Convention.SFR);
    assertThat(csv.columns())
        .containsExactly("New_geog_code", "geog_l", "geog_c", "geog_n", "CLA_NetGain");
    PublishedCsv.Row row = csv.rows().get(0);
    assertThat(row.text("geog_n")).isEqualTo("Hartlepool caf\u00e9");
    // in the SFR files a cross means suppressed
    assertThat(row.value("CLA_NetGain")).isEqualTo(PublishedValue.missing("c"));
  }

  @Test
  void rejectsAnUnknownCellWithFileLineAndColumn() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "time_period,referral_count\n2019,12%\n", StandardCharsets.UTF_8);
    PublishedCsv csv = PublishedCsv.read(file, PublishedValue.Convention.EES);
    assertThatThrownBy(() -> csv.rows().get(0).value("referral_count"))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "Cannot read bad.csv line 2 column referral_count: Cell is neither a number nor a GSS symbol (c, x, z, u, low, k, :): '12%'. Correct the cell or download the file again from its source");
  }

  @Test
  void missingColumnNamesTheFileAndItsColumns() throws IOException {
    Path file = dir.resolve("c1.csv");
    Files.writeString(file, "time_period,referrals\n2019,5\n", StandardCharsets.UTF_8);
    PublishedCsv csv = PublishedCsv.read(file, PublishedValue.Convention.EES);
    assertThatThrownBy(() -> csv.column("referral_count", "Referrals"))
        .isInstanceOf(PipelineException.class)
        .hasMessage(
            "Cannot read c1.csv: it has none of the columns referral_count, Referrals. Check this is the right DfE file; its columns are time_period, referrals");
  }
}
