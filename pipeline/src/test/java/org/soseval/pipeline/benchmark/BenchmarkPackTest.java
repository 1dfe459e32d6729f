package org.soseval.pipeline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soseval.pipeline.PipelineException;
import org.soseval.pipeline.compare.StatisticalNeighbours;
import org.soseval.pipeline.panel.Indicator;
import org.soseval.pipeline.panel.PanelRow;
import org.soseval.pipeline.panel.PublishedPanel;
import org.soseval.pipeline.publish.EesChecker;
import org.soseval.pipeline.stats.compare.BenchmarkComparison;
import org.soseval.pipeline.stats.compare.TrendMarker;

/** Leicestershire's pack, checked by hand against DfE's published files (../shared/data). */
class BenchmarkPackTest {
  private static final Path PUBLIC = Path.of("../../shared/data/public");
  private static PublishedPanel panel;
  private static BenchmarkPack pack;

  @TempDir static Path out;

  @BeforeAll
  static void build() {
    assertThat(PUBLIC.resolve("dfe")).as("../shared/data/public/dfe").isDirectory();
    panel = PublishedPanel.load(PUBLIC);
    pack =
        BenchmarkPack.build(
            panel, "855", Optional.empty(), StatisticalNeighbours.load(PUBLIC, "2021"));
  }

  private static BenchmarkPack.Row row(Indicator indicator, int year) {
    return pack.rows().stream()
        .filter(row -> row.indicator() == indicator && row.year() == year)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void usesTheNeighboursOfTheChosenModel() {
    // New_Statistical_Neighbour_Groupings_April_2021.csv, row 855: SN1 803 ... SN10 895
    assertThat(pack.neighbours())
        .containsExactly("803", "937", "823", "885", "850", "881", "938", "802", "860", "895");
  }

  @Test
  void theLasValueAndEnglandMatchThePublishedCounts() {
    BenchmarkPack.Row s47 = row(Indicator.S47_RATE, 2019);
    // c4 2019 Leicestershire Section47 = 1,174; ONS mid-2018 0-17 = 138,152 -> 84.98 per 10,000
    assertThat(s47.value().number()).isCloseTo(1174 * 10_000.0 / 138_152, within(1e-9));
    // England from the sum of the LAs; c4 2019 national row: Section47 201,170 (rounded to 10)
    // over ONS England mid-2018 11,755,593 = 171.13 per 10,000
    assertThat(s47.england().getAsDouble()).isCloseTo(171.13, within(171.13 * 0.01));
    assertThat(s47.neighboursWithData()).isEqualTo(10);
    assertThat(s47.comparedWithEngland()).isEqualTo(BenchmarkComparison.LOWER);
  }

  @Test
  void rankOneIsTheLowestValueWhereThereIsNoPolarity() {
    List<PanelRow> rows2019 = panel.rows().stream().filter(row -> row.year() == 2019).toList();
    PanelRow lowest =
        rows2019.stream()
            .filter(row -> row.value(Indicator.S47_RATE).isPresent())
            .min(
                (a, b) ->
                    Double.compare(
                        a.value(Indicator.S47_RATE).number(), b.value(Indicator.S47_RATE).number()))
            .orElseThrow();
    BenchmarkPack lowestPack =
        BenchmarkPack.build(
            panel,
            lowest.la().oldLaCode(),
            Optional.of(2019),
            StatisticalNeighbours.load(PUBLIC, "2021"));
    BenchmarkPack.Row row =
        lowestPack.rows().stream()
            .filter(r -> r.indicator() == Indicator.S47_RATE)
            .findFirst()
            .orElseThrow();
    assertThat(row.rank()).hasValue(1);
    assertThat(row.quartileBand()).contains("A");
    assertThat(lowestPack.rows()).allMatch(r -> r.year() == 2019);
  }

  @Test
  void changeAndTrendNeedTheirYears() {
    assertThat(row(Indicator.S47_RATE, 2013).change()).isEmpty();
    assertThat(row(Indicator.S47_RATE, 2014).change()).isPresent();
    assertThat(row(Indicator.S47_RATE, 2016).trend()).isEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
    assertThat(row(Indicator.S47_RATE, 2019).trend())
        .isNotEqualTo(TrendMarker.CANNOT_BE_CALCULATED);
  }

  @Test
  void indicatorsWithoutPublishedDataAreNotCompared() {
    BenchmarkPack.Row assessments = row(Indicator.ASSESSMENTS_COMPLETED_RATE, 2019);
    assertThat(assessments.value().isPresent()).isFalse();
    assertThat(assessments.rank()).isEmpty();
    assertThat(assessments.comparedWithEngland()).isEqualTo(BenchmarkComparison.NOT_COMPARED);
  }

  @Test
  void writesAPackThatPassesTheEesChecksAndAPage() throws Exception {
    BenchmarkWriter.Written written = BenchmarkWriter.write(pack, out);
    assertThat(EesChecker.checkDirectory(written.data().getParent()).findings()).isEmpty();
    String html = Files.readString(written.html());
    assertThat(html).contains("Leicestershire (855)", "reporting year 2025", "#C9C9C9");
  }

  @Test
  void anUnknownLaIsAUsageError() {
    assertThatThrownBy(
            () ->
                BenchmarkPack.build(
                    panel, "999", Optional.empty(), StatisticalNeighbours.load(PUBLIC, "2021")))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("Cannot benchmark LA 999: the published statistics have no rows");
  }
}
